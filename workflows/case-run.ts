import { patched, upsertSearchAttributes } from '@temporalio/workflow';
import {
  applyAction,
  type Calendar,
  type CaseAction,
  type Actor,
  type CaseActor,
  type CaseEvent,
  type CaseFacts,
  type CaseState,
  type ClockRules,
  CASE_STATUS,
  clockDeadline,
  DUE_AT,
  type DirectorySnapshot,
  type EventPayload,
  localDateAt,
  NATIONAL_PAUSE_REASONS,
  OVERDUE_LEVEL,
  overdueLevel,
  packageLeaderOf,
  type Policy,
  type RecordedEventType,
  requestWindowEndsAt,
  RESPONSIBLE_UNIT,
  runningClock,
  type RunningClock,
  type ToldDeadlines,
  type UnitTree,
} from '../libs/domain/src';
import { type CaseView } from './case-events';
import { type CarriedCaseState, type CaseSnapshot, type PetitionCaseInput } from './case-messages';
import { EventRecorder, workflowNow } from './event-recorder';
import { rethrowAsFailure } from './failures';

/**
 * One case as its workflow holds it: the state, the policy and calendar it runs under, the alarms fired,
 * the deadlines told, and its recorder. Every change bumps `revision`, so the main loop re-plans its alarm.
 */
export class CaseRun {
  policy: Policy;
  calendar: Calendar;
  directory: DirectorySnapshot;
  readonly unitTree: UnitTree;
  state: CaseState | null;
  readonly fired: Set<string>;
  readonly told: ToldDeadlines;
  readonly calendarVersions: Set<string>;
  readonly recorder: EventRecorder;
  /** Bumped on every change, so the main loop re-plans its next alarm. */
  revision = 0;
  readonly feedbackClockOn: boolean;
  readonly clockRules: ClockRules;
  private readonly legacyRules: Partial<Pick<CaseFacts, 'legacyReviewBody' | 'legacyOutcomes'>>;

  constructor(readonly input: PetitionCaseInput) {
    const carried = input.carried;
    this.policy = carried?.policy ?? input.policy;
    this.calendar = carried?.calendar ?? input.calendar;
    this.directory = carried?.directory ?? input.directory;
    this.unitTree = carried?.unitTree ?? input.unitTree;
    this.state = carried?.state ?? null;
    this.recorder = new EventRecorder(input.register.caseNumber, carried);
    this.fired = new Set<string>(carried?.fired ?? []);
    this.told = { ...(carried?.told ?? {}) };
    this.calendarVersions = new Set<string>(carried?.calendarVersions ?? []);
    // Histories from before the feedback clock never call it: they replay without its timers.
    this.feedbackClockOn = patched('feedback-deadline-alarms');
    // The law's counting and the delivery clock (schedule/running-clock.ts) for cases started with them; a
    // case started before keeps its counting through continue-as-new.
    this.clockRules = carried
      ? (carried.clockRules ?? 'legacy')
      : patched('lawful-clock-rules')
        ? 'lawful'
        : 'legacy';
    // Histories from before art. 35's review body and art. 32's outcomes keep the rules they ran under.
    this.legacyRules = {
      ...(patched('review-body-art35') ? {} : { legacyReviewBody: true }),
      ...(patched('art32-outcomes') ? {} : { legacyOutcomes: true }),
    };
  }

  /** The state once registered (every handler but the snapshot runs after registration). */
  get registered(): CaseState {
    return this.state as CaseState;
  }

  currentClock(): RunningClock | null {
    return this.state
      ? runningClock(this.state, this.policy, this.calendar, this.told, this.clockRules)
      : null;
  }

  /** Records one event in sequence, with the read model's view of the case as this event leaves it. */
  record<T extends RecordedEventType>(type: T, actor: Actor, payload: EventPayload<T>): Promise<number> {
    return this.recorder.record(type, actor, payload, this.currentView());
  }

  private async recordDomainEvents(events: readonly CaseEvent[]): Promise<number> {
    let last = this.recorder.chain.count;
    for (const event of events) {
      last = await this.record(event.type, event.by, {
        status: event.toStatus,
        fromStatus: event.fromStatus,
        ...event.details,
      });
    }
    return last;
  }

  private currentView(): CaseView | undefined {
    const state = this.state;
    if (!state) return undefined;
    const clock = this.currentClock();
    return {
      status: state.status,
      holdingUnitCode: state.holdingUnitCode,
      responsibleUnitCode: state.responsibleUnitCode,
      handlerUserId: state.sixDefines?.handler.userId ?? null,
      packageLeaderUserId: packageLeaderOf(state)?.userId ?? null,
      sixDefines: state.sixDefines ? { ...state.sixDefines } : null,
      clock: clock?.name ?? null,
      dueAt: clock?.deadline.endsAt ?? null,
      dueLastDay: clock?.deadline.lastDay ?? null,
      overdueLevel: overdueLevel(clock, this.fired),
      policyVersion: this.policy.version,
      accusedUnitCodes: [...state.accused.unitCodes],
      accusedUserIds: [...state.accused.userIds],
    };
  }

