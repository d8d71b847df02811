import { type EntityManager, type DataSource } from 'typeorm';
import { type CaseEventInput, GENESIS_HASH } from '../../domain/src/case/recorded-event';
import { CaseEventEntity } from './entities';
import { chainHash } from './hash-chain';
import { issueNoticeFor, type NoticeSettings } from './notices';
import { projectEvent } from './read-model-projection';

const DEFAULT_NOTICE_SETTINGS: NoticeSettings = { timeZone: 'Asia/Shanghai', bodiesAboveTop: [] };

export class SequenceGapError extends Error {
  override readonly name = 'SequenceGapError';
}

export interface RecordedEvent {
  seq: number;
  hash: string;
  /** False when the event was already recorded (a retried or doubled activity). */
  inserted: boolean;
}

function toIso(value: Date | string): string {
  return new Date(value).toISOString();
}

/**
 * Appends one event and applies it to the read model in one transaction. Idempotent by (case, seq):
 * a second execution finds the row and returns its hash; a sequence whose predecessor is missing is refused.
 * An event that calls for a written notice issues it in the same transaction.
 */
export async function recordEvent(
  db: DataSource,
  event: CaseEventInput,
  noticeSettings: NoticeSettings = DEFAULT_NOTICE_SETTINGS,
): Promise<RecordedEvent> {
  return db.transaction(async (tx) => {
    const existing = await tx.findOne(CaseEventEntity, {
      where: { caseNumber: event.caseNumber, seq: event.seq },
    });
    if (existing) return { seq: existing.seq, hash: existing.hash, inserted: false };
    const prevHash = await predecessorHash(tx, event);
    const fields = {
      caseNumber: event.caseNumber,
      seq: event.seq,
      type: event.type,
      actorId: event.actor.id,
      actorRole: event.actor.role,
      actorUnit: event.actor.unitCode,
      occurredAt: toIso(event.occurredAt),
      payload: event.payload,
    };
    const hash = chainHash(prevHash, fields);
    const inserted: { hash: string }[] = await tx.query(
      `INSERT INTO case_events (case_number, seq, type, actor_id, actor_role, actor_unit, occurred_at, payload, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (case_number, seq) DO NOTHING RETURNING hash`,
      [
        fields.caseNumber,
        fields.seq,
        fields.type,
        fields.actorId,
        fields.actorRole,
        fields.actorUnit,
        fields.occurredAt,
        fields.payload,
        prevHash,
        hash,
      ],
    );
    if (inserted.length === 0) {
      // A concurrent execution of the same activity committed first: keep its row, change nothing.
      const winner = await tx.findOneOrFail(CaseEventEntity, {
        where: { caseNumber: event.caseNumber, seq: event.seq },
      });
      return { seq: winner.seq, hash: winner.hash, inserted: false };
    }
    // Before the projection: an extension notice states the deadline the read model still holds.
    await issueNoticeFor(tx, event, noticeSettings);
    await projectEvent(tx, event, hash);
    return { seq: event.seq, hash, inserted: true };
  });
}

async function predecessorHash(tx: EntityManager, event: CaseEventInput): Promise<string> {
  if (event.seq === 1) return GENESIS_HASH;
  const previous = await tx.findOne(CaseEventEntity, {
    where: { caseNumber: event.caseNumber, seq: event.seq - 1 },
  });
  if (!previous) {
    throw new SequenceGapError(
      `event ${event.caseNumber}#${event.seq} refused: #${event.seq - 1} is not recorded`,
    );
  }
  return previous.hash;
}
