import { type RecordedEventType } from '../../domain/src/case/event-types';
import { type CaseEventInput, type CaseView } from '../../domain/src/case/recorded-event';
import { metricFactChange } from './metric-facts';

const view = (clock: string | null, dueAt: string | null): CaseView => ({
  status: 'registered',
  holdingUnitCode: 'QX',
  responsibleUnitCode: null,
  handlerUserId: null,
  packageLeaderUserId: null,
  sixDefines: null,
  clock,
  dueAt,
  dueLastDay: null,
  overdueLevel: 0,
  policyVersion: 'national-2022',
  accusedUnitCodes: [],
  accusedUserIds: [],
});

function event(
  type: RecordedEventType,
  payload: Record<string, unknown>,
  caseView?: CaseView,
): CaseEventInput {
  return {
    caseNumber: 'QX-2026-000001',
    seq: 2,
    type,
    actor: { id: 'u-1', role: 'clerk', unitCode: 'QX' },
    occurredAt: '2026-11-02T01:00:00.000Z',
    payload,
    view: caseView,
  };
}

describe('metricFactChange', () => {
  it('takes the triage deadline from the view while triage is awaited', () => {
    const change = metricFactChange(
      event('caseRegistered', { status: 'registered' }, view('triage', '2026-11-17T16:00:00.000Z')),
    );
    expect(change).toEqual({
      assignments: [{ column: 'triage_due_at', value: '2026-11-17T16:00:00.000Z', rule: 'untilTriaged' }],
      occurrence: null,
    });
  });

  it('records the first triage decision and the handling deadline it starts', () => {
    for (const type of ['caseAccepted', 'caseTransferred', 'caseAssignedDown', 'caseNotAccepted'] as const) {
      const change = metricFactChange(
        event(type, { status: 'x' }, view('handling', '2027-01-01T16:00:00.000Z')),
      );
      expect(change.assignments).toContainEqual({
        column: 'triaged_at',
        value: '2026-11-02T01:00:00.000Z',
        rule: 'first',
      });
    }
    expect(
      metricFactChange(
        event('extensionDecided', { granted: true }, view('handling', '2027-01-31T16:00:00.000Z')),
      ),
    ).toEqual({
      assignments: [
        {
          column: 'handling_due_at',
          value: '2027-01-31T16:00:00.000Z',
          rule: 'untilLapsed',
          asOf: '2026-11-02T01:00:00.000Z',
        },
      ],
      occurrence: { kind: 'extensionGranted', level: null },
    });
  });

  it('ignores a view without a deadline and a transfer-notice clock', () => {
    expect(metricFactChange(event('dutyRecorded', {}, view('handling', null))).assignments).toEqual([]);
    expect(
      metricFactChange(event('clockResumed', {}, view('transferNotice', '2026-11-17T16:00:00.000Z')))
        .assignments,
    ).toEqual([]);
  });

  it('records reply, satisfaction, review outcomes and the end of the case', () => {
    expect(metricFactChange(event('replyIssued', { status: 'replied' })).assignments).toEqual([
      { column: 'replied_at', value: '2026-11-02T01:00:00.000Z', rule: 'first' },
    ]);
    expect(
      metricFactChange(event('satisfactionRecorded', { satisfaction: 'satisfied', status: 'closed' }))
        .assignments,
    ).toEqual([
      { column: 'satisfaction', value: 'satisfied', rule: 'latest' },
      { column: 'ended_at', value: '2026-11-02T01:00:00.000Z', rule: 'first' },
    ]);
    expect(
      metricFactChange(event('reReviewDecided', { outcome: 'notSupport', status: 'concluded' })).assignments,
    ).toEqual([
      { column: 're_review_decided_at', value: '2026-11-02T01:00:00.000Z', rule: 'first' },
      { column: 're_review_outcome', value: 'notSupport', rule: 'latest' },
      { column: 'ended_at', value: '2026-11-02T01:00:00.000Z', rule: 'first' },
    ]);
  });

  it('art. 35: a review request received in time that reopens a closed case clears its end', () => {
    expect(
      metricFactChange(event('reviewRequested', { status: 'underReview', fromStatus: 'closed' })).assignments,
    ).toEqual([
      { column: 'review_requested_at', value: '2026-11-02T01:00:00.000Z', rule: 'first' },
      { column: 'ended_at', value: null, rule: 'latest' },
    ]);
    expect(
      metricFactChange(event('reviewRequested', { status: 'underReview', fromStatus: 'replied' }))
        .assignments,
    ).toEqual([{ column: 'review_requested_at', value: '2026-11-02T01:00:00.000Z', rule: 'first' }]);
  });

  it('counts escalation levels, supervision orders and reminders, never a refused extension', () => {
    expect(metricFactChange(event('deadlineEscalated', { level: 3, clock: 'triage' })).occurrence).toEqual({
      kind: 'escalated',
      level: 3,
    });
    expect(metricFactChange(event('supervisionOrdered', {})).occurrence).toEqual({
      kind: 'supervisionOrdered',
      level: null,
    });
    expect(metricFactChange(event('reminderSent', {})).occurrence).toEqual({
      kind: 'reminderSent',
      level: null,
    });
    expect(metricFactChange(event('extensionDecided', { granted: false })).occurrence).toBeNull();
  });
});
