import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation } from '@temporalio/client';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG, TemporalClientHolder } from '../../../../libs/nest/src';
import {
  allocateCaseNumber,
  findIdempotencyKey,
  findVisibleCase,
  CaseEntity,
  CaseSubmissionEntity,
  type EarlierMatter,
  IdempotencyKeyEntity,
  generateQueryCode,
  insertIdempotencyKey,
  loadUnitTree,
  lockIdempotencyKey,
  skipLevelReferralOf,
  PersonalDataProtector,
  storeQueryCode,
  storeRepresentatives,
  type StoredRepeatVisit,
  unitExists,
} from '../../../../libs/persistence/src';
import { DEFAULT_ID_TYPE, normalizeIdNumber } from '../../../../libs/domain/src/intake/identity-document';
import { validateAction } from '../../../../libs/domain/src/case/decide';
import { decideEarlierMatter, type EarlierMatterDecision } from '../../../../libs/domain/src/case/skip-level';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../../libs/domain/src/case/status';
import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import { isDomainError } from '../../../../libs/domain/src/errors';
import { type Principal } from '../../../../libs/domain/src/org/principal';
import { type Policy } from '../../../../libs/domain/src/policy/policy';
import { type PetitionCaseInput, registrationRecordedUpdate } from '../../../../workflows/case-messages';
import { checkReceptionForRegistration } from '../reception/reception-registration';
import { petitionCase } from '../../../../workflows/petition-case.workflow';
import { caseWorkflowId } from '../../../../workflows/workflow-ids';
import { actingAs, type StaffSession } from '../auth/staff-session';
import { ApiError } from '../http/api-error';
import { CaseStartInputs } from './case-start-input';
import { type PersonDto, type RegisterCaseDto } from './register-case.dto';
import { checkedReceiptTime } from './registration-checks';
import { RepeatPetitions } from './repeat-petitions.service';

export interface RegistrationOutcome {
  caseNumber: string;
  status: string;
  /** False when an earlier request with the same Idempotency-Key already created the case, or no case was created. */
  created: boolean;
  /** A repeat visit recorded on this open earlier case instead of a new case. */
  repeatOf?: string;
  repeatVisits?: number;
  /** The concluded earlier case on the same facts: the new case was not accepted. */
  sameFactsAs?: string;
  /**
   * Art. 19: the lower case handling the same matter. The new case is registered here, linked to it,
   * not accepted (handledBelow) and referred to the lower unit, where the visit is recorded.
   */
  handledBelowIn?: string;
  /** The lower unit the petition was referred to. */
  referredToUnitCode?: string;
}

const UNIQUE_VIOLATION = '23505';

/** The request field behind each field the domain's registration rules name. */
const REGISTER_FIELDS: Record<string, string> = {
  subject: 'subject',
  receivedAt: 'receivedAt',
  matterUnitCode: 'unitCode',
  petitionerRefs: 'petitioner',
  'accused.unitCodes': 'accused.unitCodes',
  'accused.userIds': 'accused.userIds',
  'collective.representativeRefs': 'collective.representatives',
  'collective.headcount': 'collective.headcount',
  'notRepeatOf.caseNumber': 'notRepeatOf.caseNumber',
  'notRepeatOf.reason': 'notRepeatOf.reason',
};

interface StoredSubmission {
  submission: CaseSubmissionEntity;
  created: boolean;
  /** The workflow's start input, when this request resolved it (a new submission). */
  input?: PetitionCaseInput;
  visit?: undefined;
}

/** The request was a repeat visit on an open earlier case: no case of its own. */
interface StoredRepeatVisitRequest {
  visit: StoredRepeatVisit;
}

type StoredRegistration = StoredSubmission | StoredRepeatVisitRequest;

/** The checked request as the storing steps of a registration take it. */
interface RegistrationRequest {
  dto: RegisterCaseDto;
  clerk: Principal;
  idempotencyKey: string | undefined;
  requestHash: string;
  receivedAt: Date;
}

/** The clerk registering, as the workflow records them; their unit is the registering unit. */
function registeringClerk(user: StaffSession): Principal {
  return actingAs(user, 'clerk');
}

