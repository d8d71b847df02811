import { type EntityManager } from 'typeorm';
import { type CaseEventInput } from '../../../workflows/case-events';
import { caseWorkflowId } from '../../../workflows/workflow-ids';
import { CaseEntity } from './entities';

interface RegisteredDetails {
  status: string;
  category: string;
  channel: string;
  subject: string;
  receivedAt: string;
  matterUnitCode?: string | null;
}

/** Applies one recorded event to the case read model, inside the recording transaction. */
export async function projectEvent(tx: EntityManager, event: CaseEventInput, hash: string): Promise<void> {
  const occurredAt = new Date(event.occurredAt);
  if (event.type === 'caseRegistered') {
    const registered = event.payload as unknown as RegisteredDetails;
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
