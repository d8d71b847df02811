import { caseError } from './case-errors';
import { Instant, isInstant, isLocalDate, LocalDate } from './time-values';

/**
 * Checks of untrusted action input (Update arguments arrive as JSON): each returns the checked value or
 * throws FIELD_REQUIRED / FIELD_INVALID naming the field.
 */

export function requireText(value: unknown, field: string, labelZh: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw caseError('FIELD_REQUIRED', { zh: `请填写${labelZh}`, en: `${field} is required`, field });
  }
  return value.trim();
}

export function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw caseError('FIELD_INVALID', { zh: `${field} 须为文本`, en: `${field} must be text`, field });
  }
  return value.trim() === '' ? null : value.trim();
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw caseError('FIELD_INVALID', {
      zh: `${field} 取值无效`,
      en: `${field} must be one of ${allowed.join(', ')}`,
      field,
      details: { allowed },
    });
  }
  return value as T;
}

export function requireLocalDate(value: unknown, field: string): LocalDate {
  if (value === undefined || value === null || value === '') {
    throw caseError('FIELD_REQUIRED', { zh: `请填写日期 ${field}`, en: `${field} is required`, field });
  }
  if (!isLocalDate(value)) {
    throw caseError('FIELD_INVALID', {
      zh: `日期格式应为 YYYY-MM-DD：${field}`,
      en: `${field} must be YYYY-MM-DD`,
      field,
    });
  }
  return value;
}

export function optionalLocalDate(value: unknown, field: string): LocalDate | null {
  return value === undefined || value === null ? null : requireLocalDate(value, field);
}

export function requireInstant(value: unknown, field: string): Instant {
  if (!isInstant(value)) {
    throw caseError('FIELD_INVALID', {
      zh: `时间格式应为 ISO-8601（含时区）：${field}`,
      en: `${field} must be an ISO-8601 instant with offset`,
      field,
    });
  }
  return value;
}

/** A list of non-empty strings; `min` 1 makes it required. */
export function requireTextList(value: unknown, field: string, labelZh: string, min = 0): string[] {
  if (value === undefined || value === null) {
    if (min > 0)
      throw caseError('FIELD_REQUIRED', { zh: `请填写${labelZh}`, en: `${field} is required`, field });
    return [];
  }
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw caseError('FIELD_INVALID', {
      zh: `${labelZh}格式无效`,
      en: `${field} must be a list of text`,
      field,
    });
  }
  if (value.length < min) {
    throw caseError('FIELD_REQUIRED', {
      zh: `请填写${labelZh}`,
      en: `${field} needs at least ${min}`,
      field,
    });
  }
  return value as string[];
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw caseError('FIELD_INVALID', {
      zh: `${field} 须为是/否`,
      en: `${field} must be true or false`,
      field,
    });
  }
  return value;
}
