import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card, Col, Input, Row, Select, Tree } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, bodyOf } from '../api/client';
import type { components } from '../api/schema';
import { UNIT_LEVELS } from '../cases/labels';
import { PageState } from '../common/PageState';
import { useApiForm } from '../common/use-api-form';
import { CreateForm, RequiredItem } from './CreateForm';
import { unitTree } from '../common/unit-tree';
import { UnitTreeSelect, useUnitDirectory } from '../common/UnitTreeSelect';
import { NoticeNumberingCard } from './NoticeNumberingCard';

type CreateUnit = components['schemas']['CreateUnitDto'];

/** The administrator's unit subtree, and new units under it. */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnitDirectory();
  const queryClient = useQueryClient();
  const apiForm = useApiForm<CreateUnit>(['code', 'name', 'level', 'parentCode']);
  const create = useMutation({
    mutationFn: (body: CreateUnit) => bodyOf(api.POST('/api/admin/units', { body })),
    onSuccess: async () => {
      apiForm.reset();
      await queryClient.invalidateQueries({ queryKey: ['units'] });
    },
    onError: apiForm.onError,
  });
  const tree = unitTree(units.data ?? []).map(function toTree(node): {
    key: string;
    title: string;
    children: ReturnType<typeof toTree>[];
  } {
    return { key: node.value, title: node.title, children: node.children.map(toTree) };
  });
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Card title={t('admin.units')}>
          <PageState query={units} empty={tree.length === 0}>
            {/* Mounted afresh with new data, so a new unit shows expanded like the rest. */}
            <Tree
              key={units.dataUpdatedAt}
              treeData={tree}
              defaultExpandAll
              selectable={false}
              data-testid="unit-tree"
            />
          </PageState>
        </Card>
      </Col>
      <Col span={12}>
        <Card title={t('admin.newUnit')}>
          <CreateForm name="newUnit" layout="vertical" apiForm={apiForm} create={create}>
            <RequiredItem name="parentCode" label={t('admin.parentUnit')}>
              <UnitTreeSelect />
            </RequiredItem>
            <RequiredItem name="code" label={t('admin.unitCode')}>
              <Input />
            </RequiredItem>
            <RequiredItem name="name" label={t('admin.unitName')}>
              <Input />
            </RequiredItem>
            <RequiredItem name="level" label={t('admin.unitLevel')}>
              <Select
                options={UNIT_LEVELS.map((level) => ({ value: level, label: t(`unitLevel.${level}`) }))}
              />
            </RequiredItem>
          </CreateForm>
        </Card>
        <NoticeNumberingCard />
      </Col>
    </Row>
  );
}
