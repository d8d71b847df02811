import { type Calendar, type Deadline, deadlineEndingOn, type Pause, startOfLocalDay } from '../clock';
import { type CaseState, type Opinion } from '../case/case-state';
import { clockPhaseOf } from '../case/status';
import { type ClockAdjustments, clockDeadline } from '../policy/clock-schedule';
import { type Policy } from '../policy/policy';
import { type ClockKind, type ClockName, STATUTORY_CLOCKS } from '../policy/statute';

export interface RunningClock {
  name: ClockName;
  /** An office's duty escalates when it runs out; the petitioner's right (a request window) simply lapses. */
  kind: ClockKind;
  /** Identifies this run of the clock (its start, and a granted extension): alarms are keyed by it. */
  instanceKey: string;
  startedAt: string;
  deadline: Deadline;
  /** While paused, no alarm fires; the deadline moves out when the clock resumes. */
  paused: boolean;
}

/**
 * Which rules a case's clocks follow. 'lawful': periods counted as the law reads them (hearing days and
 * the extension added before the one roll off a rest day, clock/deadline.ts) and a delivery clock for
 * every issued opinion. 'legacy': as cases started before those rules keep counting, so their histories
 * replay unchanged.
 */
export type ClockRules = 'lawful' | 'legacy';

/** Deadlines already told to the petitioner (in a notice): a recomputation never moves them earlier. */
export type ToldDeadlines = Partial<Record<ClockName, Deadline>>;

interface ClockStart {
  name: ClockName;
  startedAt: string;
}

/** The petitioner's window runs from the opinion's delivery; until then, under lawful rules, its delivery clock. */
function windowOrDelivery(
  name: 'reviewRequest' | 'reReviewRequest',
  opinion: Opinion | null | undefined,
  calendar: Calendar,
  rules: ClockRules,
): ClockStart | null {
  const delivered = opinion?.delivery?.deliveredOn;
  if (delivered) return { name, startedAt: dayStart(delivered, calendar) };
  return opinion && rules === 'lawful' ? { name: 'delivery', startedAt: opinion.issuedAt } : null;
}

/** Which clock runs in the case's state, and from when. */
function clockStart(state: CaseState, calendar: Calendar, rules: ClockRules): ClockStart | null {
  const phase = clockPhaseOf(state.status);
  switch (phase) {
    case 'triage': {
      const step = state.routing[state.routing.length - 1];
      const received = step && step.kind !== 'objection' && step.toUnitCode === state.holdingUnitCode;
      return received
        ? { name: 'transferNotice', startedAt: step.at }
        : { name: 'triage', startedAt: state.receivedAt };
    }
    case 'handling':
      return state.acceptedAt ? { name: 'handling', startedAt: state.acceptedAt } : null;
    case 'reviewRequest':
      return windowOrDelivery('reviewRequest', state.reply, calendar, rules);
    case 'reviewDecision':
      // From when the request was received (back-dated or not), not when it was recorded.
      return state.review
        ? { name: 'reviewDecision', startedAt: state.review.receivedAt ?? state.review.requestedAt }
        : null;
    case 'reReviewRequest':
      return windowOrDelivery('reReviewRequest', state.review?.opinion, calendar, rules);
    case 'reReviewDecision':
      return state.reReview
        ? { name: 'reReviewDecision', startedAt: state.reReview.receivedAt ?? state.reReview.requestedAt }
        : null;
    case 'none':
      return null;
  }
}

function dayStart(date: string, calendar: Calendar): string {
  return new Date(startOfLocalDay(date, calendar.timeZone)).toISOString();
}

/** Completed pauses of this run of the clock, as the deadline math takes them, by how they count. */
function pausesOf(state: CaseState, start: ClockStart): Pick<ClockAdjustments, 'pauses' | 'elapsedPauses'> {
  const phase = clockPhaseOf(state.status);
  const pauses: Pause[] = [];
  const elapsedPauses: Pause[] = [];
  for (const pause of state.pauses) {
    if (pause.phase !== phase || Date.parse(pause.pausedAt) < Date.parse(start.startedAt)) continue;
    (pause.counting === 'elapsed' ? elapsedPauses : pauses).push({
      from: pause.pausedAt,
      to: pause.resumedAt,
    });
  }
  return { pauses, elapsedPauses };
}

function laterOf(a: Deadline, b: Deadline | undefined): Deadline {
  return b && Date.parse(b.endsAt) > Date.parse(a.endsAt) ? b : a;
}

/**
 * The clock running in the case's current state with its deadline under the policy and calendar:
 * pauses extend it, a granted extension extends the handling clock, and a deadline told to the
 * petitioner is never moved earlier. Null when no clock runs (final states, or a reply not yet delivered).
 */
export function runningClock(
  state: CaseState,
  policy: Policy,
  calendar: Calendar,
  told: ToldDeadlines = {},
  rules: ClockRules = 'lawful',
): RunningClock | null {
  const start = clockStart(state, calendar, rules);
  if (!start) return null;
  const extension = start.name === 'handling' ? state.extension.granted : null;
  const computed = clockDeadline(policy, start.name, calendar, start.startedAt, {
    counting: rules === 'lawful' ? 'rollOnce' : 'rollEachStep',
    ...pausesOf(state, start),
    extensionDays: extension?.granted ? extension.days : undefined,
  });
  const toldDeadline = told[start.name];
  const deadline = laterOf(computed, toldDeadline && deadlineEndingOn(calendar, toldDeadline.lastDay));
  return {
    ...start,
    kind: STATUTORY_CLOCKS[start.name].kind,
    instanceKey: `${start.name}@${start.startedAt}${extension?.granted ? '+extended' : ''}`,
    deadline,
    paused: state.pause !== null && state.pause.phase === clockPhaseOf(state.status),
  };
}
