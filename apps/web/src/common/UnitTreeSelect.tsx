import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, bodyOf } from '../api/client';
import type { UnitRow } from '../api/types';
import { hasAnyRole, useSession } from '../auth/session';
import { unitTree } from './unit-tree';

/**
 * The units the user may choose: an administrator's own subtree (where they may add units), for other
 * staff the whole tree their unit belongs to (GET /api/units), to register, transfer or assign down.
 */
export function useUnitDirectory() {
  const { me } = useSession();
  const isAdmin = hasAnyRole(me, ['admin']);
  return useQuery({
    queryKey: ['units', me?.unitCode, isAdmin],
    enabled: !!me,
    queryFn: async (): Promise<UnitRow[]> => {
      if (isAdmin) return (await bodyOf<{ items: UnitRow[] }>(api.GET('/api/admin/units'))).items;
      return (await bodyOf<{ items: UnitRow[] }>(api.GET('/api/units'))).items;
    },
  });
}

const UNIT_CODE = /^[A-Z0-9][A-Z0-9-]*$/;

/**
 * A unit from the tree. A unit outside it (another tree, e.g. a transfer to another region's body) can be
 * named by its code: typed into the search, it is offered as a choice (the API checks that it exists).
 */
export function UnitTreeSelect(props: { value?: string; onChange?: (code: string) => void; id?: string }) {
  const { t } = useTranslation();
  const units = useUnitDirectory();
  const [typed, setTyped] = useState('');
  const listed = units.data ?? [];
  const typedCode = typed.trim().toUpperCase();
  const offerTyped = UNIT_CODE.test(typedCode) && !listed.some((unit) => unit.code === typedCode);
  const chosenUnlisted =
    props.value && !listed.some((unit) => unit.code === props.value) ? [props.value] : [];
  const extra = [...new Set([...(offerTyped ? [typedCode] : []), ...chosenUnlisted])].map((code) => ({
    value: code,
    title: t('intake.unitByCode', { code }),
    children: [],
  }));
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      loading={units.isPending}
      // Opened only once the tree is there: its nodes are expanded when it first renders with them.
      disabled={units.isPending}
      onSearch={setTyped}
      treeData={[...unitTree(listed), ...extra]}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('intake.unitPlaceholder')}
      allowClear
    />
  );
}
