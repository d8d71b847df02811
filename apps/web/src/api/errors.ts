/** The API's one error body (apps/api/src/http/api-error.ts). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  static from(status: number, body: unknown): ApiFailure {
    const error = (body ?? {}) as Partial<{ code: string; message: string; fields: FieldError[] }>;
    return new ApiFailure(
      status,
      error.code ?? `HTTP_${status}`,
      error.message ?? `HTTP ${status}`,
      error.fields ?? [],
    );
  }
}

/**
 * The API names a field by its path in the request body (`petitioner.idNumber`); a form names it by the
 * same path as an array. Errors for fields the form does not show stay with the form-level message.
 */
export function formFieldErrors(
  failure: ApiFailure,
  knownFields: readonly string[],
): { name: string[]; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const error of failure.fields) {
    if (!knownFields.includes(error.field)) continue;
    byField.set(error.field, [...(byField.get(error.field) ?? []), error.message]);
  }
  return [...byField].map(([field, errors]) => ({ name: field.split('.'), errors }));
}

interface FieldSetter {
  setFields(fields: never[]): void;
}

/**
 * Puts the API's field errors at the form's fields and answers the message still to show above the
 * form: none when every error found its field, else the API's message with its code.
 */
export function showApiErrors(
  form: FieldSetter,
  error: unknown,
  knownFields: readonly string[],
): string | null {
  if (!(error instanceof ApiFailure)) return String(error);
  const atFields = formFieldErrors(error, knownFields);
  form.setFields(atFields as never[]);
  return atFields.length > 0 && atFields.length === error.fields.length
    ? null
    : `${error.message} (${error.code})`;
}
