import { type Calendar, type Deadline, deadlineEndingOn, type Pause, startOfLocalDay } from '../clock';
import { type CaseState } from '../case/case-state';
import { clockPhaseOf } from '../case/status';
import { clockDeadline, extendedHandlingDeadline } from '../policy/clock-schedule';
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

/** Deadlines already told to the petitioner (in a notice): a recomputation never moves them earlier. */
export type ToldDeadlines = Partial<Record<ClockName, Deadline>>;

interface ClockStart {
  name: ClockName;
  startedAt: string;
}

/** Which clock runs in the case's state, and from when. */
function clockStart(state: CaseState, calendar: Calendar): ClockStart | null {
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
    case 'reviewRequest': {
      const delivered = state.reply?.delivery?.deliveredOn;
      return delivered ? { name: 'reviewRequest', startedAt: dayStart(delivered, calendar) } : null;
    }
    case 'reviewDecision':
      // From when the request was received (back-dated or not), not when it was recorded.
      return state.review
        ? { name: 'reviewDecision', startedAt: state.review.receivedAt ?? state.review.requestedAt }
        : null;
    case 'reReviewRequest': {
      const delivered = state.review?.opinion?.delivery?.deliveredOn;
      return delivered ? { name: 'reReviewRequest', startedAt: dayStart(delivered, calendar) } : null;
    }
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

/** Completed pauses of this run of the clock, as the deadline math takes them. */
function pausesOf(state: CaseState, start: ClockStart): Pause[] {
  const phase = clockPhaseOf(state.status);
  return state.pauses
    .filter((pause) => pause.phase === phase && Date.parse(pause.pausedAt) >= Date.parse(start.startedAt))
    .map((pause) => ({ from: pause.pausedAt, to: pause.resumedAt }));
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
): RunningClock | null {
  const start = clockStart(state, calendar);
  if (!start) return null;
  let deadline = clockDeadline(policy, start.name, calendar, start.startedAt, pausesOf(state, start));
  const extension = start.name === 'handling' ? state.extension.granted : null;
  if (extension?.granted) deadline = extendedHandlingDeadline(policy, calendar, deadline, extension.days);
  const toldDeadline = told[start.name];
  deadline = laterOf(deadline, toldDeadline && deadlineEndingOn(calendar, toldDeadline.lastDay));
  return {
    ...start,
    kind: STATUTORY_CLOCKS[start.name].kind,
    instanceKey: `${start.name}@${start.startedAt}${extension?.granted ? '+extended' : ''}`,
    deadline,
    paused: state.pause !== null && state.pause.phase === clockPhaseOf(state.status),
  };
}
