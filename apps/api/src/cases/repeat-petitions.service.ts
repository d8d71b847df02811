import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../../../libs/config/src';
import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import { NOT_ACCEPT_REASON_LABELS } from '../../../../libs/domain/src/case/vocabulary';
import { type Principal } from '../../../../libs/domain/src/org/principal';
import { APP_CONFIG, TemporalClientHolder } from '../../../../libs/nest/src';
import {
  type EarlierMatter,
  findCaseEnd,
  findCaseStatus,
  findEarlierSameMatter,
  findRepeatVisitOfIdempotencyKey,
  findRepeatVisitOfSkipLevelCase,
  findUnitName,
  insertRepeatVisit,
  setRepeatVisitNumber,
  type StoredRepeatVisit,
} from '../../../../libs/persistence/src';
import { actUpdate, recordRepeatVisitUpdate } from '../../../../workflows/case-messages';
import { caseWorkflowId } from '../../../../workflows/workflow-ids';
import { updateRejectionToApiError } from '../actions/update-failure';
import { type RegisterCaseDto } from './register-case.dto';

export type { StoredRepeatVisit };

/** The HTTP answer to a registration that was a repeat visit on an open case. */
export interface RepeatVisitOutcome {
  caseNumber: string;
  status: string;
  repeatOf: string;
  repeatVisits: number;
}

/**
 * Repeat petitions at registration: the same petitioner on the same matter while an earlier case is
 * open is a repeat visit on that case (its workflow records, counts and escalates it); on a matter
 * concluded after re-review, the new case is not accepted, citing the conclusion. Repeats are kept on
 * cases only, never on the person.
 */
