import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../libs/domain/src/org/roles';
import { api, bodyOf } from '../api/client';
import type { components } from '../api/schema';

/** One person in the staff directory (GET /api/staff). */
export type StaffEntry = components['schemas']['StaffEntryDto'];

/** The staff on the user's unit line (GET /api/staff), narrowed by role and by the typed part of a name. */
export function useStaffDirectory(roles: readonly Role[] | undefined, q: string) {
  const role = roles?.length === 1 ? roles[0] : undefined;
  return useQuery({
    queryKey: ['staff', role ?? null, q],
    queryFn: async () => {
      const query: Record<string, string | number> = { limit: 100 };
      if (role) query.role = role;
      if (q) query.q = q;
      const body = await bodyOf<{ items: StaffEntry[] }>(
        api.GET('/api/staff', { params: { query: query as never } }),
      );
      return body.items.filter((entry) => !roles?.length || entry.roles.some((r) => roles.includes(r)));
    },
    staleTime: 60_000,
  });
}

/** How a person reads in a picker: name · unit · roles. */
export function staffLabel(entry: StaffEntry, roleName: (role: Role) => string): string {
  return `${entry.name} · ${entry.unitName} · ${entry.roles.map(roleName).join('、')}`;
}

/**
 * A person (or several) chosen by name, unit and role instead of a typed user ID. Typing searches the
 * directory by a part of the name or of the unit's name; the field's roles narrow it. A value not in
 * the directory (chosen earlier, or off the line) stays shown by its ID.
 */
export function StaffSelect(props: {
  roles?: readonly Role[];
  multiple?: boolean;
  id?: string;
  value?: string | string[];
  onChange?(value: string | string[] | undefined): void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const staff = useStaffDirectory(props.roles, typed.trim());
  const listed = staff.data ?? [];
  const chosen = props.value === undefined ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const options = [
    ...listed.map((entry) => ({
      value: entry.id,
      label: staffLabel(entry, (role) => t(`role.${role}`, role)),
    })),
    ...chosen
      .filter((id) => !listed.some((entry) => entry.id === id))
      .map((id) => ({ value: id, label: id })),
  ];
  return (
    <Select
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value}
      onChange={props.onChange}
      onSearch={setTyped}
      showSearch
      allowClear
      loading={staff.isFetching}
      filterOption={false}
      placeholder={t('staff.placeholder')}
      notFoundContent={staff.isError ? t('state.error') : t('staff.none')}
      options={options}
      data-testid="staff-select"
    />
  );
}
