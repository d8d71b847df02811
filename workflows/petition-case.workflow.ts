import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type Alarm,
  applyAction,
  type Calendar,
  type CaseAction,
  type CaseActor,
  caseAssigneesOf,
  type CaseEvent,
  type CaseFacts,
  type CaseState,
  type ClockRules,
  applyPetitionerRating,
  checkPetitionerRating,
  clockAlarms,
  clockDeadline,
  DomainError,
  type FeedbackAlarm,
  feedbackAlarms,
  isDomainError,
  isFinalStatus,
  isRecordedRating,
  isSystemActor,
  localDateAt,
  NATIONAL_PAUSE_REASONS,
  overdueLevel,
  packageLeaderOf,
  parseCalendar,
  parsePolicy,
  repeatEscalationRecipient,
  requestWindowEndsAt,
  resolveEscalationRecipients,
  runningClock,
  SYSTEM_ACTOR as SYSTEM_CASE_ACTOR,
  validateAction,
} from '../libs/domain/src';
import { CASE_STATUS, DUE_AT, OVERDUE_LEVEL, RESPONSIBLE_UNIT } from '../libs/temporal/src/search-attributes';
import { type CaseActivities } from './activity-types';
import {
  type Actor,
  type CaseEventInput,
  type CaseView,
  type ChainHead,
  GENESIS_HASH,
  PETITIONER_ACTOR,
  SYSTEM_ACTOR,
} from './case-events';
import {
  type ActRequest,
  actUpdate,
  calendarUpdatedSignal,
  type CarriedCaseState,
  caseSnapshotQuery,
  directoryUpdatedSignal,
  migratePolicyUpdate,
  type PetitionCaseInput,
  type PetitionerRatingRequest,
  type PetitionerRatingResult,
  petitionerRatingUpdate,
  recordRepeatVisitUpdate,
  registrationRecordedUpdate,
  type RepeatVisitRequest,
  type RepeatVisitResult,
  TIMELINE_SUMMARY_LENGTH,
  type TimelineSummaryEntry,
} from './case-messages';

export { type PetitionCaseInput } from './case-messages';

const { recordCaseEvent, deliverNotifications } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    maximumInterval: '10 seconds',
    nonRetryableErrorTypes: ['SequenceGapError'],
  },
});

/** A closed or concluded case stays open this long for what follows closure (follow-up visit, satisfaction). */
const AFTER_CLOSURE_MS = 90 * 24 * 60 * 60 * 1000;
/** Continue-as-new well before Temporal's history limits. */
const DEFAULT_MAX_HISTORY_EVENTS = 8_000;

function toActor(actor: CaseActor): Actor {
  return isSystemActor(actor)
    ? SYSTEM_ACTOR
    : { id: actor.userId, role: actor.role, unitCode: actor.unitCode };
}

/** A DomainError as an Update failure the client can read: type = the stable code. */
function toFailure(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: true,
    details: [{ code: error.code, kind: error.kind, field: error.field ?? null }],
  });
}

function rethrowAsFailure<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw toFailure(error);
  }
}

/**
 * One petition case from registration to its end. Staff act through the `act` Update; clocks are
 * durable timers (one at a time: the next alarm of the running clock); every change is recorded
 * through an activity, one event at a time, numbered by the workflow.
 */
