import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, bodyOf } from '../api/client';
import type { UnitRow } from '../api/types';
import { hasAnyRole, useSession } from '../auth/session';
import { unitTree } from './unit-tree';

/**
 * The units the user may choose. Only administrators can list the unit tree today (GET /api/admin/units);
 * other staff get their own unit until the API offers a staff-readable unit directory.
 */
export function useUnitDirectory() {
  const { me } = useSession();
  const isAdmin = hasAnyRole(me, ['admin']);
  return useQuery({
    queryKey: ['units', me?.unitCode, isAdmin],
    enabled: !!me,
    queryFn: async (): Promise<UnitRow[]> => {
      if (isAdmin) return (await bodyOf<{ items: UnitRow[] }>(api.GET('/api/admin/units'))).items;
      return [{ code: me!.unitCode, name: me!.unitCode, level: '', parentCode: null, depth: 0 }];
    },
  });
}

export function UnitTreeSelect(props: { value?: string; onChange?: (code: string) => void; id?: string }) {
  const { t } = useTranslation();
  const units = useUnitDirectory();
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      loading={units.isPending}
      treeData={unitTree(units.data ?? [])}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('intake.unitPlaceholder')}
      allowClear
    />
  );
}
