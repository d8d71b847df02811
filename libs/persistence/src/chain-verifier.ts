import { type DataSource } from 'typeorm';
import { GENESIS_HASH, type ChainHead } from '../../domain/src/case/recorded-event';
import { chainHash, type HashedEventFields } from './hash-chain';

/** An event as stored: the hashed fields, the link to its predecessor and its own hash. */
export interface StoredEvent extends HashedEventFields {
  prevHash: string;
  hash: string;
}

export type ChainProblem =
  | 'sequenceGap'
  | 'previousHashMismatch'
  | 'contentHashMismatch'
  | 'eventsMissingAtEnd'
  | 'unexpectedEventsAtEnd'
  | 'headHashMismatch';

export interface ChainVerification {
  caseNumber: string;
  verified: boolean;
  eventCount: number;
  /** The first broken link, when there is one. */
  firstBreak?: { seq: number; problem: ChainProblem; message: string };
}

const MESSAGES: Record<ChainProblem, string> = {
  sequenceGap: '事件序号不连续 / event sequence has a gap',
  previousHashMismatch: '与前一事件的链接被破坏 / link to the previous event is broken',
  contentHashMismatch: '事件内容被改动 / event content was altered',
  eventsMissingAtEnd: '末尾事件缺失 / events are missing at the end of the chain',
  unexpectedEventsAtEnd: '链尾存在未知事件 / events beyond the recorded head',
  headHashMismatch:
    '链尾哈希与工作流记录不符（整条链被重写）/ last hash differs from the head the workflow holds (chain rewritten)',
};

function broken(
  caseNumber: string,
  eventCount: number,
  seq: number,
  problem: ChainProblem,
): ChainVerification {
  return {
    caseNumber,
    verified: false,
    eventCount,
    firstBreak: { seq, problem, message: MESSAGES[problem] },
  };
}

/**
 * Walks a case's events in order: numbered 1..n with no gap, each linked to its predecessor's hash,
 * each hash matching its content; then compares the end with the head kept outside the table (the
 * workflow's state), which catches deleted tail events and a consistently rewritten chain.
 */
export function verifyChain(
  caseNumber: string,
  events: readonly StoredEvent[],
  head?: ChainHead,
): ChainVerification {
  let previous = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const expectedSeq = index + 1;
    if (event.seq !== expectedSeq) return broken(caseNumber, events.length, expectedSeq, 'sequenceGap');
    if (event.prevHash !== previous)
      return broken(caseNumber, events.length, event.seq, 'previousHashMismatch');
    const { hash: _stored, prevHash: _prev, ...fields } = event;
    if (chainHash(previous, fields) !== event.hash)
      return broken(caseNumber, events.length, event.seq, 'contentHashMismatch');
    previous = event.hash;
  }
  if (head) {
    if (events.length < head.count)
      return broken(caseNumber, events.length, events.length + 1, 'eventsMissingAtEnd');
    if (events.length > head.count)
      return broken(caseNumber, events.length, head.count + 1, 'unexpectedEventsAtEnd');
    if (head.count > 0 && previous !== head.lastHash)
      return broken(caseNumber, events.length, head.count, 'headHashMismatch');
  }
  return { caseNumber, verified: true, eventCount: events.length };
}

/** A case's events as stored, in sequence order. */
export async function loadCaseEvents(db: DataSource, caseNumber: string): Promise<StoredEvent[]> {
  const rows: {
    case_number: string;
    seq: number;
    type: string;
    actor_id: string;
    actor_role: string;
    actor_unit: string | null;
    occurred_at: Date;
    payload: unknown;
    prev_hash: string;
    hash: string;
  }[] = await db.query(
    `SELECT case_number, seq, type, actor_id, actor_role, actor_unit, occurred_at, payload, prev_hash, hash
     FROM case_events WHERE case_number = $1 ORDER BY seq`,
    [caseNumber],
  );
  return rows.map((row) => ({
    caseNumber: row.case_number,
    seq: row.seq,
    type: row.type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorUnit: row.actor_unit,
    occurredAt: row.occurred_at.toISOString(),
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}
