import { NATIONAL_PAUSE_REASONS } from '../policy/policy';
import { isInSubtree } from '../org/units';
import { CaseCommandType } from './action-handler';
import { CaseAction, CaseActionOf } from './actions';
import { CaseActor, isSystemActor, SYSTEM_ACTOR } from './actor';
import {
  actionAvailability,
  actionsAllowedNow,
  CASE_COMMAND_TYPES,
  decidableRecusalUserId,
  deliverableDocument,
} from './allowed-now';
import { CASE_ERROR_KINDS, CaseErrorCode } from './case-errors';
import { CaseState } from './case-state';
import { decide } from './decide';
import { CaseFacts } from './facts';
import { CASE_STATUSES, clockPhaseOf } from './status';
import {
  caseIn,
  cast,
  deliver,
  everyone,
  FAR_FUTURE,
  investigate,
  LONG_AGO,
  sampleTree,
  sixDefines,
  Step,
} from './test-kit';
import type { ClockName } from '../policy/statute';

/** The cases of the table: every status of the test kit, and the states inside them that change what is open. */
const STATES: Readonly<Record<string, () => CaseState>> = {
  ...Object.fromEntries(CASE_STATUSES.map((status) => [status, () => caseIn(status)])),
  'registered, accusation against T1 and handler-t1': () => ({
    ...caseIn('registered'),
    category: 'accusation',
    accused: { unitCodes: ['T1'], userIds: ['handler-t1'] },
  }),
  'registered, paused': () =>
    caseIn('registered', [[{ type: 'pauseClock', reason: '等待材料' }, cast.clerkD]]),
  'registered, objection pending': () =>
    caseIn('assigned', [[{ type: 'objectMisroute', reason: '不属本镇职责' }, cast.clerkT1]]),
  'assigned on to V1 (a village, nothing below)': () =>
    caseIn('assigned', [
      [{ type: 'assignDown', toUnitCode: 'V1', reason: '属地', feedbackDueDate: '2026-04-30' }, cast.clerkT1],
    ]),
  'accepted, extension pending': () =>
    caseIn('accepted', [[{ type: 'requestExtension', days: 10, reason: '情况复杂' }, cast.handlerT1]]),
  'inHandling, investigated': () => caseIn('inHandling', [[investigate, cast.handlerT1]]),
  'inHandling, extension granted': () =>
    caseIn('inHandling', [
      [{ type: 'requestExtension', days: 10, reason: '情况复杂' }, cast.handlerT1],
      [{ type: 'approveExtension', granted: true }, cast.leaderT1],
    ]),
  'inHandling, paused': () =>
    caseIn('inHandling', [[{ type: 'pauseClock', reason: '鉴定' }, cast.handlerT1]]),
  'replied, completion reported': () =>
    caseIn('replied', [
      [{ type: 'reportCompletion', summary: '已办结', evidenceRefs: ['e-1'] }, cast.handlerT1],
    ]),
  'inHandling, recusal requested of handler-t1': () =>
    caseIn('inHandling', [
      [{ type: 'requestRecusal', person: cast.handlerT1, ground: 'relative' }, cast.clerkT1],
    ]),
  'inHandling, handler-t1 recused': () =>
    caseIn('inHandling', [[{ type: 'declareInterest', ground: 'relative' }, cast.handlerT1]]),
  'replied, delivered': () => caseIn('replied', [[deliver('reply'), cast.handlerT1]]),
  'replied, delivered, satisfaction recorded': () =>
    caseIn('replied', [
      [deliver('reply'), cast.handlerT1],
      [{ type: 'recordSatisfaction', satisfaction: 'satisfied' }, cast.handlerT1],
    ]),
  'reviewed, delivered': () => caseIn('reviewed', [[deliver('reviewOpinion'), cast.clerkD]]),
  'underReReview, paused': () =>
    caseIn('underReReview', [
      [{ type: 'pauseClock', reason: '听证', reasonCode: 'reReviewHearing' }, cast.clerkD],
    ]),
};

const CLOCK_OF_PHASE: Partial<Record<string, ClockName>> = {
  triage: 'triage',
  handling: 'handling',
  reviewRequest: 'reviewRequest',
  reviewDecision: 'reviewDecision',
  reReviewRequest: 'reReviewRequest',
  reReviewDecision: 'reReviewDecision',
};

