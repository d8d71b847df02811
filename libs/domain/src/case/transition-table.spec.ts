import { CaseAction, CaseActionType, CASE_ACTION_TYPES } from './actions';
import { CaseActor, SYSTEM_ACTOR } from './actor';
import { CaseState } from './case-state';
import { decide } from './decide';
import { CASE_STATUSES, CaseStatus, FINAL_STATUSES } from './status';
import {
  caseIn,
  cast,
  deliver,
  everyone,
  fullFacts,
  investigate,
  registerAction,
  sampleTree,
  sixDefines,
  Step,
} from './test-kit';
import {
  ACTION_ROLES,
  allowedActions,
  CASE_TRANSITIONS,
  IN_PLACE_ACTIONS,
  nextStatus,
} from './transition-table';

/** A valid example of each action for a case in `state`. */
function sampleAction(type: CaseActionType, state: CaseState | null): CaseAction {
  const holding = state?.holdingUnitCode ?? 'D';
  const child = sampleTree.units.find((unit) => unit.parentCode === holding)?.code ?? 'V1';
  switch (type) {
    case 'register':
      return registerAction();
    case 'accept':
      return { type };
    case 'transfer':
      return { type, toUnitCode: holding === 'DEP' ? 'T2' : 'DEP', reason: '职责调整' };
    case 'assignDown':
      return { type, toUnitCode: child, reason: '属地管理', feedbackDueDate: '2026-04-30' };
    case 'notAccept':
      return { type, reason: 'notPetitionMatter', explanation: '不属于信访事项' };
    case 'objectMisroute':
      return { type, reason: '非本单位职责' };
    case 'decideObjection':
      return { type, decision: 'uphold', reason: '异议成立，另行转送' };
    case 'reportCompletion':
      return { type, summary: '已办结，信访人息诉', evidenceRefs: ['report-1'] };
    case 'defineSix':
      return { type, defines: sixDefines() };
    case 'reassign':
      return { type, changes: { resolutionPlan: '调整后的方案' }, reason: '方案调整' };
    case 'recordDuty':
      return investigate;
    case 'requestExtension':
      return { type, days: 20, reason: '情况复杂' };
    case 'approveExtension':
      return { type, granted: true };
    case 'pauseClock':
      return { type, reason: '听证' };
    case 'resumeClock':
      return { type };
    case 'reply':
      return { type, outcome: 'support', reasons: '符合政策' };
    case 'recordDelivery':
      return deliver(
        state?.status === 'reviewed'
          ? 'reviewOpinion'
          : state?.status === 'concluded'
            ? 'reReviewOpinion'
            : 'reply',
      );
    case 'recordSatisfaction':
      return { type, satisfaction: 'satisfied' };
    case 'requestReview':
    case 'requestReReview':
      // On a case the lapse closed: a request received in its window, recorded late (back-dated).
      return state?.status === 'closed'
        ? { type, reason: '不服', receivedAt: LATE_RECEIVED_AT, receivedAtReason: '来信积压，补录' }
        : { type, reason: '不服' };
    case 'decideReview':
    case 'decideReReview':
      return { type, outcome: 'notSupport', reasons: '维持' };
    case 'withdraw':
      return { type, reason: '信访人撤回' };
    case 'close':
      return { type };
    case 'instruct':
    case 'superviseOrder':
    case 'remind':
      return { type, text: '抓紧办理' };
    case 'declareInterest':
      return { type, ground: 'relative' };
    case 'requestRecusal':
      return { type, person: cast.handlerT1, ground: 'namedInPetition' };
    case 'decideRecusal':
      return { type, userId: cast.handlerT1.userId, decision: 'dismiss', reason: '无利害关系' };
  }
}

/** Preconditions some actions need beyond the status (a pending request, a pause, a delivered reply). */
function preparation(status: CaseStatus, type: CaseActionType): Step[] {
  if (type === 'approveExtension')
    return [[{ type: 'requestExtension', days: 20, reason: '情况复杂' }, cast.handlerT1]];
  if (type === 'resumeClock') {
    const actor =
      status === 'underReview' || status === 'underReReview'
        ? cast.clerkD
        : status === 'transferred'
          ? cast.clerkT2
          : status === 'registered'
            ? cast.clerkD
            : cast.clerkT1;
    return [[{ type: 'pauseClock', reason: '听证' }, actor]];
  }
  if (type === 'reply') return [[investigate, cast.handlerT1]];
  if (type === 'decideRecusal')
    return [[{ type: 'requestRecusal', person: cast.handlerT1, ground: 'namedInPetition' }, cast.clerkD]];
  if (type === 'decideObjection')
    return [
      [{ type: 'transfer', toUnitCode: 'T2', reason: '属于西街道职责' }, cast.clerkD],
      [{ type: 'objectMisroute', reason: '非本单位职责' }, cast.clerkT2],
    ];
  if (status === 'replied' && ['recordSatisfaction', 'requestReview', 'close'].includes(type)) {
    return [[deliver('reply'), cast.handlerT1]];
  }
  if (status === 'reviewed' && (type === 'close' || type === 'requestReReview'))
    return [[deliver('reviewOpinion'), cast.clerkD]];
  return [];
}

/** A request received after the reply's delivery (2026-04-10) and recorded a month later. */
const LATE_RECEIVED_AT = '2026-04-20T02:00:00.000Z';
const LATE_RECORDED_FACTS = { at: '2026-05-20T02:00:00.000Z', timeZone: 'Asia/Shanghai' };