@Injectable()
export class CasesService {
  constructor(
    private readonly db: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly startInputs: CaseStartInputs,
    private readonly personalData: PersonalDataProtector,
    private readonly repeats: RepeatPetitions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Stores the submission and starts its workflow; answers only once the CaseRegistered event is recorded.
   * With an Idempotency-Key, a repeat (even concurrent, on another instance) returns the first case.
   */
  async register(
    dto: RegisterCaseDto,
    idempotencyKey: string | undefined,
    user: StaffSession,
  ): Promise<RegistrationOutcome> {
    const clerk = registeringClerk(user);
    // The registering unit is part of the request: a key reused by another unit is another request.
    const requestHash = createHash('sha256')
      .update(canonicalize({ ...this.withoutPlainPersonalData(dto), registeringUnitCode: clerk.unitCode })!)
      .digest('hex');
    let stored: StoredRegistration;
    try {
      stored = await this.db.transaction((tx) =>
        this.storeSubmission(tx, dto, clerk, idempotencyKey, requestHash),
      );
    } catch (error) {
      // Only reachable if two keys share an advisory-lock hash and race: the key row decides.
      if (!idempotencyKey || !isUniqueViolation(error)) throw error;
      stored = await this.existingSubmission(idempotencyKey, requestHash);
    }
    if (stored.visit) return { ...(await this.repeats.recordVisit(stored.visit, clerk)), created: false };
    const { submission, created, input } = stored;
    const recorded = await this.db.manager.findOne(CaseEntity, {
      where: { caseNumber: submission.caseNumber },
    });
    // New, or an earlier attempt stored the submission but did not get its workflow going: (re)start it.
    let outcome = recorded
      ? { caseNumber: recorded.caseNumber, status: recorded.status }
      : await this.startCaseWorkflow(
          input ?? (await this.startInputs.forSubmission(this.db.manager, submission, clerk)),
        );
    if (submission.handledBelowIn) return this.referDown(submission, outcome, created, clerk);
    if (!submission.sameFactsAs) return { ...outcome, created };
    if (outcome.status === 'registered') {
      outcome = await this.repeats.notAcceptSameFacts(outcome.caseNumber, submission.sameFactsAs, clerk);
    }
    return { ...outcome, created, sameFactsAs: submission.sameFactsAs };
  }

  /**
   * Art. 19, once the higher level's case is registered: it is not accepted (handledBelow, the notice naming
   * the lower unit) and the lower case records the skip-level visit (counted and escalated there like a
   * repeat visit). Both steps are idempotent, so a retried registration completes whatever was left.
   */
  private async referDown(
    submission: CaseSubmissionEntity,
    registered: { caseNumber: string; status: string },
    created: boolean,
    clerk: Principal,
  ): Promise<RegistrationOutcome> {
    const lowerCaseNumber = submission.handledBelowIn!;
    const lowerUnitCode = submission.handledBelowUnitCode ?? '';
    let outcome = registered;
    if (outcome.status === 'registered') {
      outcome = await this.repeats.notAcceptHandledBelow(
        outcome.caseNumber,
        lowerCaseNumber,
        lowerUnitCode,
        clerk,
      );
    }
    const visit = await this.repeats.visitOfSkipLevelCase(this.db.manager, submission.caseNumber);
    const recorded = visit ? await this.repeats.recordVisit(visit, clerk) : null;
    return {
      ...outcome,
      created,
      handledBelowIn: lowerCaseNumber,
      referredToUnitCode: lowerUnitCode,
      ...(recorded ? { repeatVisits: recorded.repeatVisits } : {}),
    };
  }

  /**
   * The registering level's view of a skip-level case (art. 19): the lower case it was referred to and
   * that case's status now; null for any other case.
   */
  async handledBelowOf(caseNumber: string): Promise<{
    caseNumber: string;
    referredToUnitCode: string | null;
    status: string;
    statusLabel: string;
    holdingUnitCode: string | null;
    responsibleUnitCode: string | null;
    updatedAt: string;
  } | null> {
    const referral = await skipLevelReferralOf(this.db, caseNumber);
    if (!referral) return null;
    return {
      ...referral,
      statusLabel: CASE_STATUS_LABELS[referral.status as CaseStatus] ?? referral.status,
      updatedAt: referral.updatedAt.toISOString(),
    };
  }

  /** Art. 19 or a repeat visit: what the earlier case on the same matter makes of this registration. */
  private async decideEarlier(
    tx: EntityManager,
    clerk: Principal,
    earlier: EarlierMatter | null,
  ): Promise<EarlierMatterDecision> {
    if (!earlier) return { kind: 'newCase' };
    const tree = await loadUnitTree(tx, clerk.unitCode, this.config.BODIES_ABOVE_TOP);
    return decideEarlierMatter(
      clerk.unitCode,
      {
        caseNumber: earlier.caseNumber,
        status: earlier.status as CaseStatus,
        registeringUnitCode: earlier.registeringUnitCode,
        holdingUnitCode: earlier.holdingUnitCode,
        responsibleUnitCode: earlier.responsibleUnitCode,
      },
      tree,
    );
  }

  /** The petitioner's ID number, phone and address as stored: encrypted, with blind indexes for lookup. */
  private protectedPersonalData(dto: RegisterCaseDto) {
    const { idNumber, phone, address } = dto.petitioner;
    const protector = this.personalData;
    return {
      petitionerIdType: dto.petitioner.idType ?? DEFAULT_ID_TYPE,
      petitionerIdNumberEnc: idNumber ? protector.encrypt(normalizeIdNumber(idNumber)) : null,
      petitionerIdNumberBidx: idNumber ? protector.blindIndex('idNumber', idNumber) : null,
      petitionerPhoneEnc: phone ? protector.encrypt(phone) : null,
      petitionerPhoneBidx: phone ? protector.blindIndex('phone', phone) : null,
      petitionerAddressEnc: address ? protector.encrypt(address) : null,
      petitionerNameBidx: protector.blindIndex('name', dto.petitioner.name),
    };
  }

  /**
   * The request as its idempotency hash sees it: a plain hash of a low-entropy ID number could be
   * reversed by trying every number, so personal numbers enter only as their keyed blind indexes.
   */
  private withoutPlainPersonalData(dto: RegisterCaseDto): object {
    const { address, ...petitioner } = dto.petitioner;
    return {
      ...dto,
      petitioner: {
        ...this.personIndexed(petitioner),
        address: address && this.personalData.blindIndex('address', address),
      },
      ...(dto.collective
        ? {
            collective: {
              ...dto.collective,
              representatives: dto.collective.representatives.map((person) => this.personIndexed(person)),
            },
          }
        : {}),
    };
  }

  private personIndexed(person: PersonDto): object {
    const { idNumber, phone } = person;
    return {
      ...person,
      idNumber: idNumber && this.personalData.blindIndex('idNumber', idNumber),
      phone: phone && this.personalData.blindIndex('phone', phone),
    };
  }

  /**
   * Registration inside its transaction, as steps: replay a known Idempotency-Key, check the request,
   * detect a repeat on an earlier case, then store either the repeat visit or the new submission.
   */
  private async storeSubmission(
    tx: EntityManager,
    dto: RegisterCaseDto,
    clerk: Principal,
    idempotencyKey: string | undefined,
    requestHash: string,
  ): Promise<StoredRegistration> {
    if (idempotencyKey) {
      const replay = await this.replayOfKnownKey(tx, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    const { now, receivedAt } = await this.checkRegistration(tx, dto, clerk);
    const personalData = this.protectedPersonalData(dto);
    // The clerk's unit registers: its policy and calendar in force serve repeat detection and the workflow.
    const inForce = await this.startInputs.inForceAt(tx, clerk.unitCode);
    const { earlierMatter, decision } = await this.detectRepeat(tx, dto, clerk, personalData, inForce.policy);
    if (earlierMatter && decision.kind === 'repeatVisit') {
      return this.storeRepeatVisit(tx, {
        dto,
        clerk,
        idempotencyKey,
        requestHash,
        receivedAt,
        earlierMatter,
      });
    }
    return this.createSubmission(tx, {
      dto,
      clerk,
      idempotencyKey,
      requestHash,
      now,
      receivedAt,
      personalData,
      inForce,
      earlierMatter,
      decision,
    });
  }

  /** Step 0: a request whose key an earlier one committed gets that one's outcome (or 422 for another body). */
  private async replayOfKnownKey(
    tx: EntityManager,
    idempotencyKey: string,
    requestHash: string,
  ): Promise<StoredRegistration | null> {
    // Requests with the same key queue here, on every API instance, until the first one commits.
    await lockIdempotencyKey(tx, idempotencyKey);
    const earlier = await findIdempotencyKey(tx, idempotencyKey);
    return earlier ? this.replayOf(tx, earlier, requestHash) : null;
  }

  /** Step 1, check: the matter's unit exists, the receipt time is valid, a reception visit fits its session. */
  private async checkRegistration(
    tx: EntityManager,
    dto: RegisterCaseDto,
    clerk: Principal,
  ): Promise<{ now: Date; receivedAt: Date }> {
    if (!(await unitExists(tx, dto.unitCode))) {
      throw new ApiError('UNIT_NOT_FOUND', `单位不存在 / unit ${dto.unitCode} not found`, [
        { field: 'unitCode', code: 'UNIT_NOT_FOUND', message: '单位不存在 / unknown unit' },
      ]);
    }
    const now = new Date();
    const receivedAt = checkedReceiptTime(dto, now, this.config.TIME_ZONE);
    await checkReceptionForRegistration(tx, dto, clerk.unitCode, receivedAt, this.config.TIME_ZONE);
    return { now, receivedAt };
  }

  /** Step 2, detect a repeat: the earlier case on the same matter, and what it makes of this registration. */
  private async detectRepeat(
    tx: EntityManager,
    dto: RegisterCaseDto,
    clerk: Principal,
    personalData: { petitionerIdNumberBidx: string | null; petitionerPhoneBidx: string | null },
    policy: Policy,
  ): Promise<{ earlierMatter: EarlierMatter | null; decision: EarlierMatterDecision }> {
    const earlierMatter = await this.earlierSameMatter(tx, dto, clerk, personalData, policy);
    const decision = await this.decideEarlier(tx, clerk, earlierMatter);
    return { earlierMatter, decision };
  }

  /** Step 3a, a repeat visit on an open earlier case: kept on that case, no case of its own. */
  private async storeRepeatVisit(
    tx: EntityManager,
    step: RegistrationRequest & { earlierMatter: EarlierMatter },
  ): Promise<StoredRepeatVisitRequest> {
    const { dto, clerk, idempotencyKey, requestHash, receivedAt, earlierMatter } = step;
    const visit = await this.repeats.storeVisit(tx, earlierMatter, dto, clerk, receivedAt, idempotencyKey);
    if (idempotencyKey)
      await insertIdempotencyKey(tx, {
        key: idempotencyKey,
        requestHash,
        caseNumber: visit.caseNumber,
      });
    return { visit };
  }

  /**
   * Step 3b, create: the case number, the submission (with representatives, the skip-level visit below and
   * the query code), the workflow's start input checked against its rules, and the key.
   */
  private async createSubmission(
    tx: EntityManager,
    step: RegistrationRequest & {
      now: Date;
      personalData: ReturnType<CasesService['protectedPersonalData']>;
      inForce: Awaited<ReturnType<CaseStartInputs['inForceAt']>>;
      earlierMatter: EarlierMatter | null;
      decision: EarlierMatterDecision;
    },
  ): Promise<StoredSubmission> {
    const { dto, clerk, idempotencyKey, requestHash, now, receivedAt, personalData, inForce } = step;
    const { earlierMatter, decision } = step;
    const registeringUnitCode = clerk.unitCode;
    const year = Number(localDateAt(receivedAt.getTime(), this.config.TIME_ZONE).slice(0, 4));
    const caseNumber = await allocateCaseNumber(tx, registeringUnitCode, year);
    const submission = tx.create(CaseSubmissionEntity, {
      caseNumber,
      channel: dto.channel,
      category: dto.category,
      subject: dto.subject,
      content: dto.content,
      petitionerName: dto.petitioner.name,
      ...personalData,
      unitCode: dto.unitCode,
      registeringUnitCode,
      receivedAt,
      backdatingReason: dto.receivedAtReason ?? null,
      accused: dto.accused ? { unitCodes: dto.accused.unitCodes, userIds: dto.accused.userIds } : null,
      collectiveHeadcount: dto.collective?.headcount ?? null,
      notRepeatOf: dto.notRepeatOf
        ? { caseNumber: dto.notRepeatOf.caseNumber, reason: dto.notRepeatOf.reason }
        : null,
      sameFactsAs: decision.kind === 'concludedSameFacts' ? decision.caseNumber : null,
      handledBelowIn: decision.kind === 'handledBelow' ? decision.caseNumber : null,
      handledBelowUnitCode: decision.kind === 'handledBelow' ? decision.handlingUnitCode : null,
      receptionSessionId: dto.receptionSessionId ?? null,
      submittedAt: now,
    });
    await tx.insert(CaseSubmissionEntity, submission);
    if (dto.collective) await storeRepresentatives(tx, this.personalData, caseNumber, dto.collective);
    if (earlierMatter && decision.kind === 'handledBelow') {
      // The lower case records the skip-level visit once this case is registered and not accepted.
      await this.repeats.storeVisit(tx, earlierMatter, dto, clerk, receivedAt, idempotencyKey, caseNumber);
    }
    // The petitioner's progress query code, printed on the acceptance notice (art. 21).
    await storeQueryCode(tx, this.personalData, caseNumber, generateQueryCode());
    const input = await this.startInputs.forSubmission(tx, submission, clerk, inForce);
    assertRegistrable(input, now);
    if (idempotencyKey) await insertIdempotencyKey(tx, { key: idempotencyKey, requestHash, caseNumber });
    return { submission, created: true, input };
  }

  /** The key was seen before (committed by another request): same body → same case, other body → 422. */
  private async existingSubmission(idempotencyKey: string, requestHash: string): Promise<StoredRegistration> {
    const earlier = await this.db.manager.findOneOrFail(IdempotencyKeyEntity, {
      where: { key: idempotencyKey },
    });
    return this.replayOf(this.db.manager, earlier, requestHash);
  }

  /** What the first request with this key stored: its new case, or its repeat visit on an earlier case. */
  private async replayOf(
    manager: EntityManager,
    earlier: IdempotencyKeyEntity,
    requestHash: string,
  ): Promise<StoredRegistration> {
    const submission = await this.matchEarlierRequest(manager, earlier, requestHash);
    const visit = await this.repeats.visitOfKey(manager, earlier.key);
    return visit ? { visit } : { submission, created: false };
  }

  /**
   * Repeat detection for a new petition. The clerk's "not the same matter" names an earlier case they
   * may see; that case is then left out of the comparison.
   */
  private async earlierSameMatter(
    tx: EntityManager,
    dto: RegisterCaseDto,
    clerk: Principal,
    personalData: { petitionerIdNumberBidx: string | null; petitionerPhoneBidx: string | null },
    policy: Policy,
  ): Promise<EarlierMatter | null> {
    if (dto.notRepeatOf && !(await findVisibleCase(tx, clerk, dto.notRepeatOf.caseNumber))) {
      throw new ApiError('CASE_NOT_FOUND', `案件不存在 / case ${dto.notRepeatOf.caseNumber} not found`, [
        { field: 'notRepeatOf.caseNumber', code: 'CASE_NOT_FOUND', message: '案件不存在 / unknown case' },
      ]);
    }
    return this.repeats.earlierSameMatter(tx, dto, clerk, policy.repeatSimilarityThreshold, {
      idNumberBidx: personalData.petitionerIdNumberBidx,
      phoneBidx: personalData.petitionerPhoneBidx,
    });
  }

  private async matchEarlierRequest(
    manager: EntityManager,
    earlier: IdempotencyKeyEntity,
    requestHash: string,
  ): Promise<CaseSubmissionEntity> {
    if (earlier.requestHash !== requestHash) {
      throw new ApiError(
        'IDEMPOTENCY_KEY_REUSED',
        '幂等键已用于另一份不同的登记 / Idempotency-Key was already used with a different request body',
        [
          {
            field: 'Idempotency-Key',
            code: 'IDEMPOTENCY_KEY_REUSED',
            message: '请使用新的幂等键 / use a new key',
          },
        ],
      );
    }
    return manager.findOneOrFail(CaseSubmissionEntity, { where: { caseNumber: earlier.caseNumber } });
  }

  /** Update-with-start: starts the workflow (or joins the running one) and waits for its registration event. */
  private async startCaseWorkflow(input: PetitionCaseInput): Promise<{ caseNumber: string; status: string }> {
    const startWorkflowOperation = new WithStartWorkflowOperation(petitionCase, {
      workflowId: caseWorkflowId(input.register.caseNumber),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A failed start (e.g. the workers were down past its timeout) may be started again for the same case.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
    return this.temporal.client.workflow.executeUpdateWithStart(registrationRecordedUpdate, {
      startWorkflowOperation,
    });
  }
}

/**
 * The workflow's own registration rules, checked before anything is committed: a registration the
 * workflow would refuse must never become a stored submission with a failed workflow.
 */
function assertRegistrable(input: PetitionCaseInput, now: Date): void {
  try {
    validateAction(null, input.register, input.registeredBy, {
      at: now.toISOString(),
      maxCollectiveRepresentatives: input.policy.maxCollectiveRepresentatives,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    throw ApiError.fromDomain(error, error.field && REGISTER_FIELDS[error.field]);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}
