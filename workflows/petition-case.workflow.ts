import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  checkNotRegistration,
  checkPetitionerRating,
  checkPolicyMigration,
  checkRepeatVisit,
  EVENT_TYPES,
  isFinalStatus,
  validateAction,
} from '../libs/domain/src';
import { CaseAlarms } from './case-alarms';
import {
  type ActRequest,
  actUpdate,
  calendarUpdatedSignal,
  caseSnapshotQuery,
  directoryUpdatedSignal,
  migratePolicyUpdate,
  type PetitionCaseInput,
  type PetitionerRatingRequest,
  petitionerRatingUpdate,
  recordRepeatVisitUpdate,
  registrationRecordedUpdate,
  type RepeatVisitRequest,
} from './case-messages';
import { CaseRun } from './case-run';
import { applyCalendarUpdate, migratePolicy } from './deadline-changes';
import { rethrowAsFailure } from './failures';
import { PetitionerRatings } from './petitioner-ratings';
import { RepeatVisits } from './repeat-visits';

export { type PetitionCaseInput } from './case-messages';

/** A closed or concluded case stays open this long for what follows closure (follow-up visit, satisfaction). */
const AFTER_CLOSURE_MS = 90 * 24 * 60 * 60 * 1000;
/** Continue-as-new well before Temporal's history limits. */
const DEFAULT_MAX_HISTORY_EVENTS = 8_000;

/**
 * One petition case from registration to its end. Staff act through the `act` Update; clocks are
 * durable timers (one at a time: the next alarm of the running clock); every change is recorded
 * through an activity, one event at a time, numbered by the workflow. This file is the wiring: the
 * case's state and recording live in CaseRun, its alarms in CaseAlarms, the rest in modules beside it.
 */
export async function petitionCase(input: PetitionCaseInput): Promise<void> {
  const run = new CaseRun(input);
  const alarms = new CaseAlarms(run);
  const repeatVisits = new RepeatVisits(run, input.carried?.repeatVisitIds);
  const ratings = new PetitionerRatings(run);

  // ── handlers ───────────────────────────────────────────────────────────────────────────────
  setHandler(caseSnapshotQuery, () => run.snapshot());

  setHandler(registrationRecordedUpdate, async () => {
    // Registration is one event, two when the receipt was back-dated; answer once all are stored.
    await condition(() => run.recorder.chain.count >= (input.backdatingReason ? 2 : 1));
    return { caseNumber: input.register.caseNumber, status: run.registered.status };
  });

  setHandler(
    actUpdate,
    async (request: ActRequest) => ({
      lastSeq: await run.perform(request.action, request.actor),
      status: run.registered.status,
    }),
    {
      validator: (request: ActRequest) =>
        rethrowAsFailure(() => {
          checkNotRegistration(request.action);
          validateAction(run.state, request.action, request.actor, run.factsFor(request.action));
        }),
    },
  );

  setHandler(recordRepeatVisitUpdate, (request) => repeatVisits.record(request), {
    validator: (request: RepeatVisitRequest) => rethrowAsFailure(() => checkRepeatVisit(run.state, request)),
  });

  // A new Update: histories from before it never call it, so they replay unchanged (no patch needed).
  setHandler(petitionerRatingUpdate, (request) => ratings.record(request), {
    validator: (request: PetitionerRatingRequest) =>
      rethrowAsFailure(() => checkPetitionerRating(run.state, { ...request, channel: 'publicQuery' })),
  });

  setHandler(migratePolicyUpdate, (migration) => migratePolicy(run, migration), {
    validator: (migration) => rethrowAsFailure(() => checkPolicyMigration(run.state, migration)),
  });

  setHandler(calendarUpdatedSignal, (raw) => applyCalendarUpdate(run, raw));

  setHandler(directoryUpdatedSignal, (next) => {
    if (!Array.isArray(next?.people) || !Array.isArray(next?.delegations)) {
      log.warn('directoryUpdated ignored: not a directory snapshot');
      return;
    }
    run.directory = next;
  });

  // ── the run ────────────────────────────────────────────────────────────────────────────────
  if (!run.state) {
    await run.perform(input.register, input.registeredBy);
    if (input.backdatingReason) {
      // perform() recorded caseRegistered; the reason for a receipt time before registration sits beside it.
      await run.record(EVENT_TYPES.receiptBackdated, input.registeredBy, {
        status: run.registered.status,
        receivedAt: input.register.receivedAt,
        reason: input.backdatingReason,
      });
    }
  } else {
    run.publishSearchAttributes();
  }
  if (run.calendar.version) run.calendarVersions.add(run.calendar.version);

  for (;;) {
    const current = run.registered;
    if (current.status === 'notAccepted' || current.status === 'withdrawn') break;
    if (
      workflowInfo().continueAsNewSuggested ||
      workflowInfo().historyLength > (input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS)
    ) {
      // Nothing may slip in between: no running handler and no event still being recorded.
      await condition(() => allHandlersFinished() && run.recorder.idle);
      await continueAsNew<typeof petitionCase>({ ...input, carried: run.carried(repeatVisits.ids) });
    }
    if (isFinalStatus(current.status)) {
      const endedAt = Date.parse(current.closure?.at ?? current.updatedAt);
      const remaining = endedAt + AFTER_CLOSURE_MS - Date.now();
      if (remaining <= 0) break;
      const seen = run.revision;
      await condition(() => run.revision !== seen, remaining);
      continue;
    }
    const due = await alarms.fireDue();
    if (due.fired) continue;
    const seen = run.revision;
    await condition(
      () => run.revision !== seen,
      Number.isFinite(due.wakeAt) ? due.wakeAt - Date.now() : undefined,
    );
  }
  await condition(allHandlersFinished);
  await run.recorder.drained();
  log.info('case workflow finished', { status: run.registered.status });
}
