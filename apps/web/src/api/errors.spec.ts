import { ApiFailure, formFieldErrors, showApiErrors } from './errors';

const failure = new ApiFailure(400, 'VALIDATION_FAILED', 'request validation failed', [
  { field: 'petitioner.idNumber', code: 'isResidentId', message: 'bad id' },
  { field: 'collective.representatives.1.phone', code: 'matches', message: 'bad phone' },
  { field: 'collective.representatives', code: 'TOO_MANY_REPRESENTATIVES', message: 'too many' },
  { field: 'secret', code: 'whitelistValidation', message: 'not allowed' },
]);

describe('API field errors at form fields', () => {
  it('names list items by their numeric index and matches `*` to any index', () => {
    expect(
      formFieldErrors(failure, [
        'petitioner.idNumber',
        'collective.representatives',
        'collective.representatives.*.phone',
      ]),
    ).toEqual([
      { name: ['petitioner', 'idNumber'], errors: ['bad id'] },
      { name: ['collective', 'representatives', 1, 'phone'], errors: ['bad phone'] },
      { name: ['collective', 'representatives'], errors: ['too many'] },
    ]);
  });

  it('does not let `*` stand for a field name', () => {
    expect(formFieldErrors(failure, ['collective.*'])).toEqual([]);
  });

  it('keeps the message above the form while an error has no field on it', () => {
    const set: unknown[] = [];
    const form = { setFields: (fields: never[]) => set.push(...fields) };
    expect(showApiErrors(form, failure, ['petitioner.idNumber'])).toBe(
      'request validation failed (VALIDATION_FAILED)',
    );
    expect(set).toEqual([{ name: ['petitioner', 'idNumber'], errors: ['bad id'] }]);
  });
});
