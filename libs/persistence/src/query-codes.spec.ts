import { generateQueryCode } from './query-codes';

describe('generateQueryCode', () => {
  it('gives 8 characters without 0/O or 1/I/L, printed in two groups of four', () => {
    const codes = Array.from({ length: 2000 }, generateQueryCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
