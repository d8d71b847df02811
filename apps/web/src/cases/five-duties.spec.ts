import { timelineEntry } from './timeline-test-kit';
import { currentSixDefines, repeatVisits } from './case-summary';
import { dutyChecklist } from './five-duties';

let seq = 0;
function event(type: string, details: Record<string, unknown>, occurredAt = '2026-11-02T02:00:00.000Z') {
  seq += 1;
  return timelineEntry({ seq, type, occurredAt, actorId: 'u-handler', actorRole: 'handler', details });
}

const investigated = event('dutyRecorded', {
  duty: 'investigate',
  performedBy: [{ userId: 'u-1', name: '王办理', role: 'handler', unitCode: 'QX' }],
  performedOn: '2026-11-01',
  summary: '走访核实',
  evidenceRefs: ['EV-1', 'EV-2'],
});

describe('five duties checklist', () => {
  it('lists the five duties in order, each done once its progress is recorded, with who, when and evidence', () => {
    const checklist = dutyChecklist([event('sixDefinesSet', {}), investigated]);
    expect(checklist.map((item) => [item.duty, item.done])).toEqual([
      ['investigate', true],
      ['explainPolicy', false],
      ['resolve', false],
      ['replyAndSettle', false],
      ['followUpVisit', false],
    ]);
    expect(checklist[0]!.progress).toEqual([
      {
        seq: investigated.seq,
        performedBy: [{ userId: 'u-1', name: '王办理' }],
        performedOn: '2026-11-01',
        summary: '走访核实',
        evidenceRefs: ['EV-1', 'EV-2'],
        recordedAt: investigated.occurredAt,
        recordedBy: 'u-handler',
      },
    ]);
  });

  it('keeps every recorded progress of a duty, and marks the after-reply duties as waiting until the reply', () => {
    const again = event('dutyRecorded', { ...investigated.details, summary: '补充调查' });
    const before = dutyChecklist([investigated, again]);
    expect(before[0]!.progress.map((progress) => progress.summary)).toEqual(['走访核实', '补充调查']);
    expect(before.filter((item) => item.waitsForReply).map((item) => item.duty)).toEqual([
      'replyAndSettle',
      'followUpVisit',
    ]);
    const after = dutyChecklist([investigated, event('replyIssued', { outcome: 'support' })]);
    expect(after.some((item) => item.waitsForReply)).toBe(false);
  });
});

describe('case summary from the timeline', () => {
  it('shows the six defines as last set or changed, none before they are set', () => {
    expect(currentSixDefines([investigated])).toBeNull();
    const set = event('sixDefinesSet', {
      defines: {
        responsibleUnitCode: 'QX',
        handler: { userId: 'u-1', name: '王办理', role: 'handler', unitCode: 'QX' },
        resolutionPlan: '约谈企业',
        targetOutcome: '足额支付',
        completionDeadline: '2026-12-20',
      },
    });
    const changed = event(
      'sixDefinesReassigned',
      {
        changes: { completionDeadline: '2026-12-10' },
        reason: '提速',
        defines: { ...(set.details.defines as object), completionDeadline: '2026-12-10' },
      },
      '2026-11-05T02:00:00.000Z',
    );
    expect(currentSixDefines([set])).toMatchObject({
      handler: { userId: 'u-1', name: '王办理' },
      packageLeader: null,
      completionDeadline: '2026-12-20',
    });
    expect(currentSixDefines([set, changed])).toMatchObject({
      completionDeadline: '2026-12-10',
      at: '2026-11-05T02:00:00.000Z',
    });
  });

  it('counts the repeat visits with when each came', () => {
    const visits = repeatVisits([
      investigated,
      event('repeatVisitRecorded', {
        visitNumber: 1,
        receivedAt: '2026-11-03T01:00:00.000Z',
        channel: 'visit',
      }),
      event('repeatVisitEscalated', { visitNumber: 2 }),
      event('repeatVisitRecorded', {
        visitNumber: 2,
        receivedAt: '2026-11-04T01:00:00.000Z',
        channel: 'phone',
      }),
    ]);
    expect(visits.map((visit) => [visit.visitNumber, visit.receivedAt, visit.channel])).toEqual([
      [1, '2026-11-03T01:00:00.000Z', 'visit'],
      [2, '2026-11-04T01:00:00.000Z', 'phone'],
    ]);
  });
});