/** Facts as the workflow gives them: its legacy rules, or the lawful rules with the clock running or run out. */
type FactsProfile = (state: CaseState, type: CaseCommandType) => CaseFacts;
/** The test kit's full facts at one fixed time (its own clock ticks an hour a call: too fast for a table). */
function factsAt(type: CaseCommandType, overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    at: AT,
    unitTree: sampleTree,
    statutoryHandlingLastDay: '2026-05-30',
    windowEndsAt: type === 'close' ? LONG_AGO : FAR_FUTURE,
    today: '2026-04-20',
    maxExtensionDays: 30,
    ...overrides,
  };
}
const AT = '2026-04-15T02:00:00.000Z';

const PROFILES: Readonly<Record<string, FactsProfile>> = {
  'legacy, windows open': (_state, type) => factsAt(type),
  'legacy, windows lapsed': (_state, type) => factsAt(type, { windowEndsAt: LONG_AGO }),
  'lawful, clock running': (state, type) => lawful(state, type, FAR_FUTURE),
  'lawful, clock ran out': (state, type) => lawful(state, type, LONG_AGO),
};

function lawful(state: CaseState, type: CaseCommandType, endsAt: string): CaseFacts {
  const name = CLOCK_OF_PHASE[clockPhaseOf(state.status)];
  return factsAt(type, {
    pauseReasons: NATIONAL_PAUSE_REASONS,
    ...(name ? { runningClock: { name, endsAt } } : {}),
    ...(endsAt === LONG_AGO && type !== 'close' ? { windowEndsAt: LONG_AGO } : {}),
  });
}

/**
 * A well-formed body for the action, as a careful clerk would fill it in for this case and this person:
 * the best choice wherever the body picks something on the case (a unit below, the document awaiting
 * delivery, the pending recusal request), so that a refusal can only come from the case, not the input.
 */
function wellFormed(type: CaseCommandType, state: CaseState, actor: CaseActor, facts: CaseFacts): CaseAction {
  const context = { state, actor, facts, at: facts.at };
  const holding = state.holdingUnitCode;
  const units = sampleTree.units.map((unit) => unit.code).filter((code) => code !== holding);
  const clean = units.filter((code) => !state.accused.unitCodes.includes(code));
  const below = clean.filter((code) => isInSubtree(sampleTree, holding, code));
  const responsible = state.responsibleUnitCode ?? holding;
  const handler = [cast.handlerT1, cast.handlerT2, cast.handlerV1].find((h) => h.unitCode === responsible);
  const performer = isSystemActor(actor) ? cast.handlerT1 : actor;
  const bodies: { readonly [T in CaseCommandType]: () => CaseActionOf<T> } = {
    accept: () => ({ type: 'accept' }),
    transfer: () => ({ type: 'transfer', toUnitCode: clean[0] ?? units[0], reason: '属于其职责' }),
    assignDown: () => ({
      type: 'assignDown',
      toUnitCode: below[0] ?? clean[0] ?? units[0],
      reason: '属地管理',
      feedbackDueDate: '2026-04-30',
    }),
    notAccept: () => ({ type: 'notAccept', reason: 'notPetitionMatter', explanation: '不属于信访事项' }),
    objectMisroute: () => ({ type: 'objectMisroute', reason: '不属本单位职责' }),
    decideObjection: () => ({ type: 'decideObjection', decision: 'uphold', reason: '异议成立' }),
    reportCompletion: () => ({ type: 'reportCompletion', summary: '已办结', evidenceRefs: ['e-1'] }),
    defineSix: () => ({
      type: 'defineSix',
      defines: sixDefines({ responsibleUnitCode: responsible, handler: handler ?? cast.handlerT1 }),
    }),
    reassign: () => ({
      type: 'reassign',
      changes: {
        resolutionPlan: '调整后的化解方案',
        ...(state.sixDefines && state.recusals?.length
          ? { handler: cast.handlerV1, responsibleUnitCode: 'V1' }
          : {}),
      },
      reason: '调整方案',
    }),
    recordDuty: () => ({ ...investigate, performedBy: [performer] }),
    requestExtension: () => ({ type: 'requestExtension', days: 10, reason: '情况复杂' }),
    // Granted while the handling period runs; once it ran out, only a refusal is left to give.
    approveExtension: () => ({
      type: 'approveExtension',
      granted: !(facts.runningClock?.name === 'handling' && facts.runningClock.endsAt <= facts.at),
    }),
    pauseClock: () => ({
      type: 'pauseClock',
      reason: '听证',
      ...(facts.pauseReasons ? { reasonCode: 'reReviewHearing' } : {}),
    }),
    resumeClock: () => ({ type: 'resumeClock' }),
    reply: () => ({ type: 'reply', outcome: 'support', reasons: '依法支持' }),
    recordDelivery: () => ({ ...deliver('reply'), document: deliverableDocument(context) }),
    recordSatisfaction: () => ({ type: 'recordSatisfaction', satisfaction: 'satisfied' }),
    requestReview: () => ({ type: 'requestReview', reason: '不服' }),
    decideReview: () => ({ type: 'decideReview', outcome: 'notSupport', reasons: '维持' }),
    requestReReview: () => ({ type: 'requestReReview', reason: '不服' }),
    decideReReview: () => ({ type: 'decideReReview', outcome: 'notSupport', reasons: '维持' }),
    withdraw: () => ({ type: 'withdraw', reason: '信访人撤回' }),
    close: () => ({ type: 'close' }),
    instruct: () => ({ type: 'instruct', text: '尽快化解' }),
    superviseOrder: () => ({ type: 'superviseOrder', text: '限期办结' }),
    remind: () => ({ type: 'remind', text: '请加快' }),
    declareInterest: () => ({ type: 'declareInterest', ground: 'relative' }),
    requestRecusal: () => ({
      type: 'requestRecusal',
      person: cast.supervisorT2,
      ground: 'relative',
    }),
    decideRecusal: () => ({
      type: 'decideRecusal',
      userId: decidableRecusalUserId(context) ?? 'nobody',
      decision: 'recuse',
      reason: '确有利害关系',
    }),
  };
  return bodies[type]();
}

