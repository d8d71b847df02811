import { idNumberMessage, idNumberProblem, normalizeIdNumber } from './identity-document';

const TODAY = '2026-11-29';

describe('identity document numbers by type', () => {
  it('checks a resident ID with its check character and birth date', () => {
    expect(idNumberProblem('residentId', '11010519491231002X', TODAY)).toBeNull();
    expect(idNumberProblem('residentId', '110105194912310021', TODAY)).toBe('checkDigit');
    expect(idNumberProblem('residentId', '110105203001010021', TODAY)).toBe('birthDate');
    expect(idNumberProblem('residentId', 'E12345678', TODAY)).toBe('format');
  });

  it('checks other documents by their printed format only', () => {
    expect(idNumberProblem('passport', 'E12345678', TODAY)).toBeNull();
    expect(idNumberProblem('passport', 'ea 1234567', TODAY)).toBeNull();
    expect(idNumberProblem('passport', 'E12', TODAY)).toBe('documentFormat');
    expect(idNumberProblem('passport', 'E1234567!', TODAY)).toBe('documentFormat');
    expect(idNumberProblem('hkMacaoPermit', 'H12345678', TODAY)).toBeNull();
    expect(idNumberProblem('hkMacaoPermit', 'm1234567890', TODAY)).toBeNull();
    expect(idNumberProblem('hkMacaoPermit', 'X12345678', TODAY)).toBe('documentFormat');
    expect(idNumberProblem('hkMacaoPermit', 'H1234567', TODAY)).toBe('documentFormat');
    expect(idNumberProblem('taiwanPermit', '12345678', TODAY)).toBeNull();
    expect(idNumberProblem('taiwanPermit', '1234567890(B)', TODAY)).toBeNull();
    expect(idNumberProblem('taiwanPermit', '1234567', TODAY)).toBe('documentFormat');
    expect(idNumberProblem('other', 'AB-1234', TODAY)).toBeNull();
    expect(idNumberProblem('other', '证件一号', TODAY)).toBe('documentFormat');
  });

  it('a resident ID number is not valid as another document unless its format fits', () => {
    // An 18-digit number fits the passport pattern's length bound only up to 17 characters.
    expect(idNumberProblem('passport', '11010519491231002X', TODAY)).toBe('documentFormat');
  });

  it('normalizes spacing, hyphens, brackets and case', () => {
    expect(normalizeIdNumber(' h 1234-5678 ')).toBe('H12345678');
    expect(normalizeIdNumber('1234567890（b）')).toBe('1234567890B');
  });

  it('names the document in its message', () => {
    expect(idNumberMessage('hkMacaoPermit', 'documentFormat')).toContain('港澳');
    expect(idNumberMessage('residentId', 'checkDigit')).toContain('校验位');
  });
});
