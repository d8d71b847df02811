import type { Dayjs } from 'dayjs';
import { DEFAULT_ID_TYPE, type IdType } from '../../../../libs/domain/src/intake/identity-document';
import type { components } from '../api/schema';
import { officeInstant } from '../common/office-time';

export type RegisterBody = components['schemas']['RegisterCaseDto'];
type PersonBody = components['schemas']['PetitionerDto'];

/** A person as the intake form holds them: every field may still be empty. */
export interface PersonValues {
  name?: string;
  idType?: IdType;
  idNumber?: string;
  phone?: string;
}

export interface IntakeValues {
  channel: RegisterBody['channel'];
  category: RegisterBody['category'];
  subject: string;
  content: string;
  unitCode: string;
  petitioner: PersonValues & { address?: string };
  /** Office wall-clock time, as the date picker holds it (see officeWallClock). */
  receivedAt?: Dayjs | null;
  receivedAtReason?: string;
  accusedUnitCodes?: string[];
  /** A collective visit (多人来访): its headcount and representatives are sent only when this is on. */
  isCollective?: boolean;
  collective?: { headcount?: number | null; representatives?: (PersonValues | undefined)[] };
  receptionSessionId?: string;
}

/** The clerk's decision that the earlier case the API matched is another matter. */
export interface NotRepeatOf {
  caseNumber: string;
  reason: string;
}

const filled = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** A person's filled-in fields only (empty ones are left out); the document type is the resident ID unless chosen. */
function personBody<T extends PersonValues & { address?: string }>(person: T | undefined): PersonBody {
  const { name, idType, idNumber, phone, address } = person ?? {};
  return {
    name: name ?? '',
    idType: idType ?? DEFAULT_ID_TYPE,
    ...(filled(idNumber) ? { idNumber } : {}),
    ...(filled(phone) ? { phone } : {}),
    ...(filled(address) ? { address } : {}),
  };
}

/**
 * The registration request for the form's values: optional parts only when they apply (the accused for
 * accusations, the reception session for the leader-reception channel, the collective visit when ticked).
 */
export function toRegisterBody(values: IntakeValues, notRepeatOf?: NotRepeatOf): RegisterBody {
  const collective = values.collective ?? {};
  return {
    channel: values.channel,
    category: values.category,
    subject: values.subject,
    content: values.content,
    unitCode: values.unitCode,
    petitioner: personBody(values.petitioner),
    ...(values.receivedAt ? { receivedAt: officeInstant(values.receivedAt) } : {}),
    ...(filled(values.receivedAtReason) ? { receivedAtReason: values.receivedAtReason } : {}),
    ...(values.category === 'accusation' && values.accusedUnitCodes?.length
      ? { accused: { unitCodes: values.accusedUnitCodes, userIds: [] } }
      : {}),
    ...(values.isCollective
      ? {
          collective: {
            headcount: collective.headcount ?? 0,
            representatives: (collective.representatives ?? []).map(personBody),
          },
        }
      : {}),
    ...(values.channel === 'leaderReception' && values.receptionSessionId
      ? { receptionSessionId: values.receptionSessionId }
      : {}),
    ...(notRepeatOf ? { notRepeatOf } : {}),
  };
}

export type RegisteredAnswer = components['schemas']['RegisteredCaseDto'];

/** What a registration came to, as the clerk is told. */
export type RegistrationResult =
  | { kind: 'created'; caseNumber: string }
  /** No new case: the visit was recorded on the petitioner's open earlier case on the same matter. */
  | { kind: 'repeatVisit'; caseNumber: string; repeatVisits: number }
  /** A new case, not accepted at once: the same facts were concluded after re-review in `sameFactsAs`. */
  | { kind: 'notAccepted'; caseNumber: string; sameFactsAs: string }
  /**
   * Art. 19: a new case here, not accepted because the matter is being handled below in `handledBelowIn`
   * (by `referredToUnitCode`), where the visit was recorded.
   */
  | {
      kind: 'handledBelow';
      caseNumber: string;
      handledBelowIn: string;
      referredToUnitCode: string;
      repeatVisits: number;
    };

export function registrationResult(answer: RegisteredAnswer): RegistrationResult {
  if (answer.repeatOf) {
    return { kind: 'repeatVisit', caseNumber: answer.repeatOf, repeatVisits: answer.repeatVisits ?? 1 };
  }
  if (answer.handledBelowIn) {
    return {
      kind: 'handledBelow',
      caseNumber: answer.caseNumber,
      handledBelowIn: answer.handledBelowIn,
      referredToUnitCode: answer.referredToUnitCode ?? '',
      repeatVisits: answer.repeatVisits ?? 1,
    };
  }
  if (answer.sameFactsAs) {
    return { kind: 'notAccepted', caseNumber: answer.caseNumber, sameFactsAs: answer.sameFactsAs };
  }
  return { kind: 'created', caseNumber: answer.caseNumber };
}