  // ── facts for validators, computed from workflow state ─────────────────────────────────────
  windowEndsAt(action: CaseAction): string | undefined {
    const state = this.state;
    if (!state) return undefined;
    if (action.type === 'objectMisroute') {
      const step = state.routing[state.routing.length - 1];
      return step
        ? clockDeadline(this.policy, 'misrouteObjection', this.calendar, step.at).endsAt
        : undefined;
    }
    if ((action.type === 'requestReview' || action.type === 'requestReReview') && state.status === 'closed')
      return requestWindowEndsAt(state, action.type, this.policy, this.calendar);
    const clock = this.currentClock();
    return clock?.kind === 'right' ? clock.deadline.endsAt : undefined;
  }

  factsFor(action: CaseAction): CaseFacts {
    const clock = this.currentClock();
    const { policy, calendar } = this;
    return {
      at: workflowNow(),
      unitTree: this.unitTree,
      statutoryHandlingLastDay: clock?.name === 'handling' ? clock.deadline.lastDay : undefined,
      windowEndsAt: this.windowEndsAt(action),
      today: localDateAt(Date.now(), calendar.timeZone),
      maxExtensionDays: policy.extension.maxDays,
      maxCollectiveRepresentatives: policy.maxCollectiveRepresentatives,
      ...(this.clockRules === 'lawful'
        ? {
            runningClock: clock ? { name: clock.name, endsAt: clock.deadline.endsAt } : undefined,
            pauseReasons: policy.pauseReasons ?? NATIONAL_PAUSE_REASONS,
          }
        : {}),
      timeZone: calendar.timeZone,
      ...this.legacyRules,
    };
  }

  /** Applies an action, records its events in order, and answers the sequence of the last one. */
  async perform(action: CaseAction, actor: CaseActor): Promise<number> {
    const decision = rethrowAsFailure(() => applyAction(this.state, action, actor, this.factsFor(action)));
    this.state = decision.state;
    this.revision++;
    const lastSeq = await this.recordDomainEvents(decision.events);
    this.afterChange(action);
    return lastSeq;
  }

  /** What follows a change: deadlines told to the petitioner, search attributes. */
  private afterChange(action: CaseAction): void {
    const clock = this.currentClock();
    if (clock?.name === 'handling' && (action.type === 'accept' || action.type === 'approveExtension')) {
      this.told.handling = clock.deadline;
    }
    this.publishSearchAttributes();
  }

  publishSearchAttributes(): void {
    const state = this.state;
    if (!state) return;
    const clock = this.currentClock();
    upsertSearchAttributes([
      { key: CASE_STATUS, value: state.status },
      { key: RESPONSIBLE_UNIT, value: state.responsibleUnitCode ?? state.holdingUnitCode },
      { key: DUE_AT, value: clock ? new Date(clock.deadline.endsAt) : null },
      { key: OVERDUE_LEVEL, value: overdueLevel(clock, this.fired) },
    ]);
  }

  /** The `caseSnapshot` query's answer: nothing is recorded, so histories replay as before. */
  snapshot(): CaseSnapshot {
    const clock = this.currentClock();
    return {
      state: this.state,
      recentEvents: [...this.recorder.recentEvents],
      clock,
      overdueLevel: overdueLevel(clock, this.fired),
      chain: { ...this.recorder.chain },
      policyVersion: this.policy.version,
      calendarVersion: this.calendar.version ?? null,
      // What the act validator is given now, so callers can say which actions are open.
      facts: this.state
        ? {
            ...this.factsFor({ type: 'accept' }),
            misrouteObjectionEndsAt: this.windowEndsAt({ type: 'objectMisroute', reason: '' }),
          }
        : null,
    };
  }

  /** What continue-as-new carries into the next run. */
  carried(repeatVisitIds: string[]): CarriedCaseState {
    return {
      state: this.registered,
      chain: this.recorder.chain,
      fired: [...this.fired],
      told: this.told,
      calendarVersions: [...this.calendarVersions],
      recentEvents: this.recorder.recentEvents,
      repeatVisitIds,
      clockRules: this.clockRules,
      policy: this.policy,
      calendar: this.calendar,
      unitTree: this.unitTree,
      directory: this.directory,
    };
  }
}