function attempt(state: CaseState | null, action: CaseAction, actor: CaseActor) {
  const late = 'receivedAt' in action && action.receivedAt !== undefined;
  return decide(state, action, actor, fullFacts(action.type, late ? LATE_RECORDED_FACTS : {}));
}

/** The case in a status, prepared for the action; a re-review reopens a case closed after its review. */
function caseFor(status: CaseStatus, type: CaseActionType): CaseState {
  if (status === 'closed' && type === 'requestReReview')
    return caseIn('reviewed', [
      [deliver('reviewOpinion'), cast.clerkD],
      [{ type: 'close' }, SYSTEM_ACTOR],
    ]);
  return caseIn(status, preparation(status, type));
}

const pairs = [null, ...CASE_STATUSES].flatMap((status) =>
  CASE_ACTION_TYPES.map((type) => [status, type] as const),
);
const allowedPairs = pairs.filter(([status, type]) => nextStatus(status, type) !== undefined);
const deniedPairs = pairs.filter(([status, type]) => nextStatus(status, type) === undefined);

describe('the transition table, state by action', () => {
  it.each(allowedPairs)(
    '%s allows %s: someone in the cast can do it, landing on the table’s status',
    (status, type) => {
      const state = status === null ? null : caseFor(status, type);
      const action = sampleAction(type, state);
      const outcomes = everyone.map((actor) => attempt(state, action, actor));
      const success = outcomes.find((outcome) => outcome.ok);
      if (!success || !success.ok) {
        throw new Error(
          `nobody could ${type} in ${status}: ${outcomes.map((o) => (o.ok ? 'ok' : o.error.code)).join(', ')}`,
        );
      }
      expect(success.state.status).toBe(nextStatus(status, type));
      expect(outcomes.every((o) => o.ok || o.error.code !== 'CASE_STATE_CONFLICT')).toBe(true);
    },
  );

  it.each(deniedPairs)('%s denies %s with CASE_STATE_CONFLICT (409) for everyone', (status, type) => {
    const state = status === null ? null : caseIn(status);
    const action = sampleAction(type, state);
    for (const actor of everyone) {
      const outcome = attempt(state, action, actor);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok)
        expect([outcome.error.code, outcome.error.kind]).toEqual(['CASE_STATE_CONFLICT', 'conflict']);
    }
  });

  it('keeps final statuses final: no action leads anywhere else but a request received in time (arts. 35–36)', () => {
    for (const status of FINAL_STATUSES) {
      for (const type of allowedActions(status)) {
        if (status === 'closed' && (type === 'requestReview' || type === 'requestReReview')) continue;
        expect(nextStatus(status, type)).toBe(status);
      }
    }
    // The lapse closed the case while a request received in its window was still to be recorded.
    expect(nextStatus('closed', 'requestReview')).toBe('underReview');
    expect(nextStatus('closed', 'requestReReview')).toBe('underReReview');
    expect(allowedActions('concluded')).toEqual([
      'recordDelivery',
      'recordDuty',
      'recordSatisfaction',
      'reportCompletion',
    ]);
    expect(allowedActions('notAccepted')).toEqual([]);
    expect(allowedActions('withdrawn')).toEqual([]);
  });

  it('lets the petitioner withdraw from every status before the end, and never after', () => {
    for (const status of CASE_STATUSES) {
      expect(nextStatus(status, 'withdraw')).toBe(FINAL_STATUSES.includes(status) ? undefined : 'withdrawn');
    }
  });

  it('reaches every status from registration', () => {
    const reached = new Set<CaseStatus>();
    const frontier: (CaseStatus | null)[] = [null];
    while (frontier.length > 0) {
      const from = frontier.pop() ?? null;
      for (const t of CASE_TRANSITIONS.filter((candidate) => candidate.from === from)) {
        if (!reached.has(t.to)) frontier.push(t.to);
        reached.add(t.to);
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('never lists an action both as a status change and in place for the same status', () => {
    for (const t of CASE_TRANSITIONS) if (t.from) expect(IN_PLACE_ACTIONS[t.from]).not.toContain(t.action);
  });
});

describe('roles', () => {
  const statusWhere = (type: CaseActionType): CaseStatus | null =>
    [null, ...CASE_STATUSES].find((status) => nextStatus(status, type) !== undefined) ?? null;

  const rolePairs = CASE_ACTION_TYPES.flatMap((type) =>
    (['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor', 'admin'] as const)
      .filter((role) => !ACTION_ROLES[type].includes(role))
      .map((role) => [type, role] as const),
  );

  it.each(rolePairs)('%s is refused to %s with ROLE_NOT_ALLOWED (403)', (type, role) => {
    const status = statusWhere(type);
    const state = status === null ? null : caseIn(status, preparation(status, type));
    const actor = { userId: 'x', name: 'x', role, unitCode: state?.holdingUnitCode ?? 'D' };
    const outcome = attempt(state, sampleAction(type, state), actor);
    expect(outcome.ok ? 'ok' : [outcome.error.code, outcome.error.kind]).toEqual([
      'ROLE_NOT_ALLOWED',
      'forbidden',
    ]);
  });

  it('lets the system act only to close', () => {
    const systemActions = CASE_ACTION_TYPES.filter((type) => ACTION_ROLES[type].includes('system'));
    expect(systemActions).toEqual(['close']);
  });

  it('gives administrators no case action', () => {
    expect(CASE_ACTION_TYPES.filter((type) => ACTION_ROLES[type].includes('admin'))).toEqual([]);
  });
});
