/** Personal data as staff see it by default: enough to recognise, not enough to use. */
export function maskIdNumber(value: string): string {
  return value.length <= 10
    ? '*'.repeat(value.length)
    : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length <= 7
    ? '*'.repeat(digits.length)
    : `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskAddress(value: string): string {
  const chars = [...value];
  return `${chars.slice(0, Math.min(3, Math.floor(chars.length / 2))).join('')}***`;
}

/**
 * A name as lists show it: the first character (the family name, for most Chinese names) and one * for
 * each other character — 张三 → 张*, 欧阳娜娜 → 欧***; a name of one character is shown as *.
 */
export function maskPersonName(value: string): string {
  const chars = [...value.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
