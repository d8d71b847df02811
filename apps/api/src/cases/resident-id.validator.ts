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

/** A mainland resident ID number (GB 11643: format, plausible birth date, check character). */
export function IsResidentId(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isResidentId',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          !isResidentIdOf(args) || (typeof value === 'string' && residentIdProblem(value, today()) === null),
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? RESIDENT_ID_MESSAGES[residentIdProblem(args.value, today()) ?? 'format']
            : RESIDENT_ID_MESSAGES.format,
      },
    });
}

/**
 * The number of the document named by the sibling `idType` (resident ID when absent): a resident ID is
 * checked by `IsResidentId` (its own error code, kept for clients), any other document here by format.
 */
export function IsDocumentNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDocumentNumber',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const type = idTypeOf(args);
          if (type === null || type === 'residentId') return true;
          return typeof value === 'string' && idNumberProblem(type, value, today()) === null;
        },
        defaultMessage: (args: ValidationArguments) =>
          idNumberMessage(idTypeOf(args) ?? 'other', 'documentFormat'),
      },
    });
}

/** Whether the number on validation is a resident ID: no sibling `idType`, or `idType: residentId`. */
function isResidentIdOf(args: ValidationArguments | undefined): boolean {
  return idTypeOf(args) === 'residentId';
}

/** The sibling `idType`; null when it is not a known type (reported on idType itself, not on the number). */
function idTypeOf(args: ValidationArguments | undefined): IdType | null {
  const declared = (args?.object as { idType?: unknown } | undefined)?.idType;
  if (declared === undefined || declared === null) return DEFAULT_ID_TYPE;
  return isIdType(declared) ? declared : null;
}
