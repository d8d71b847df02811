/** The console's pages and who sees each in the menu (the API still decides what each may do). */
export const PAGES = [
  { key: 'queue', path: '/cases', roles: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor'] },
  { key: 'intake', path: '/cases/new', roles: ['clerk'] },
  {
    key: 'inbox',
    path: '/inbox',
    roles: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor', 'admin'],
  },
  { key: 'dashboard', path: '/dashboard', roles: ['unitLeader', 'packageLeader', 'supervisor'] },
  {
    key: 'reception',
    path: '/reception',
    roles: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor', 'admin'],
  },
  { key: 'units', path: '/admin/units', roles: ['admin'] },
  { key: 'users', path: '/admin/users', roles: ['admin'] },
  { key: 'policies', path: '/admin/policies', roles: ['admin'] },
  { key: 'calendars', path: '/admin/calendars', roles: ['admin'] },
  { key: 'noticeTemplates', path: '/admin/notice-templates', roles: ['admin'] },
] as const;

export type PageKey = (typeof PAGES)[number]['key'];

export function pagesFor(roles: readonly string[]): (typeof PAGES)[number][] {
  return PAGES.filter((page) => page.roles.some((role) => roles.includes(role)));
}

/** Where a user lands after login: the first page their roles open. */
export function homePathFor(roles: readonly string[]): string {
  return pagesFor(roles)[0]?.path ?? '/inbox';
}