export async function petitionCase(input: PetitionCaseInput): Promise<void> {
  const carried: CarriedCaseState | undefined = input.carried;
  let policy = carried?.policy ?? input.policy;
  let calendar = carried?.calendar ?? input.calendar;
  let directory = carried?.directory ?? input.directory;
  const unitTree = carried?.unitTree ?? input.unitTree;
  let state: CaseState | null = carried?.state ?? null;
  const chain: ChainHead = carried?.chain ?? { count: 0, lastHash: GENESIS_HASH };
  const fired = new Set<string>(carried?.fired ?? []);
  const told = { ...(carried?.told ?? {}) };
  const calendarVersions = new Set<string>(carried?.calendarVersions ?? []);
  const recentEvents: TimelineSummaryEntry[] = [...(carried?.recentEvents ?? [])];
  const repeatVisitIds: string[] = [...(carried?.repeatVisitIds ?? [])];
  let repeatVisitsRecorded = repeatVisitIds.length;
  /** Bumped on every change, so the main loop re-plans its next alarm. */
  let revision = 0;
  let scheduleSignature = '';
  // Histories from before the feedback clock never call it: they replay without its timers.
  const feedbackClockOn = patched('feedback-deadline-alarms');
  // The law's counting and the delivery clock (schedule/running-clock.ts) for cases started with them; a
  // case started before keeps its counting through continue-as-new.
  const clockRules: ClockRules = carried
    ? (carried.clockRules ?? 'legacy')
    : patched('lawful-clock-rules')
      ? 'lawful'
      : 'legacy';
  // Histories from before art. 35's review body and art. 32's outcomes keep the rules they ran under.
  const legacyRules = {
    ...(patched('review-body-art35') ? {} : { legacyReviewBody: true }),
    ...(patched('art32-outcomes') ? {} : { legacyOutcomes: true }),
  };

  const now = () => new Date(Date.now()).toISOString();
  const currentClock = () => (state ? runningClock(state, policy, calendar, told, clockRules) : null);

  // ── recording: one event at a time, in sequence ────────────────────────────────────────────
  let recordingTail: Promise<unknown> = Promise.resolve();
  let recordsInFlight = 0;
  function record(type: string, actor: Actor, payload: Record<string, unknown>): Promise<number> {
    // The read model's view of the case as this event leaves it, not as later events will.
    const view = currentView();
    recordsInFlight++;
    const run = recordingTail.then(async () => {
      const event: CaseEventInput = {
        caseNumber: input.register.caseNumber,
        seq: chain.count + 1,
        type,
        actor,
        occurredAt: now(),
        payload,
        view,
      };
      const recorded = await recordCaseEvent(event);
      chain.count = recorded.seq;
      chain.lastHash = recorded.hash;
      const status = typeof payload.status === 'string' ? payload.status : null;
      recentEvents.push({ seq: recorded.seq, type, occurredAt: event.occurredAt, actorId: actor.id, status });
      if (recentEvents.length > TIMELINE_SUMMARY_LENGTH) recentEvents.shift();
      return recorded.seq;
    });
    const settled = run.catch(() => undefined).finally(() => recordsInFlight--);
    recordingTail = settled;
    return run;
  }

  async function recordDomainEvents(events: readonly CaseEvent[]): Promise<number> {
    let last = chain.count;
    for (const event of events) {
      last = await record(event.type, toActor(event.by), {
        status: event.toStatus,
        fromStatus: event.fromStatus,
        ...event.details,
      });
    }
    return last;
  }

  function currentView(): CaseView | undefined {
    if (!state) return undefined;
    const clock = currentClock();
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
      overdueLevel: overdueLevel(clock, fired),
      policyVersion: policy.version,
      accusedUnitCodes: [...state.accused.unitCodes],
      accusedUserIds: [...state.accused.userIds],
    };
  }

  // ── facts for validators, computed from workflow state ─────────────────────────────────────
  function windowEndsAt(action: CaseAction): string | undefined {
    if (!state) return undefined;
    if (action.type === 'objectMisroute') {
      const step = state.routing[state.routing.length - 1];
      return step ? clockDeadline(policy, 'misrouteObjection', calendar, step.at).endsAt : undefined;
    }
    if ((action.type === 'requestReview' || action.type === 'requestReReview') && state.status === 'closed')
      return requestWindowEndsAt(state, action.type, policy, calendar);
    const clock = currentClock();
    return clock?.kind === 'right' ? clock.deadline.endsAt : undefined;
  }

  function factsFor(action: CaseAction): CaseFacts {
    const clock = currentClock();
    return {
      at: now(),
      unitTree,
      statutoryHandlingLastDay: clock?.name === 'handling' ? clock.deadline.lastDay : undefined,
      windowEndsAt: windowEndsAt(action),
      today: localDateAt(Date.now(), calendar.timeZone),
      maxExtensionDays: policy.extension.maxDays,
      maxCollectiveRepresentatives: policy.maxCollectiveRepresentatives,
      ...(clockRules === 'lawful'
        ? {
            runningClock: clock ? { name: clock.name, endsAt: clock.deadline.endsAt } : undefined,
            pauseReasons: policy.pauseReasons ?? NATIONAL_PAUSE_REASONS,
          }
        : {}),
      timeZone: calendar.timeZone,
      ...legacyRules,
    };
  }

  /** Applies an action, records its events in order, and answers the sequence of the last one. */
  async function perform(action: CaseAction, actor: CaseActor): Promise<number> {
    const decision = rethrowAsFailure(() => applyAction(state, action, actor, factsFor(action)));
    state = decision.state;
    revision++;
    const lastSeq = await recordDomainEvents(decision.events);
    afterChange(action);
    return lastSeq;
  }

  /** What follows a change: deadlines told to the petitioner, search attributes. */
  function afterChange(action: CaseAction): void {
    const clock = currentClock();
    if (clock?.name === 'handling' && (action.type === 'accept' || action.type === 'approveExtension')) {
      told.handling = clock.deadline;
    }
    publishSearchAttributes();
  }

  function publishSearchAttributes(): void {
    if (!state) return;
    const clock = currentClock();
    upsertSearchAttributes([
      { key: CASE_STATUS, value: state.status },
      { key: RESPONSIBLE_UNIT, value: state.responsibleUnitCode ?? state.holdingUnitCode },
      { key: DUE_AT, value: clock ? new Date(clock.deadline.endsAt) : null },
      { key: OVERDUE_LEVEL, value: overdueLevel(clock, fired) },
    ]);
  }

  // ── alarms: warnings, escalation levels, lapsed request windows ────────────────────────────
  function pendingAlarms(): Alarm[] {
    const clock = currentClock();
    if (!clock || !state || isFinalStatus(state.status)) return [];
    const alarms = clockAlarms(clock, policy);
    const signature = `${clock.instanceKey}|${clock.deadline.endsAt}|${clock.paused}`;
    if (signature !== scheduleSignature) {
      // A new or moved schedule: warnings already in the past are stale, not news.
      scheduleSignature = signature;
      const at = Date.now();
      for (const alarm of alarms)
        if (alarm.kind === 'warning' && Date.parse(alarm.at) < at) fired.add(alarm.key);
    }
    return alarms.filter((alarm) => !fired.has(alarm.key));
  }

  async function fire(alarm: Alarm): Promise<void> {
    fired.add(alarm.key);
    revision++;
    if (alarm.kind === 'lapse') {
      try {
        await perform(
          { type: 'close', note: '申请期限届满未申请 / request window lapsed' },
          SYSTEM_CASE_ACTOR,
        );
      } catch (error) {
        // A closure the rules refuse is logged and skipped; it must never fail the case's workflow.
        if (!(error instanceof ApplicationFailure)) throw error;
        log.warn('lapsed window: automatic closure refused', { code: error.type });
      }
      return;
    }
    const current = state as CaseState;
    if (alarm.kind === 'warning') {
      const recipients = recipientsFor('handler', current);
      const seq = await record('deadlineWarning', SYSTEM_ACTOR, {
        status: current.status,
        clock: alarm.clock,
        dueAt: alarm.dueAt,
        recipients,
      });
      await notify(
        seq,
        'warning',
        0,
        `临期提醒 / deadline approaching: ${alarm.clock} due ${alarm.dueAt}`,
        recipients,
      );
    } else {
      const recipients = recipientsFor(alarm.recipient, current);
      const seq = await record('deadlineEscalated', SYSTEM_ACTOR, {
        status: current.status,
        clock: alarm.clock,
        dueAt: alarm.dueAt,
        level: alarm.level,
        recipientRole: alarm.recipient,
        recipients,
      });
      await notify(
        seq,
        'escalation',
        alarm.level,
        `超期升级 / overdue, level ${alarm.level}: ${alarm.clock} was due ${alarm.dueAt}`,
        recipients,
      );
    }
    publishSearchAttributes();
  }

  /** The assignment's feedback clock (交办反馈期限): its alarms not yet fired. */
  function pendingFeedbackAlarms(): FeedbackAlarm[] {
    if (!feedbackClockOn || !state || isFinalStatus(state.status)) return [];
    return feedbackAlarms(state, calendar).filter((alarm) => !fired.has(alarm.key));
  }

  async function fireFeedback(alarm: FeedbackAlarm): Promise<void> {
    fired.add(alarm.key);
    revision++;
    const current = state as CaseState;
    const warning = alarm.kind === 'feedbackWarning';
    const recipients = recipientsFor(warning ? 'handler' : 'unitLeader', current);
    const seq = await record(warning ? 'feedbackDueWarning' : 'feedbackOverdue', SYSTEM_ACTOR, {
      status: current.status,
      dueDate: alarm.dueDate,
      dueAt: alarm.dueAt,
      fromUnitCode: alarm.fromUnitCode,
      toUnitCode: alarm.toUnitCode,
      recipients,
    });
    const title = warning
      ? `交办反馈临期 / feedback to ${alarm.fromUnitCode} due ${alarm.dueDate}`
      : `交办反馈逾期 / feedback to ${alarm.fromUnitCode} was due ${alarm.dueDate}`;
    await notify(seq, 'warning', 0, title, recipients);
  }

  function recipientsFor(role: Parameters<typeof resolveEscalationRecipients>[0], current: CaseState) {
    return resolveEscalationRecipients(role, caseAssigneesOf(current), directory, unitTree).map(
      (resolved) => ({
        userId: resolved.person.userId,
        name: resolved.person.name,
        role: resolved.person.role,
        unitCode: resolved.person.unitCode,
        via: resolved.via,
      }),
    );
  }

  async function notify(
    eventSeq: number,
    kind: 'warning' | 'escalation' | 'repeatVisit',
    level: number,
    title: string,
    recipients: { userId: string; name: string; role: string; unitCode: string }[],
  ): Promise<void> {
    if (recipients.length === 0) return;
    await deliverNotifications({
      caseNumber: input.register.caseNumber,
      eventSeq,
      kind,
      level,
      title,
      recipients: recipients.map(({ userId, name, role, unitCode }) => ({ userId, name, role, unitCode })),
    });
  }

  // ── repeat visits: the same petitioner again on this open case's matter ─────────────────────
  async function recordRepeatVisit(request: RepeatVisitRequest): Promise<RepeatVisitResult> {
    const known = repeatVisitIds.indexOf(request.visitId);
    if (known >= 0) {
      // The same visit again (a retried request): answer once the first one is recorded.
      await condition(() => repeatVisitsRecorded > known);
      return { status: (state as CaseState).status, repeatVisits: known + 1, lastSeq: chain.count };
    }
    repeatVisitIds.push(request.visitId);
    const visitNumber = repeatVisitIds.length;
    const current = state as CaseState;
    revision++;
    let lastSeq = await record('repeatVisitRecorded', toActor(request.actor), {
      status: current.status,
      visitId: request.visitId,
      visitNumber,
      channel: request.channel,
      receivedAt: request.receivedAt,
      similarity: request.similarity,
      registeringUnitCode: request.actor.unitCode,
      // A skip-level petition (art. 19) names the higher level's case; a same-level visit is as before.
      ...(request.skipLevelCaseNumber
        ? { skipLevel: true, skipLevelCaseNumber: request.skipLevelCaseNumber }
        : {}),
    });
    const recipientRole = repeatEscalationRecipient(policy, visitNumber);
    if (recipientRole) {
      const recipients = recipientsFor(recipientRole, current);
      lastSeq = await record('repeatVisitEscalated', SYSTEM_ACTOR, {
        status: current.status,
        visitNumber,
        recipientRole,
        recipients,
      });
      await notify(
        lastSeq,
        'repeatVisit',
        visitNumber,
        `重复信访 / repeat visit no. ${visitNumber} on this open case`,
        recipients,
      );
    }
    repeatVisitsRecorded = Math.max(repeatVisitsRecorded, visitNumber);
    return { status: current.status, repeatVisits: visitNumber, lastSeq };
  }

  function validateRepeatVisit(request: RepeatVisitRequest): void {
    if (!state || isFinalStatus(state.status)) {
      throw toFailure(
        new DomainError('CASE_STATE_CONFLICT', '案件已结束 / the case has ended', { kind: 'conflict' }),
      );
    }
    if (request.actor?.role !== 'clerk') {
      throw toFailure(
        new DomainError('ROLE_NOT_ALLOWED', '仅登记员登记来访 / only a clerk registers a visit', {
          kind: 'forbidden',
        }),
      );
    }
    if (typeof request.visitId !== 'string' || request.visitId.trim() === '') {
      throw toFailure(
        new DomainError('FIELD_REQUIRED', '缺少来访编号 / visitId is required', { field: 'visitId' }),
      );
    }
  }

  // ── the petitioner's own rating (art. 21), relayed from the public progress query ────────────
  let ratingEventSeq: number | null = null;
  let ratingInFlight = false;
  async function recordPetitionerRating(request: PetitionerRatingRequest): Promise<PetitionerRatingResult> {
    const current = state as CaseState;
    if (isRecordedRating(current, request.ratingId)) {
      // The same rating delivered again (a retried relay): answer once the first one is recorded.
      // (After a continue-as-new the sequence is no longer known here: null; the timeline has it.)
      await condition(() => !ratingInFlight);
      return { status: current.status, eventSeq: ratingEventSeq };
    }
    state = applyPetitionerRating(current, { ...request, channel: 'publicQuery' }, now());
    revision++;
    ratingInFlight = true;
    let eventSeq: number;
    try {
      eventSeq = await record('satisfactionRecorded', PETITIONER_ACTOR, {
        status: current.status,
        fromStatus: current.status,
        satisfaction: request.satisfaction,
        by: 'petitioner',
        channel: 'publicQuery',
        comment: request.comment,
        replySeq: request.replySeq,
        ratingId: request.ratingId,
        submittedAt: request.submittedAt,
      });
    } finally {
      ratingInFlight = false;
    }
    ratingEventSeq = eventSeq;
    publishSearchAttributes();
    return { status: current.status, eventSeq };
  }

  // ── deadline recomputation: calendar updates and policy migrations ─────────────────────────
  async function recordDeadlineChange(
    cause: Record<string, unknown>,
    before: string | undefined,
  ): Promise<void> {
    const after = currentClock();
    if (!state || !after || after.deadline.endsAt === before) return;
    revision++;
    await record('deadlineRecomputed', SYSTEM_ACTOR, {
      status: state.status,
      clock: after.name,
      previousEndsAt: before ?? null,
      endsAt: after.deadline.endsAt,
      lastDay: after.deadline.lastDay,
      ...cause,
    });
    publishSearchAttributes();
  }

  // ── handlers ───────────────────────────────────────────────────────────────────────────────
  setHandler(caseSnapshotQuery, () => {
    const clock = currentClock();
    return {
      state,
      recentEvents: [...recentEvents],
      clock,
      overdueLevel: overdueLevel(clock, fired),
      chain: { ...chain },
      policyVersion: policy.version,
      calendarVersion: calendar.version ?? null,
      // What the act validator is given now, so callers can say which actions are open (a query: nothing
      // is recorded and histories replay as before).
      facts: state
        ? {
            ...factsFor({ type: 'accept' }),
            misrouteObjectionEndsAt: windowEndsAt({ type: 'objectMisroute', reason: '' }),
          }
        : null,
    };
  });

  setHandler(registrationRecordedUpdate, async () => {
    // Registration is one event, two when the receipt was back-dated; answer once all are stored.
    await condition(() => chain.count >= (input.backdatingReason ? 2 : 1));
    return { caseNumber: input.register.caseNumber, status: (state as CaseState).status };
  });

  setHandler(
    actUpdate,
    async (request: ActRequest) => ({
      lastSeq: await perform(request.action, request.actor),
      status: (state as CaseState).status,
    }),
    {
      validator: (request: ActRequest) => {
        if ((request.action as CaseAction).type === 'register') {
          throw toFailure(
            new DomainError('CASE_STATE_CONFLICT', '案件已登记 / the case is already registered', {
              kind: 'conflict',
            }),
          );
        }
        rethrowAsFailure(() =>
          validateAction(state, request.action, request.actor, factsFor(request.action)),
        );
      },
    },
  );

  setHandler(recordRepeatVisitUpdate, recordRepeatVisit, { validator: validateRepeatVisit });

  // A new Update: histories from before it never call it, so they replay unchanged (no patch needed).
  setHandler(petitionerRatingUpdate, recordPetitionerRating, {
    validator: (request: PetitionerRatingRequest) =>
      rethrowAsFailure(() => checkPetitionerRating(state, { ...request, channel: 'publicQuery' })),
  });

  setHandler(
    migratePolicyUpdate,
    async (migration) => {
      const before = currentClock()?.deadline.endsAt;
      const previousVersion = policy.version;
      policy = migration.policy;
      revision++;
      await record('policyMigrated', toActor(migration.actor), {
        status: (state as CaseState).status,
        fromVersion: previousVersion,
        toVersion: policy.version,
        reason: migration.reason,
      });
      await recordDeadlineChange({ cause: 'policyMigrated', policyVersion: policy.version }, before);
      return { changed: previousVersion !== policy.version };
    },
    {
      validator: (migration) => {
        if (migration.actor.role !== 'admin') {
          throw toFailure(
            new DomainError(
              'ROLE_NOT_ALLOWED',
              '仅管理员可迁移策略 / only an administrator migrates policies',
              { kind: 'forbidden' },
            ),
          );
        }
        rethrowAsFailure(() => parsePolicy(migration.policy));
        if (!migration.reason?.trim()) {
          throw toFailure(
            new DomainError('FIELD_REQUIRED', '须说明迁移原因 / a reason is required', { field: 'reason' }),
          );
        }
        if (state && isFinalStatus(state.status)) {
          throw toFailure(
            new DomainError('CASE_STATE_CONFLICT', '案件已结束 / the case has ended', { kind: 'conflict' }),
          );
        }
      },
    },
  );

  setHandler(calendarUpdatedSignal, (raw) => {
    let next: Calendar;
    try {
      next = parseCalendar(raw);
    } catch (error) {
      // A signal cannot be refused; a malformed calendar is logged and ignored, never applied.
      log.warn('calendarUpdated ignored: invalid calendar', { error: String(error) });
      return;
    }
    const version = next.version ?? '';
    if (!version || calendarVersions.has(version)) return;
    calendarVersions.add(version);
    const before = currentClock()?.deadline.endsAt;
    calendar = next;
    revision++;
    void recordDeadlineChange({ cause: 'calendarUpdated', calendarVersion: version }, before);
  });

  setHandler(directoryUpdatedSignal, (next) => {
    if (!Array.isArray(next?.people) || !Array.isArray(next?.delegations)) {
      log.warn('directoryUpdated ignored: not a directory snapshot');
      return;
    }
    directory = next;
  });

  // ── the run ────────────────────────────────────────────────────────────────────────────────
  if (!state) {
    await perform(input.register, input.registeredBy);
    if (input.backdatingReason) {
      // perform() recorded caseRegistered; the reason for a receipt time before registration sits beside it.
      await record('receiptBackdated', toActor(input.registeredBy), {
        status: (state as unknown as CaseState).status,
        receivedAt: input.register.receivedAt,
        reason: input.backdatingReason,
      });
    }
  } else {
    publishSearchAttributes();
  }
  if (calendar.version) calendarVersions.add(calendar.version);

  for (;;) {
    const current = state as unknown as CaseState;
    if (current.status === 'notAccepted' || current.status === 'withdrawn') break;
    if (
      workflowInfo().continueAsNewSuggested ||
      workflowInfo().historyLength > (input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS)
    ) {
      // Nothing may slip in between: no running handler and no event still being recorded.
      await condition(() => allHandlersFinished() && recordsInFlight === 0);
      await continueAsNew<typeof petitionCase>({
        ...input,
        carried: {
          state: state as unknown as CaseState,
          chain,
          fired: [...fired],
          told,
          calendarVersions: [...calendarVersions],
          recentEvents,
          repeatVisitIds,
          clockRules,
          policy,
          calendar,
          unitTree,
          directory,
        },
      });
    }
    if (isFinalStatus(current.status)) {
      const endedAt = Date.parse(current.closure?.at ?? current.updatedAt);
      const remaining = endedAt + AFTER_CLOSURE_MS - Date.now();
      if (remaining <= 0) break;
      const seen = revision;
      await condition(() => revision !== seen, remaining);
      continue;
    }
    const [next] = pendingAlarms();
    const [feedback] = pendingFeedbackAlarms();
    if (feedback && Date.parse(feedback.at) <= Date.now()) {
      await fireFeedback(feedback);
      continue;
    }
    if (next && Date.parse(next.at) <= Date.now()) {
      await fire(next);
      continue;
    }
    const wakeAt = Math.min(...[next, feedback].filter((a) => a !== undefined).map((a) => Date.parse(a.at)));
    const seen = revision;
    await condition(() => revision !== seen, Number.isFinite(wakeAt) ? wakeAt - Date.now() : undefined);
  }
  await condition(allHandlersFinished);
  await recordingTail;
  log.info('case workflow finished', { status: (state as unknown as CaseState).status });
}
