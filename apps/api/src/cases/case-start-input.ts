import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type Calendar } from '../../../../libs/domain/src/clock/calendar';
import { calendarAround } from '../../../../libs/domain/src/clock/published-calendar';
import { type Principal } from '../../../../libs/domain/src/org/principal';
import { DEFAULT_POLICY } from '../../../../libs/domain/src/policy/default-policy';
import { parsePolicy } from '../../../../libs/domain/src/policy/parse-policy';
import { type Policy } from '../../../../libs/domain/src/policy/policy';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG } from '../../../../libs/nest/src';
import {
  type CaseSubmissionEntity,
  listRepresentativePositions,
  loadDirectory,
  loadUnitTree,
  publicationsInForceAt,
} from '../../../../libs/persistence/src';
import { type PetitionCaseInput } from '../../../../workflows/case-messages';
import { receptionRefFor } from '../reception/reception-registration';

/**
 * Resolves what a new case workflow starts with: the registration, the policy and calendar it will keep,
 * the unit tree and the directory of post holders. The workflow never reads the database itself.
 */
@Injectable()
export class CaseStartInputs {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * The policy a registration in the unit starts under (and repeat detection compares with), and the
   * published calendar laid over the built-in one: those in force at the unit (see
   * publicationsInForceAt), else the built-in ones. Stored documents were validated when published; they
   * are parsed again so that one published before a field existed gets its default (e.g. pause reasons).
   */
  async inForceAt(
    db: Pick<EntityManager, 'query'>,
    unitCode: string,
  ): Promise<{ policy: Policy; publishedCalendar: Calendar | null }> {
    const inForce = await publicationsInForceAt(db, unitCode);
    return {
      policy: inForce.policy ? parsePolicy(inForce.policy.document) : DEFAULT_POLICY,
      publishedCalendar: (inForce.calendar?.document as Calendar | undefined) ?? null,
    };
  }

  /** `inForce` when the caller already resolved it for the registering unit, else read here. */
  async forSubmission(
    db: EntityManager,
    submission: CaseSubmissionEntity,
    clerk: Principal,
    inForce?: { policy: Policy; publishedCalendar: Calendar | null },
  ): Promise<PetitionCaseInput> {
    const receivedAt = submission.receivedAt.toISOString();
    const unitTree = await loadUnitTree(db, submission.registeringUnitCode, this.config.BODIES_ABOVE_TOP);
    const reception = await receptionRefFor(db, submission.receptionSessionId);
    const { policy, publishedCalendar } =
      inForce ?? (await this.inForceAt(db, submission.registeringUnitCode));
    return {
      register: {
        type: 'register',
        caseNumber: submission.caseNumber,
        category: submission.category as PetitionCaseInput['register']['category'],
        channel: submission.channel as PetitionCaseInput['register']['channel'],
        receivedAt,
        subject: submission.subject,
        contentRef: `case_submissions/${submission.caseNumber}`,
        matterUnitCode: submission.unitCode,
        petitionerRefs: [`case_submissions/${submission.caseNumber}#petitioner`],
        ...(submission.accused ? { accused: submission.accused } : {}),
        ...(await collectiveOf(db, submission)),
        ...(submission.notRepeatOf ? { notRepeatOf: submission.notRepeatOf } : {}),
        ...(reception ? { reception } : {}),
      },
      registeredBy: clerk,
      backdatingReason: submission.backdatingReason ?? undefined,
      policy,
      calendar: calendarAround(submission.receivedAt.getTime(), this.config.TIME_ZONE, publishedCalendar),
      unitTree,
      directory: await loadDirectory(
        db,
        unitTree.units.map((unit) => unit.code),
      ),
    };
  }
}

/** A collective visit as the workflow carries it: the headcount and references to the representatives. */
async function collectiveOf(
  db: EntityManager,
  submission: CaseSubmissionEntity,
): Promise<Pick<PetitionCaseInput['register'], 'collective'>> {
  if (submission.collectiveHeadcount === null || submission.collectiveHeadcount === undefined) return {};
  const positions = await listRepresentativePositions(db, submission.caseNumber);
  return {
    collective: {
      headcount: submission.collectiveHeadcount,
      representativeRefs: positions.map(
        (position) => `case_representatives/${submission.caseNumber}#${position}`,
      ),
    },
  };
}
