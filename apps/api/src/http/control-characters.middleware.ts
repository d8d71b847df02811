import { type NextFunction, type Request, type Response } from 'express';
import { validationFailedBody } from './api-error';

/** C0 control characters other than tab, line feed and carriage return: never part of a petition or a note. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The first string field (as a dotted path) holding a control character, if any. */
export function fieldWithControlCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTERS.test(value) ? path || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = fieldWithControlCharacter(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = fieldWithControlCharacter(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuses a JSON body or a query string carrying control characters (NUL among them, which PostgreSQL
 * cannot store or compare in text) with a 400 naming the field, before any controller sees it.
 */
export function rejectControlCharacters(request: Request, response: Response, next: NextFunction): void {
  const field = fieldWithControlCharacter(request.body) ?? fieldWithControlCharacter(request.query);
  if (!field) return next();
  const body = validationFailedBody([
    { field, code: 'controlCharacter', message: '含有不允许的控制字符 / contains a control character' },
  ]);
  response.status(body.statusCode).json(body);
}
