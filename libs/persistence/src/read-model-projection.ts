import { type EntityManager } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EVENT_TYPES, typedEvent } from '../../domain/src/case/event-types';
import { type CaseEventInput, type CaseView, caseWorkflowId } from '../../domain/src/case/recorded-event';
import { CaseEntity } from './entities';
import { projectMetricFacts } from './metric-facts';

function viewColumns(view: CaseView): QueryDeepPartialEntity<CaseEntity> {
  return {
    status: view.status,
    holdingUnitCode: view.holdingUnitCode,
    responsibleUnitCode: view.responsibleUnitCode,
    handlerUserId: view.handlerUserId,
    packageLeaderUserId: view.packageLeaderUserId,
    sixDefines: view.sixDefines as QueryDeepPartialEntity<CaseEntity>['sixDefines'],
    clock: view.clock,
    dueAt: view.dueAt ? new Date(view.dueAt) : null,
    dueLastDay: view.dueLastDay,
    overdueLevel: view.overdueLevel,
    policyVersion: view.policyVersion,
    accusedUnitCodes: view.accusedUnitCodes,
    accusedUserIds: view.accusedUserIds,
  };
}

/** Applies one recorded event to the case read model, inside the recording transaction. */
export async function projectEvent(tx: EntityManager, event: CaseEventInput, hash: string): Promise<void> {
  const occurredAt = new Date(event.occurredAt);
  const fromView = event.view ? viewColumns(event.view) : {};
  const typed = typedEvent(event);
  if (typed?.type === EVENT_TYPES.caseRegistered) {
    const registered = typed.payload;
    const registeringUnitCode = event.actor.unitCode ?? '';
    await tx.insert(CaseEntity, {
      caseNumber: event.caseNumber,
      workflowId: caseWorkflowId(event.caseNumber),
      status: registered.status,
      category: registered.category,
      channel: registered.channel,
      subject: registered.subject,
      unitCode: registered.matterUnitCode ?? registeringUnitCode,
      registeringUnitCode,
      holdingUnitCode: registeringUnitCode,
      receivedAt: new Date(registered.receivedAt),
      registeredAt: occurredAt,
      eventCount: event.seq,
      lastEventHash: hash,
      updatedAt: occurredAt,
      ...fromView,
    });
    await tx.query(
      `UPDATE cases c SET search_vector = cjk_bigrams(c.subject || ' ' || s.content)
       FROM case_submissions s WHERE s.case_number = c.case_number AND c.case_number = $1`,
      [event.caseNumber],
    );
    await projectMetricFacts(tx, event);
    return;
  }
  const status = typeof event.payload.status === 'string' ? { status: event.payload.status } : {};
  await tx.update(
    CaseEntity,
    { caseNumber: event.caseNumber },
    { ...status, ...fromView, eventCount: event.seq, lastEventHash: hash, updatedAt: occurredAt },
  );
  await projectReplyRating(tx, event, occurredAt);
  await projectMetricFacts(tx, event);
}

/**
 * What the public progress query needs to offer the petitioner's own rating (art. 21): the reply it
 * answers, the reply's delivery, and whether an answer is recorded (at the counter or online).
 */
async function projectReplyRating(tx: EntityManager, event: CaseEventInput, occurredAt: Date): Promise<void> {
  const typed = typedEvent(event);
  if (typed?.type === EVENT_TYPES.replyIssued) {
    await tx.query(
      `UPDATE cases SET reply_seq = $2, reply_delivered_on = NULL, satisfaction_recorded_at = NULL
       WHERE case_number = $1`,
      [event.caseNumber, event.seq],
    );
  } else if (typed?.type === EVENT_TYPES.deliveryRecorded && typed.payload.document === 'reply') {
    await tx.query(`UPDATE cases SET reply_delivered_on = $2 WHERE case_number = $1`, [
      event.caseNumber,
      typed.payload.deliveredOn,
    ]);
  } else if (typed?.type === EVENT_TYPES.satisfactionRecorded) {
    await tx.query(`UPDATE cases SET satisfaction_recorded_at = $2 WHERE case_number = $1`, [
      event.caseNumber,
      occurredAt,
    ]);
  }
}
