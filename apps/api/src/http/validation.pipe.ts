import { ValidationPipe } from '@nestjs/common';
import { validationFailed } from './api-error';
import { toFieldErrors } from './validation-messages';

/** Rejects unknown fields (nothing is stripped silently) and answers 400 with one entry per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(toFieldErrors(errors)),
  });
}
