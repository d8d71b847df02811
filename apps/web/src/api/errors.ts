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

/** A known field names one path; `*` stands for any list index (`collective.representatives.*.name`). */
function isKnownField(field: string, knownFields: readonly string[]): boolean {
  return knownFields.some(
    (known) => known === field || (known.includes('*') && field.replace(/\.\d+(?=\.|$)/g, '.*') === known),
  );
}

/**
 * The API names a field by its path in the request body (`petitioner.idNumber`,
 * `collective.representatives.0.name`); a form names it by the same path as an array, list indexes as
 * numbers. Errors for fields the form does not show stay with the form-level message.
 */
export function formFieldErrors(
  failure: ApiFailure,
  knownFields: readonly string[],
): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const error of failure.fields) {
    if (!isKnownField(error.field, knownFields)) continue;
    byField.set(error.field, [...(byField.get(error.field) ?? []), error.message]);
  }
  return [...byField].map(([field, errors]) => ({
    name: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors,
  }));
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
