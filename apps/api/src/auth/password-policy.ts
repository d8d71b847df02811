import { type FieldError } from '../http/api-error';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** A few passwords every guessing list starts with (lower-cased, compared after removing digits and symbols too). */
const COMMON = new Set([
  'password',
  'passw0rd',
  'qwertyuiop',
  'qwerty',
  'administrator',
  'admin',
  'welcome',
  'letmein',
  'iloveyou',
  'abcdefghijkl',
  'woaini',
  'zhongguo',
  'china',
]);

type Rule = 'tooShort' | 'tooLong' | 'tooFewClasses' | 'containsUsername' | 'repetitive' | 'common';

const MESSAGES: Record<Rule, string> = {
  tooShort: `至少 ${PASSWORD_MIN_LENGTH} 个字符 / at least ${PASSWORD_MIN_LENGTH} characters`,
  tooLong: `最多 ${PASSWORD_MAX_LENGTH} 个字符 / at most ${PASSWORD_MAX_LENGTH} characters`,
  tooFewClasses:
    '须包含大写字母、小写字母、数字、符号中的至少三类 / needs at least three of: upper case, lower case, digits, symbols',
  containsUsername: '不得包含用户名 / must not contain the username',
  repetitive:
    '不得为重复或连续的字符（至少 5 个不同字符）/ must not be a repeated or sequential run of characters (at least 5 different characters)',
  common: '过于常见 / too common',
};

function isRunOrRepeat(password: string): boolean {
  if (new Set(password).size < 5) return true;
  const codes = [...password].map((c) => c.codePointAt(0)!);
  const diffs = codes.slice(1).map((code, i) => code - codes[i]!);
  return diffs.every((d) => d === 1) || diffs.every((d) => d === -1);
}

/**
 * The password rules (等保 level 3 asks for length and complexity): ≥ 12 characters, three of four character
 * classes, not the username, not a run of one character or a sequence, not a well-known password.
 * Returns the broken rules as field errors on `field` (empty when the password is acceptable).
 */
export function passwordPolicyViolations(
  password: string,
  username: string,
  field = 'newPassword',
): FieldError[] {
  const broken: Rule[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) broken.push('tooShort');
  if (length > PASSWORD_MAX_LENGTH) broken.push('tooLong');
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) broken.push('tooFewClasses');
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) broken.push('containsUsername');
  if (isRunOrRepeat(password)) broken.push('repetitive');
  const letters = lower.replace(/[^a-z]/g, '');
  if (COMMON.has(lower) || COMMON.has(letters)) broken.push('common');
  return broken.map((code) => ({ field, code: `password.${code}`, message: MESSAGES[code] }));
}
