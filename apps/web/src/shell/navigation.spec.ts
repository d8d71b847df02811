import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { homePathFor, PAGES, pagesFor } from './navigation';

describe('navigation by role', () => {
  it('gives each role its own pages', () => {
    expect(pagesFor(['clerk']).map((page) => page.key)).toEqual(['queue', 'intake', 'inbox', 'reception']);
    expect(pagesFor(['supervisor']).map((page) => page.key)).toEqual([
      'queue',
      'inbox',
      'dashboard',
      'reception',
    ]);
    expect(pagesFor(['admin']).map((page) => page.key)).toEqual([
      'inbox',
      'reception',
      'units',
      'users',
      'policies',
      'calendars',
      'noticeTemplates',
    ]);
    expect(homePathFor(['admin'])).toBe('/inbox');
    expect(homePathFor(['clerk'])).toBe('/cases');
  });

  it('shows a page only to roles the API lets use it', () => {
    const allowed = (permission: keyof typeof PERMISSION_ROLES) => [...PERMISSION_ROLES[permission]].sort();
    const rolesOf = (key: string) => [...PAGES.find((page) => page.key === key)!.roles].sort();
    expect(rolesOf('queue')).toEqual(allowed('readCases'));
    expect(rolesOf('inbox')).toEqual(allowed('readInbox'));
    expect(rolesOf('dashboard')).toEqual(allowed('readMetrics'));
    for (const key of ['users', 'policies', 'calendars', 'noticeTemplates'])
      expect(rolesOf(key)).toEqual(allowed('administer'));
    expect(rolesOf('reception')).toEqual(allowed('readReceptionSchedule'));
  });
});
