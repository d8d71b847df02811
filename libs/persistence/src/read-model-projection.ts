import { type EntityManager } from 'typeorm';
import { type CaseEventInput, type CaseRegisteredPayload } from '../../../workflows/case-events';
import { CaseEntity } from './entities';

/** Applies one recorded event to the case read model, inside the recording transaction. */
export async function projectEvent(tx: EntityManager, event: CaseEventInput, hash: string): Promise<void> {
  const occurredAt = new Date(event.occurredAt);
  if (event.type === 'CaseRegistered') {
    const registered = event.payload as CaseRegisteredPayload;
    await tx.insert(CaseEntity, {
      caseNumber: event.caseNumber,
      workflowId: registered.workflowId,
      status: registered.status,
      category: registered.category,
      channel: registered.channel,
      subject: registered.subject,
      unitCode: registered.unitCode,
      registeringUnitCode: registered.registeringUnitCode,
      receivedAt: new Date(registered.receivedAt),
      registeredAt: occurredAt,
      eventCount: event.seq,
      lastEventHash: hash,
      updatedAt: occurredAt,
    });
    return;
  }
  const status = typeof event.payload.status === 'string' ? { status: event.payload.status } : {};
  await tx.update(
    CaseEntity,
    { caseNumber: event.caseNumber },
    { ...status, eventCount: event.seq, lastEventHash: hash, updatedAt: occurredAt },
  );
}
