import { timelineEntry } from './timeline-test-kit';
import { recusalsFrom, seatsToFill } from './recusal-summary';

let seq = 0;
function event(type: string, details: Record<string, unknown>) {
  seq += 1;
  return timelineEntry({
    seq,
    type,
    occurredAt: `2026-11-0${seq}T02:00:00.000Z`,
    actorId: 'u-clerk',
    actorRole: 'clerk',
    details,
  });
}

const handler = { userId: 'u-handler', name: '王办理', role: 'handler', unitCode: 'QX' };
const leader = { userId: 'u-leader', name: '李领导', role: 'packageLeader', unitCode: 'D' };
const defined = event('sixDefinesSet', {
  defines: { handler, packageLeader: leader, responsibleUnitCode: 'QX' },
});

describe('recusals on the case workspace (art. 28)', () => {
  it('art. 28: a request is pending until decided; upheld, the handler seat must be filled again', () => {
    const requested = event('recusalRequested', { person: handler, ground: 'relative', explanation: '表兄' });
    expect(recusalsFrom([defined, requested]).map((r) => r.status)).toEqual(['pending']);
    expect(seatsToFill([defined, requested])).toEqual([]);
    const decided = event('recusalDecided', {
      userId: 'u-handler',
      person: handler,
      decision: 'recuse',
      reason: '属实',
    });
    const timeline = [defined, requested, decided];
    expect(recusalsFrom(timeline)).toMatchObject([
      { kind: 'requested', ground: 'relative', explanation: '表兄', status: 'recused', reason: '属实' },
    ]);
    expect(seatsToFill(timeline)).toEqual([
      { field: 'handler', person: { userId: 'u-handler', name: '王办理' } },
    ]);
    // Reassigned to someone else: nothing left to fill.
    const reassigned = event('sixDefinesReassigned', {
      defines: { handler: { ...handler, userId: 'u-other', name: '赵办理' }, packageLeader: leader },
    });
    expect(seatsToFill([...timeline, reassigned])).toEqual([]);
  });

  it('art. 28: a dismissed request leaves the person in place; a self-declaration is in force at once', () => {
    const timeline = [
      defined,
      event('recusalRequested', { person: handler, ground: 'party' }),
      event('recusalDecided', { userId: 'u-handler', person: handler, decision: 'dismiss', reason: '无' }),
      event('interestDeclared', { person: leader, ground: 'namedInPetition' }),
    ];
    expect(recusalsFrom(timeline).map((r) => [r.person.userId, r.kind, r.status])).toEqual([
      ['u-handler', 'requested', 'dismissed'],
      ['u-leader', 'selfDeclared', 'recused'],
    ]);
    expect(seatsToFill(timeline).map((seat) => seat.field)).toEqual(['packageLeader']);
  });
});
