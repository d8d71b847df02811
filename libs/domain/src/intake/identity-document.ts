import { RESIDENT_ID_MESSAGES, type ResidentIdProblem, residentIdProblem } from './resident-id';

/**
 * The identity documents a petitioner (or a representative) may show at intake. Only the mainland
 * resident ID carries a check character and a birth date that can be verified; the others are checked
 * for their printed format only.
 */
export const ID_TYPES = ['residentId', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const DEFAULT_ID_TYPE: IdType = 'residentId';

export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  residentId: '居民身份证',
  passport: '护照',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  other: '其他证件',
};

export type IdNumberProblem = ResidentIdProblem | 'documentFormat';

/** Printed formats of the documents other than the resident ID, on the normalized number. */
const DOCUMENT_FORMATS: Readonly<Record<Exclude<IdType, 'residentId'>, RegExp>> = {
  // Chinese and foreign passports: 5–17 letters and digits (ICAO 9303 allows up to 9 in the MRZ, some
  // states print longer numbers).
  passport: /^[A-Z0-9]{5,17}$/,
  // H (Hong Kong) or M (Macao) and 8 digits; older cards add 2 digits.
  hkMacaoPermit: /^[HM]\d{8}(\d{2})?$/,
  // 8 digits since 2015; older permits 10 digits, sometimes with a letter.
  taiwanPermit: /^(\d{8}|\d{10}[A-Z]?)$/,
  other: /^[A-Z0-9]{2,40}$/,
};

const DOCUMENT_MESSAGES: Readonly<Record<Exclude<IdType, 'residentId'>, string>> = {
  passport: '护照号码应为5–17位字母或数字 / a passport number is 5–17 letters or digits',
  hkMacaoPermit:
    '港澳居民来往内地通行证号码应为H或M加8位（旧证10位）数字 / must be H or M followed by 8 (older: 10) digits',
  taiwanPermit:
    '台湾居民来往大陆通行证号码应为8位数字（旧证10位数字，可带1个字母）/ must be 8 digits (older: 10 digits, optionally a letter)',
  other: '证件号码应为2–40位字母或数字 / must be 2–40 letters or digits',
};

/**
 * The number as it is compared, indexed and stored: upper case, without spaces, hyphens or brackets
 * (clerks copy them from the card in different ways).
 */
export function normalizeIdNumber(value: string): string {
  return value.replace(/[\s\-()（）]/g, '').toUpperCase();
}

/** Why `value` is not a valid number of a document of `type`, or null when it is. */
export function idNumberProblem(type: IdType, value: string, today: string): IdNumberProblem | null {
  if (type === 'residentId') return residentIdProblem(value, today);
  return DOCUMENT_FORMATS[type].test(normalizeIdNumber(value)) ? null : 'documentFormat';
}

/** The clerk-facing message for a problem with a number of a document of `type`. */
export function idNumberMessage(type: IdType, problem: IdNumberProblem): string {
  if (problem === 'documentFormat') return DOCUMENT_MESSAGES[type === 'residentId' ? 'other' : type];
  return RESIDENT_ID_MESSAGES[problem];
}

export function isIdType(value: unknown): value is IdType {
  return typeof value === 'string' && (ID_TYPES as readonly string[]).includes(value);
}
