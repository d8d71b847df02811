import { type ValidationError } from 'class-validator';
import { type FieldError } from './api-error';

/** Chinese first, English beside: what each validation rule means to the person who filled the form. */
const MESSAGES: Record<string, (constraint: string) => string> = {
  whitelistValidation: () => '不允许的字段 / field is not allowed',
  isDefined: () => '必填 / is required',
  isNotEmpty: () => '不能为空 / must not be empty',
  isString: () => '必须是文本 / must be a string',
  isObject: () => '必须是对象 / must be an object',
  isIn: (detail) => `取值无效 / invalid value (${detail.replace(/^.*following values: /, 'allowed: ')})`,
  maxLength: (detail) => `过长 / too long (${detail.replace(/^.*equal to /, 'max ')})`,
  matches: () => '格式不正确 / has an invalid format',
  isIso8601: () => '必须是 ISO-8601 时间 / must be an ISO-8601 date-time',
  nestedValidation: () => '必须是对象 / must be an object',
  isResidentId: (detail) => detail,
  isDocumentNumber: (detail) => detail,
  isInt: () => '必须是整数 / must be an integer',
  min: (detail) => `过小 / too small (${detail.replace(/^.*not be less than /, 'min ')})`,
  max: (detail) => `过大 / too large (${detail.replace(/^.*not be greater than /, 'max ')})`,
  minLength: (detail) => `过短 / too short (${detail.replace(/^.*equal to /, 'min ')})`,
  isBoolean: () => '必须是 true 或 false / must be a boolean',
  isArray: () => '必须是数组 / must be an array',
  arrayMinSize: (detail) => `项数过少 / too few items (min ${/\d+/.exec(detail)?.[0]})`,
  arrayMaxSize: (detail) => `项数过多 / too many items (max ${/\d+/.exec(detail)?.[0]})`,
  arrayUnique: () => '不得重复 / items must be unique',
  isUuid: () => '必须是 UUID / must be a UUID',
};

/** The rules that have a bilingual message (every rule the DTOs use must be among them). */
export const RULES_WITH_MESSAGES = Object.keys(MESSAGES);

/** Flattens class-validator's nested errors into one entry per field and rule. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, detail]) => ({
      field,
      code,
      message: (MESSAGES[code] ?? (() => detail))(detail),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}
