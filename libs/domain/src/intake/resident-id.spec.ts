import { residentIdCheckCharacter, residentIdProblem } from './resident-id';

describe('mainland resident ID numbers (GB 11643)', () => {
  // Worked by hand: 11010519491231002 → Σ digit×weight = 167; 167 mod 11 = 2 → check character 'X'.
  it('computes the check character', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    // 44030419900307001 → 28+36+0+15+0+16+2+9+54+0+0+27+0+35+0+0+2 = 224; 224 mod 11 = 4 → '8'.
    expect(residentIdCheckCharacter('44030419900307001')).toBe('8');
  });

  it('accepts valid numbers, lower-case x included', () => {
    expect(residentIdProblem('11010519491231002X', '2026-11-29')).toBeNull();
    expect(residentIdProblem('11010519491231002x', '2026-11-29')).toBeNull();
    expect(residentIdProblem('440304199003070018', '2026-11-29')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(residentIdProblem('110105194912310021', '2026-11-29')).toBe('checkDigit');
    expect(residentIdProblem('11010519491231002', '2026-11-29')).toBe('format');
    expect(residentIdProblem('1101051949123100AX', '2026-11-29')).toBe('format');
    expect(residentIdProblem('110105194902300021', '2026-11-29')).toBe('birthDate'); // 30 February
    expect(residentIdProblem('110105203001010021', '2026-11-29')).toBe('birthDate'); // born in 2030
    expect(residentIdProblem('110105189912310021', '2026-11-29')).toBe('birthDate'); // before 1900
  });
});
