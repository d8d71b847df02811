/** Shared fixtures for the case specs: a cast of people, full facts, and cases driven into each status. */
import { Principal } from '../org/principal';
import { Role } from '../org/roles';
import { sampleTree } from '../org/test-fixtures';
import { CaseAction, CaseActionOf, CaseActionType, RegisterAction, SixDefinesInput } from './actions';
import { CaseActor, SYSTEM_ACTOR } from './actor';
import { CaseState } from './case-state';
import { decide } from './decide';
import { CaseFacts } from './facts';
import { CaseStatus } from './status';
import { Instant } from './time-values';

export { sampleTree };

export function principal(userId: string, role: Role, unitCode: string): Principal {
  return { userId, name: `name-${userId}`, role, unitCode };
}

export const cast = {
  clerkD: principal('clerk-d', 'clerk', 'D'),
  clerkT1: principal('clerk-t1', 'clerk', 'T1'),
  clerkT2: principal('clerk-t2', 'clerk', 'T2'),
  leaderD: principal('leader-d', 'unitLeader', 'D'),
  leaderT1: principal('leader-t1', 'unitLeader', 'T1'),
  leaderT2: principal('leader-t2', 'unitLeader', 'T2'),
  handlerT1: principal('handler-t1', 'handler', 'T1'),
  handlerT2: principal('handler-t2', 'handler', 'T2'),
  handlerV1: principal('handler-v1', 'handler', 'V1'),
  packageLeaderD: principal('pkg-d', 'packageLeader', 'D'),
  supervisorD: principal('sup-d', 'supervisor', 'D'),
  supervisorT2: principal('sup-t2', 'supervisor', 'T2'),
  adminD: principal('admin-d', 'admin', 'D'),
};

export const everyone: readonly CaseActor[] = [...Object.values(cast), SYSTEM_ACTOR];

const START = Date.parse('2026-03-02T01:00:00.000Z');
let tick = 0;

/** A fresh, increasing instant (one hour apart) so events are ordered. */
export function nextInstant(): Instant {
  tick += 1;
  return new Date(START + tick * 3_600_000).toISOString();
}

export const FAR_FUTURE: Instant = '2030-01-01T00:00:00.000Z';
export const LONG_AGO: Instant = '2020-01-01T00:00:00.000Z';

/** Every fact any action needs; the request window open (closed for `close`, which needs it lapsed). */
export function fullFacts(action?: CaseActionType, overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    at: nextInstant(),
    unitTree: sampleTree,
    statutoryHandlingLastDay: '2026-05-30',
    windowEndsAt: action === 'close' ? LONG_AGO : FAR_FUTURE,
    maxExtensionDays: 30,
    ...(action === 'reportCompletion' ? { today: '2026-04-20' } : {}),
    ...overrides,
  };
}

export function registerAction(overrides: Partial<RegisterAction> = {}): RegisterAction {
  return {
    type: 'register',
    caseNumber: 'D-2026-0001',
    category: 'grievance',
    channel: 'visit',
    receivedAt: '2026-03-01T02:00:00.000Z',
    subject: '小区排水问题',
    petitionerRefs: ['petitioner-1'],
    ...overrides,
  };
}

export function sixDefines(overrides: SixDefinesInput = {}): SixDefinesInput {
  return {
    packageLeader: cast.packageLeaderD,
    responsibleUnitCode: 'T1',
    handler: cast.handlerT1,
    resolutionPlan: '现场核查并协调维修',
    completionDeadline: '2026-05-01',
    targetOutcome: '排水恢复，群众满意',
    ...overrides,
  };
}

export type Step = readonly [CaseAction, CaseActor] | readonly [CaseAction, CaseActor, Partial<CaseFacts>];

/** Applies steps in order; a rejected step fails loudly with its code. */
export function run(state: CaseState | null, steps: readonly Step[]): CaseState {
  return steps.reduce<CaseState | null>((current, [action, actor, facts]) => {
    const result = decide(current, action, actor, fullFacts(action.type, facts));
    if (!result.ok)
      throw new Error(
        `${action.type} by ${JSON.stringify(actor)} rejected: ${result.error.code} ${result.error.message}`,
      );
    return result.state;
  }, state) as CaseState;
}

export const deliver = (
  document: 'reply' | 'reviewOpinion' | 'reReviewOpinion',
): CaseActionOf<'recordDelivery'> => ({
  type: 'recordDelivery',
  document,
  method: 'inPerson',
  deliveredOn: '2026-04-10',
});

export const investigate: CaseActionOf<'recordDuty'> = {
  type: 'recordDuty',
  duty: 'investigate',
  performedBy: [cast.handlerT1],
  performedOn: '2026-03-20',
  summary: '现场核查',
  evidenceRefs: ['evidence-1'],
};

/** The steps that bring a new case (registered at the district, D) into each status. */
const PATHS: Readonly<Record<CaseStatus, readonly Step[]>> = (() => {
  const registered: Step[] = [[registerAction(), cast.clerkD]];
  const assigned: Step[] = [
    ...registered,
    [
      { type: 'assignDown', toUnitCode: 'T1', reason: '属地管理', feedbackDueDate: '2026-04-30' },
      cast.clerkD,
    ],
  ];
  const accepted: Step[] = [...assigned, [{ type: 'accept' }, cast.clerkT1]];
  const inHandling: Step[] = [...accepted, [{ type: 'defineSix', defines: sixDefines() }, cast.leaderT1]];
  const replied: Step[] = [
    ...inHandling,
    [investigate, cast.handlerT1],
    [{ type: 'reply', outcome: 'explain', reasons: '依据相关规定解释说明' }, cast.handlerT1],
  ];
  const underReview: Step[] = [
    ...replied,
    [deliver('reply'), cast.handlerT1],
    [{ type: 'requestReview', reason: '对处理意见不服' }, cast.clerkD],
  ];
  const reviewed: Step[] = [
    ...underReview,
    [{ type: 'decideReview', outcome: 'notSupport', reasons: '维持原处理意见' }, cast.leaderD],
  ];
  const underReReview: Step[] = [
    ...reviewed,
    [deliver('reviewOpinion'), cast.clerkD],
    [{ type: 'requestReReview', reason: '对复查意见不服' }, cast.clerkD],
  ];
  return {
    registered,
    transferred: [
      ...registered,
      [{ type: 'transfer', toUnitCode: 'T2', reason: '属于西街道职责' }, cast.clerkD],
    ],
    assigned,
    notAccepted: [
      ...registered,
      [{ type: 'notAccept', reason: 'notPetitionMatter', explanation: '不属于信访事项' }, cast.clerkD],
    ],
    accepted,
    inHandling,
    replied,
    underReview,
    reviewed,
    underReReview,
    closed: [...replied, [deliver('reply'), cast.handlerT1], [{ type: 'close' }, SYSTEM_ACTOR]],
    concluded: [
      ...underReReview,
      [{ type: 'decideReReview', outcome: 'notSupport', reasons: '复核维持' }, cast.clerkD],
    ],
    withdrawn: [...registered, [{ type: 'withdraw', reason: '信访人撤回' }, cast.clerkD]],
  };
})();

export function caseIn(status: CaseStatus, extra: readonly Step[] = []): CaseState {
  return run(null, [...PATHS[status], ...extra]);
}

/** 'ok', or the error code, of one action. */
export function outcomeOf(
  state: CaseState | null,
  action: CaseAction,
  actor: CaseActor,
  facts: Partial<CaseFacts> = {},
): string {
  const result = decide(state, action, actor, fullFacts(action.type, facts));
  return result.ok ? 'ok' : result.error.code;
}