@Injectable()
export class RepeatPetitions {
  constructor(
    private readonly db: DataSource,
    private readonly temporal: TemporalClientHolder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The petitioner's earlier open (or concluded) case on the same matter, among those the clerk may see. */
  async earlierSameMatter(
    tx: EntityManager,
    dto: RegisterCaseDto,
    clerk: Principal,
    /** The policy's repeatSimilarityThreshold for the clerk's unit. */
    threshold: number,
    petitioner: { idNumberBidx: string | null; phoneBidx: string | null },
  ): Promise<EarlierMatter | null> {
    return findEarlierSameMatter(tx, {
      ...petitioner,
      name: dto.petitioner.name,
      category: dto.category,
      matterUnitCode: dto.unitCode,
      subject: dto.subject,
      content: dto.content,
      threshold,
      notRepeatOf: dto.notRepeatOf?.caseNumber ?? null,
      viewer: { userId: clerk.userId, unitCode: clerk.unitCode },
    });
  }

  /** Keeps the visit's petition on the earlier case (no personal data: the case already holds it). */
  async storeVisit(
    tx: EntityManager,
    earlier: EarlierMatter,
    dto: RegisterCaseDto,
    clerk: Principal,
    receivedAt: Date,
    idempotencyKey: string | undefined,
    /** Art. 19: the higher level's case this skip-level visit was registered as (it holds the key then). */
    skipLevelCaseNumber: string | null = null,
  ): Promise<StoredRepeatVisit> {
    const visit: StoredRepeatVisit = {
      id: randomUUID(),
      caseNumber: earlier.caseNumber,
      channel: dto.channel,
      receivedAt,
      similarity: earlier.similarity,
      visitNumber: null,
      skipLevelCaseNumber,
    };
    await insertRepeatVisit(tx, {
      id: visit.id,
      caseNumber: visit.caseNumber,
      idempotencyKey: skipLevelCaseNumber ? null : (idempotencyKey ?? null),
      channel: dto.channel,
      subject: dto.subject,
      content: dto.content,
      receivedAt,
      registeringUnitCode: clerk.unitCode,
      registeredBy: clerk.userId,
      similarity: visit.similarity,
      skipLevelCaseNumber,
    });
    return visit;
  }

  /** The skip-level visit the higher level's case was referred down as (art. 19), if it was one. */
  async visitOfSkipLevelCase(manager: EntityManager, caseNumber: string): Promise<StoredRepeatVisit | null> {
    return findRepeatVisitOfSkipLevelCase(manager, caseNumber);
  }

  /** The repeat visit an earlier request with this Idempotency-Key stored, if it was one. */
  async visitOfKey(manager: EntityManager, idempotencyKey: string): Promise<StoredRepeatVisit | null> {
    return findRepeatVisitOfIdempotencyKey(manager, idempotencyKey);
  }

  /** Has the earlier case's workflow record the visit (once: by visit id), and answers as registration does. */
  async recordVisit(visit: StoredRepeatVisit, clerk: Principal): Promise<RepeatVisitOutcome> {
    let repeatVisits = visit.visitNumber;
    if (repeatVisits === null) {
      try {
        const result = await this.temporal.client.workflow
          .getHandle(caseWorkflowId(visit.caseNumber))
          .executeUpdate(recordRepeatVisitUpdate, {
            args: [
              {
                visitId: visit.id,
                channel: visit.channel,
                receivedAt: visit.receivedAt.toISOString(),
                similarity: visit.similarity,
                actor: clerk,
                ...(visit.skipLevelCaseNumber ? { skipLevelCaseNumber: visit.skipLevelCaseNumber } : {}),
              },
            ],
            updateId: `repeat-visit-${visit.id}`,
          });
        repeatVisits = result.repeatVisits;
      } catch (error) {
        throw updateRejectionToApiError(error);
      }
      await setRepeatVisitNumber(this.db, visit.id, repeatVisits);
    }
    const status = await findCaseStatus(this.db, visit.caseNumber);
    return { caseNumber: visit.caseNumber, status: status!, repeatOf: visit.caseNumber, repeatVisits };
  }

  /**
   * Art. 19: the higher level does not accept a matter still being handled below. The new case is not
   * accepted with the reason `handledBelow`, by the registering clerk through the case's workflow; the
   * explanation and the notice name the lower unit handling it and its case, so the petitioner knows where
   * the matter is being handled. Only the registering level's handling ends: it keeps tracking the lower case.
   */
  async notAcceptHandledBelow(
    caseNumber: string,
    lowerCaseNumber: string,
    lowerUnitCode: string,
    clerk: Principal,
  ): Promise<{ caseNumber: string; status: string }> {
    const lowerUnit = (await findUnitName(this.db, lowerUnitCode)) ?? lowerUnitCode;
    const explanation =
      `该信访事项正由${lowerUnit}办理（案件编号：${lowerCaseNumber}），` +
      `本机关已将你反映的情况转${lowerUnit}一并办理，并跟踪督促办理进展`;
    const legalChannel = `向${lowerUnit}了解办理情况，或凭该事项受理告知书上的案件编号和查询码查询办理进度`;
    try {
      const result = await this.temporal.client.workflow
        .getHandle(caseWorkflowId(caseNumber))
        .executeUpdate(actUpdate, {
          args: [
            {
              action: { type: 'notAccept', reason: 'handledBelow', explanation, legalChannel },
              actor: clerk,
            },
          ],
          updateId: `not-accept-handled-below-${caseNumber}`,
        });
      return { caseNumber, status: result.status };
    } catch (error) {
      throw updateRejectionToApiError(error);
    }
  }

  /**
   * A new case on the facts of a case concluded after re-review is not accepted (art. 35–36), by the
   * registering clerk through the case's workflow, with an explanation citing the concluded case.
   */
  async notAcceptSameFacts(
    caseNumber: string,
    concludedCaseNumber: string,
    clerk: Principal,
  ): Promise<{ caseNumber: string; status: string }> {
    const concluded = await findCaseEnd(this.db, concludedCaseNumber);
    const endedAt = concluded?.ended_at ?? concluded?.updated_at;
    const on = endedAt ? localDateAt(endedAt.getTime(), this.config.TIME_ZONE) : '—';
    const explanation =
      `${NOT_ACCEPT_REASON_LABELS.concludedSameFacts}：该事项已于 ${on} 在 ${concludedCaseNumber} 号案件复核终结 / ` +
      `the same facts and reasons were concluded after re-review in case ${concludedCaseNumber} on ${on}`;
    try {
      const result = await this.temporal.client.workflow
        .getHandle(caseWorkflowId(caseNumber))
        .executeUpdate(actUpdate, {
          args: [{ action: { type: 'notAccept', reason: 'concludedSameFacts', explanation }, actor: clerk }],
          updateId: `not-accept-concluded-${caseNumber}`,
        });
      return { caseNumber, status: result.status };
    } catch (error) {
      throw updateRejectionToApiError(error);
    }
  }
}
