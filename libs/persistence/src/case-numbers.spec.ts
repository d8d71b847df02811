import { formatCaseNumber } from './case-numbers';

describe('case numbers', () => {
  it('read as unit, year and a zero-padded sequence', () => {
    expect(formatCaseNumber('QX', 2026, 7)).toBe('QX-2026-000007');
    expect(formatCaseNumber('QX-JD01', 2027, 1234567)).toBe('QX-JD01-2027-1234567');
  });
});
