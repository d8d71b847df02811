import { log } from '@temporalio/workflow';
import {
  type Calendar,
  type DeadlineChangeCause,
  EVENT_TYPES,
  parseCalendar,
  SYSTEM_ACTOR,
} from '../libs/domain/src';
import { type PolicyMigration } from './case-messages';
import { type CaseRun } from './case-run';

/** Records the running clock's new deadline after a calendar update or a policy migration, when it moved. */
async function recordDeadlineChange(
  run: CaseRun,
  cause: DeadlineChangeCause,
  before: string | undefined,
): Promise<void> {
  const after = run.currentClock();
  if (!run.state || !after || after.deadline.endsAt === before) return;
  run.revision++;
  await run.record(EVENT_TYPES.deadlineRecomputed, SYSTEM_ACTOR, {
    status: run.state.status,
    clock: after.name,
    previousEndsAt: before ?? null,
    endsAt: after.deadline.endsAt,
    lastDay: after.deadline.lastDay,
    ...cause,
  });
  run.publishSearchAttributes();
}

/** An administrator moves the open case to another policy version (validated by `checkPolicyMigration`). */
export async function migratePolicy(run: CaseRun, migration: PolicyMigration): Promise<{ changed: boolean }> {
  const before = run.currentClock()?.deadline.endsAt;
  const previousVersion = run.policy.version;
  run.policy = migration.policy;
  run.revision++;
  await run.record(EVENT_TYPES.policyMigrated, migration.actor, {
    status: run.registered.status,
    fromVersion: previousVersion,
    toVersion: run.policy.version,
    reason: migration.reason,
  });
  await recordDeadlineChange(run, { cause: 'policyMigrated', policyVersion: run.policy.version }, before);
  return { changed: previousVersion !== run.policy.version };
}

/** A published calendar reaches the case: applied once per version, deadlines recomputed and recorded. */
export function applyCalendarUpdate(run: CaseRun, raw: Calendar): void {
  let next: Calendar;
  try {
    next = parseCalendar(raw);
  } catch (error) {
    // A signal cannot be refused; a malformed calendar is logged and ignored, never applied.
    log.warn('calendarUpdated ignored: invalid calendar', { error: String(error) });
    return;
  }
  const version = next.version ?? '';
  if (!version || run.calendarVersions.has(version)) return;
  run.calendarVersions.add(version);
  const before = run.currentClock()?.deadline.endsAt;
  run.calendar = next;
  run.revision++;
  void recordDeadlineChange(run, { cause: 'calendarUpdated', calendarVersion: version }, before);
}
