import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import { RESIDENT_ID_MESSAGES, residentIdProblem } from '../../../../libs/domain/src/intake/resident-id';

/** A mainland resident ID number (GB 11643: format, plausible birth date, check character). */
export function IsResidentId(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isResidentId',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          residentIdProblem(value, localDateAt(Date.now(), 'Asia/Shanghai')) === null,
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? RESIDENT_ID_MESSAGES[
                residentIdProblem(args.value, localDateAt(Date.now(), 'Asia/Shanghai')) ?? 'format'
              ]
            : RESIDENT_ID_MESSAGES.format,
      },
    });
}
