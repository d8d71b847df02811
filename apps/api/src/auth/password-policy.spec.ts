import { passwordPolicyViolations } from './password-policy';

const codes = (password: string, username = 'zhang.san') =>
  passwordPolicyViolations(password, username).map((error) => error.code);

describe('password policy', () => {
  it('accepts a long password with three character classes that is not the username', () => {
    expect(codes('Correct-horse-7')).toEqual([]);
    expect(codes('green tea 2026 Hangzhou')).toEqual([]);
    expect(codes('长城永远不倒长江黄河Ab1')).toEqual([]);
  });

  it('needs at least 12 characters (counted as characters, not bytes) and at most 128', () => {
    expect(codes('Short-pass1')).toEqual(['password.tooShort']);
    expect(codes('Abcdefgh-12')).toContain('password.tooShort');
    expect(codes('Abcdefghi-12')).toEqual([]);
    expect(codes('Aa1-' + 'x'.repeat(125))).toEqual(['password.tooLong']);
  });

  it('needs three of upper case, lower case, digits and symbols', () => {
    expect(codes('alllowercaseletters')).toEqual(['password.tooFewClasses']);
    expect(codes('lowercase and 1234')).toEqual([]);
    expect(codes('UPPER-and-lower')).toEqual([]);
    expect(codes('123456789012')).toContain('password.tooFewClasses');
  });

  it('refuses the username inside the password, whatever the case', () => {
    expect(codes('Zhang.San-2026!', 'zhang.san')).toEqual(['password.containsUsername']);
    expect(codes('my-ADMIN-pass-1', 'admin')).toEqual(['password.containsUsername']);
  });

  it('refuses repeated characters, sequences and well-known passwords', () => {
    expect(codes('aaaaaaaaaaaA1')).toContain('password.repetitive');
    expect(codes('abcdefghijklmn')).toContain('password.repetitive');
    expect(codes('Password12345!')).toContain('password.common');
    expect(codes('P@ssw0rd')).toEqual(expect.arrayContaining(['password.tooShort']));
  });

  it('answers as field errors with Chinese and English messages', () => {
    expect(passwordPolicyViolations('short', 'someone', 'newPassword')[0]).toEqual({
      field: 'newPassword',
      code: 'password.tooShort',
      message: '至少 12 个字符 / at least 12 characters',
    });
  });
});
