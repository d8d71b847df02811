import { GENESIS_HASH } from '../../domain/src/case/recorded-event';
import { type StoredEvent, verifyChain } from './chain-verifier';
import { chainHash } from './hash-chain';

function chain(payloads: Record<string, unknown>[]): StoredEvent[] {
  const events: StoredEvent[] = [];
  let previous = GENESIS_HASH;
  payloads.forEach((payload, index) => {
    const fields = {
      caseNumber: 'QX-2026-000001',
      seq: index + 1,
      type: index === 0 ? 'caseRegistered' : 'reminderSent',
      actorId: 'u-1',
      actorRole: 'clerk',
      actorUnit: 'QX',
      occurredAt: new Date(Date.UTC(2026, 10, 1, 2, index)).toISOString(),
      payload,
    };
    const hash = chainHash(previous, fields);
    events.push({ ...fields, prevHash: previous, hash });
    previous = hash;
  });
  return events;
}

const payloads = [
  { status: 'registered' },
  { text: '第一次催办' },
  { text: '第二次催办' },
  { text: '第三次催办' },
];

describe('hash chain verification', () => {
  it('verifies an intact chain against its head', () => {
    const events = chain(payloads);
    expect(verifyChain('QX-2026-000001', events, { count: 4, lastHash: events[3]!.hash })).toEqual({
      caseNumber: 'QX-2026-000001',
      verified: true,
      eventCount: 4,
    });
  });

  it('names the altered event', () => {
    const events = chain(payloads);
    events[1] = { ...events[1]!, payload: { text: '改过的内容' } };
    expect(verifyChain('c', events).firstBreak).toMatchObject({ seq: 2, problem: 'contentHashMismatch' });
  });

  it('names a broken link when an event is replaced with a self-consistent one', () => {
    const events = chain(payloads);
    const forged = chainHash('f'.repeat(64), { ...events[2]!, payload: { text: '伪造' } });
    events[2] = { ...events[2]!, payload: { text: '伪造' }, prevHash: 'f'.repeat(64), hash: forged };
    expect(verifyChain('c', events).firstBreak).toMatchObject({ seq: 3, problem: 'previousHashMismatch' });
  });

  it('detects a gap', () => {
    const events = chain(payloads);
    events.splice(1, 1);
    expect(verifyChain('c', events).firstBreak).toMatchObject({ seq: 2, problem: 'sequenceGap' });
  });

  it('detects deleted last events only with the head kept outside the table', () => {
    const events = chain(payloads);
    const head = { count: 4, lastHash: events[3]!.hash };
    const truncated = events.slice(0, 3);
    expect(verifyChain('c', truncated).verified).toBe(true);
    expect(verifyChain('c', truncated, head).firstBreak).toMatchObject({
      seq: 4,
      problem: 'eventsMissingAtEnd',
    });
  });

  it('detects a whole chain rewritten consistently, by the head hash', () => {
    const original = chain(payloads);
    const rewritten = chain([
      { status: 'registered' },
      { text: '全部重写' },
      { text: '全部重写' },
      { text: '全部重写' },
    ]);
    expect(verifyChain('c', rewritten).verified).toBe(true);
    expect(verifyChain('c', rewritten, { count: 4, lastHash: original[3]!.hash }).firstBreak).toMatchObject({
      seq: 4,
      problem: 'headHashMismatch',
    });
  });
});