const INPUT_CODES = new Set(
  Object.entries(CASE_ERROR_KINDS)
    .filter(([, kind]) => kind === 'invalid')
    .map(([code]) => code),
);

interface Cell {
  state: string;
  profile: string;
  actor: string;
  action: CaseCommandType;
  allowed: string;
  decided: string;
}

/** The whole table: states × facts × every actor of the test kit × every action. */
function table(): Cell[] {
  const cells: Cell[] = [];
  for (const [stateName, make] of Object.entries(STATES)) {
    const state = make();
    for (const [profileName, profile] of Object.entries(PROFILES)) {
      for (const actor of everyone) {
        const facts = Object.fromEntries(CASE_COMMAND_TYPES.map((type) => [type, profile(state, type)]));
        const availability = actionAvailability(state, actor, (type) => facts[type]);
        for (const action of CASE_COMMAND_TYPES) {
          const result = decide(state, wellFormed(action, state, actor, facts[action]), actor, facts[action]);
          const cell = availability[action];
          cells.push({
            state: stateName,
            profile: profileName,
            actor: isSystemActor(actor) ? 'system' : actor.userId,
            action,
            allowed: cell.allowed ? 'ok' : cell.code,
            decided: result.ok ? 'ok' : result.error.code,
          });
        }
      }
    }
  }
  return cells;
}

