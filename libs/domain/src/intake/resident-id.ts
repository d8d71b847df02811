/**
 * Mainland resident identity numbers (GB 11643-1999): 17 digits (region, birth date YYYYMMDD,
 * sequence) and a check character computed with ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type ResidentIdProblem = 'format' | 'birthDate' | 'checkDigit';

/** The check character the first 17 digits call for. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Why a number is not a valid resident ID, or null when it is. `today` (YYYY-MM-DD) bounds the birth
 * date: not in the future, and not before 1900.
 */
export function residentIdProblem(value: string, today: string): ResidentIdProblem | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const parsed = new Date(`${birth}T00:00:00Z`);
  if (
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== birth ||
    birth < '1900-01-01' ||
    birth > today
  ) {
    return 'birthDate';
  }
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17] ? null : 'checkDigit';
}

export const RESIDENT_ID_MESSAGES: Record<ResidentIdProblem, string> = {
  format: '身份证号应为18位，前17位为数字，末位为数字或X / must be 18 characters: 17 digits and a digit or X',
  birthDate: '身份证号中的出生日期不合理 / the birth date in the ID number is not plausible',
  checkDigit: '身份证号校验位不正确 / the check character of the ID number is wrong',
};
