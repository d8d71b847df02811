/**
 * 2026's National Day as the State Council published it, for specs: off Thu 1 – Wed 7 Oct, made up on
 * Sun 20 Sep and Sat 10 Oct.
 */
export const NATIONAL_DAY_2026: { readonly holidays: string[]; readonly makeupWorkdays: string[] } = {
  holidays: [
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  makeupWorkdays: ['2026-09-20', '2026-10-10'],
};
