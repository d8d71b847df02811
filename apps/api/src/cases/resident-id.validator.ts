import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import {
  DEFAULT_ID_TYPE,
  type IdType,
  idNumberMessage,
  idNumberProblem,
  isIdType,
} from '../../../../libs/domain/src/intake/identity-document';
import { RESIDENT_ID_MESSAGES, residentIdProblem } from '../../../../libs/domain/src/intake/resident-id';

const today = () => localDateAt(Date.now(), 'Asia/Shanghai');

/**
 * A mainland resident ID number (GB 11643: format, plausible birth date, check character), unless the
 * sibling `typeProperty` names another document.
 */
export function IsResidentId(options?: ValidationOptions, typeProperty = 'idType'): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isResidentId',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          idTypeOf(args, typeProperty) !== 'residentId' ||
          (typeof value === 'string' && residentIdProblem(value, today()) === null),
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? RESIDENT_ID_MESSAGES[residentIdProblem(args.value, today()) ?? 'format']
            : RESIDENT_ID_MESSAGES.format,
      },
    });
}

/**
 * The number of the document named by the sibling `typeProperty` (resident ID when absent): a resident
 * ID is checked by `IsResidentId` (its own error code, kept for clients), any other document here by format.
 */
export function IsDocumentNumber(options?: ValidationOptions, typeProperty = 'idType'): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDocumentNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const type = idTypeOf(args, typeProperty);
          if (type === null || type === 'residentId') return true;
          return typeof value === 'string' && idNumberProblem(type, value, today()) === null;
        },
        defaultMessage: (args: ValidationArguments) =>
          idNumberMessage(idTypeOf(args, typeProperty) ?? 'other', 'documentFormat'),
      },
    });
}

/** The sibling document type; null when it is not a known type (reported on the type itself, not the number). */
function idTypeOf(args: ValidationArguments | undefined, typeProperty: string): IdType | null {
  const declared = (args?.object as Record<string, unknown> | undefined)?.[typeProperty];
  if (declared === undefined || declared === null) return DEFAULT_ID_TYPE;
  return isIdType(declared) ? declared : null;
}
