import { getMetadataStorage, ValidationError } from 'class-validator';
import { RULES_WITH_MESSAGES, toFieldErrors } from './validation-messages';
// Loading the DTO modules registers their rules in class-validator's metadata storage.
import '../actions/action-dtos';
import '../admin/admin.dto';
import '../metrics/metrics.query';
import '../auth/auth.dto';
import '../cases/list-cases.query';
import '../cases/register-case.dto';
import '../petitioners/petitioner-data.controller';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('field errors', () => {
  it('flattens nested errors to dotted paths with Chinese and English messages', () => {
    const errors = [
      error('channel', { isIn: 'channel must be one of the following values: letter, visit' }),
      error('petitioner', {}, [error('name', { isNotEmpty: 'name should not be empty' })]),
      error('extra', { whitelistValidation: 'property extra should not exist' }),
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'channel', code: 'isIn', message: '取值无效 / invalid value (allowed: letter, visit)' },
      { field: 'petitioner.name', code: 'isNotEmpty', message: '不能为空 / must not be empty' },
      { field: 'extra', code: 'whitelistValidation', message: '不允许的字段 / field is not allowed' },
    ]);
  });

  it('translates the array rules', () => {
    expect(
      toFieldErrors([
        error('roles', { arrayMinSize: 'roles must contain at least 1 elements' }),
        error('tags', { arrayUnique: "All tags's elements must be unique" }),
      ]),
    ).toEqual([
      { field: 'roles', code: 'arrayMinSize', message: '项数过少 / too few items (min 1)' },
      { field: 'tags', code: 'arrayUnique', message: '不得重复 / items must be unique' },
    ]);
  });

  it('keeps the library message for a rule without a translation', () => {
    expect(toFieldErrors([error('x', { isEmail: 'x must be an email' })])).toEqual([
      { field: 'x', code: 'isEmail', message: 'x must be an email' },
    ]);
  });
});

describe('every rule the API validates with', () => {
  it('has a Chinese and English message', () => {
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { name?: string; type: string }[]>;
    };
    const used = new Set(
      [...storage.validationMetadatas.values()]
        .flat()
        .filter((rule) => rule.type === 'customValidation' && rule.name)
        .map((rule) => rule.name!),
    );
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((name) => !RULES_WITH_MESSAGES.includes(name))).toEqual([]);
  });
});