describe('actions allowed now (《信访工作条例》第二十二条至第三十六条 as the state machine enforces them)', () => {
  const cells = table();

  it('equal what decide() accepts, for every action, state, facts and actor of a generated table', () => {
    const mismatches = cells.filter((cell) => cell.allowed !== cell.decided);
    expect(mismatches).toEqual([]);
    // The table is real: thousands of cells, both answers well represented.
    expect(cells.length).toBeGreaterThan(10_000);
    expect(cells.filter((cell) => cell.allowed === 'ok').length).toBeGreaterThan(500);
  });

  it('refuse only for the case, the role or the unit — never for the input', () => {
    const inputRefusals = cells.filter((cell) => INPUT_CODES.has(cell.allowed as CaseErrorCode));
    expect(inputRefusals).toEqual([]);
  });

  it('第二十二条: 受理 is offered to the holding unit only, not to a case held elsewhere', () => {
    const state = caseIn('assigned'); // held by T1 after the district assigned it down
    expect(actionsAllowedNow(state, cast.clerkT1, factsAt('accept'))).toContain('accept');
    const elsewhere = actionAvailability(state, cast.clerkD, factsAt('accept'));
    expect(elsewhere.accept).toMatchObject({ allowed: false, code: 'NOT_HOLDING_UNIT' });
    expect(actionsAllowedNow(state, cast.clerkD, factsAt('accept'))).not.toContain('accept');
  });

  it('offers pause and resume never together (a running clock pauses, a paused one resumes)', () => {
    for (const [name, make] of Object.entries(STATES)) {
      const state = make();
      for (const actor of everyone) {
        const allowed = actionsAllowedNow(state, actor, (type) => factsAt(type));
        const both = allowed.includes('pauseClock') && allowed.includes('resumeClock');
        expect({ name, actor, both }).toEqual({ name, actor, both: false });
      }
    }
    const running = caseIn('inHandling');
    const paused = caseIn('inHandling', [[{ type: 'pauseClock', reason: '鉴定' }, cast.handlerT1]]);
    expect(actionsAllowedNow(running, cast.handlerT1, factsAt('accept'))).toContain('pauseClock');
    expect(actionsAllowedNow(paused, cast.handlerT1, factsAt('accept'))).toEqual(
      expect.arrayContaining(['resumeClock']),
    );
    expect(actionsAllowedNow(paused, cast.handlerT1, factsAt('accept'))).not.toContain('pauseClock');
  });

  it('第三十六条: under the lawful rules only the re-review decision clock pauses (hearing time)', () => {
    const facts = (state: CaseState) => (type: CaseCommandType) => lawful(state, type, FAR_FUTURE);
    const handling = caseIn('inHandling');
    expect(actionAvailability(handling, cast.handlerT1, facts(handling)).pauseClock).toMatchObject({
      allowed: false,
      code: 'PAUSE_REASON_NOT_LISTED',
    });
    const reReview = caseIn('underReReview');
    expect(actionsAllowedNow(reReview, cast.clerkD, facts(reReview))).toContain('pauseClock');
  });

  it('第三十四条: 申请延期 is open once, while the handling period runs; 答复 waits for 调查核实', () => {
    const extended: Step[] = [
      [{ type: 'requestExtension', days: 10, reason: '情况复杂' }, cast.handlerT1],
      [{ type: 'approveExtension', granted: true }, cast.leaderT1],
    ];
    const state = caseIn('inHandling', extended);
    expect(actionAvailability(state, cast.handlerT1, factsAt('accept')).requestExtension).toMatchObject({
      allowed: false,
      code: 'EXTENSION_ALREADY_USED',
    });
    const late = (type: CaseCommandType) => lawful(caseIn('inHandling'), type, LONG_AGO);
    expect(actionAvailability(caseIn('inHandling'), cast.handlerT1, late).requestExtension).toMatchObject({
      allowed: false,
      code: 'EXTENSION_AFTER_DEADLINE',
    });
    expect(actionAvailability(caseIn('inHandling'), cast.handlerT1, factsAt('accept')).reply).toMatchObject({
      allowed: false,
      code: 'INVESTIGATION_NOT_RECORDED',
    });
    const investigated = caseIn('inHandling', [[investigate, cast.handlerT1]]);
    expect(actionsAllowedNow(investigated, cast.handlerT1, factsAt('accept'))).toContain('reply');
  });

  it('names exactly the offer of a clerk of the holding town on a case just assigned to it (worked by hand)', () => {
    // assigned to T1 by D: T1's clerk triages (accept, send on, decline, object), runs the triage clock,
    // may withdraw on the petitioner's behalf and declare or record a recusal. Nothing else.
    expect(actionsAllowedNow(caseIn('assigned'), cast.clerkT1, (type) => factsAt(type))).toEqual([
      'accept',
      'transfer',
      'assignDown',
      'notAccept',
      'objectMisroute',
      'pauseClock',
      'withdraw',
      'declareInterest',
      'requestRecusal',
    ]);
    // the system acts only to close; a supervisor above supervises, never triages
    expect(actionsAllowedNow(caseIn('assigned'), SYSTEM_ACTOR, factsAt('accept'))).toEqual([]);
    expect(actionsAllowedNow(caseIn('assigned'), cast.supervisorD, factsAt('accept'))).toEqual([
      'superviseOrder',
      'remind',
      'declareInterest',
    ]);
  });
});
