import { ApplicationFailure, log } from '@temporalio/workflow';
import {
  type Alarm,
  clockAlarms,
  deadlineEscalationTitle,
  deadlineWarningTitle,
  type FeedbackAlarm,
  feedbackAlarms,
  feedbackAlarmTitle,
  isFinalStatus,
  EVENT_TYPES,
  SYSTEM_ACTOR,
} from '../libs/domain/src';
import { observeEscalationLag } from './case-metrics';
import { notify, type RecipientRole, recipientsFor } from './case-notifications';
import { type CaseRun } from './case-run';

/**
 * The case's alarms: warnings and escalation levels of the running clock, lapsed request windows, and
 * the assignment's feedback clock. The main loop waits for the earliest and fires it when due.
 */
export class CaseAlarms {
  private scheduleSignature = '';

  constructor(private readonly run: CaseRun) {}

  /** The running clock's alarms not yet fired. */
  pending(): Alarm[] {
    const { run } = this;
    const clock = run.currentClock();
    if (!clock || !run.state || isFinalStatus(run.state.status)) return [];
    const alarms = clockAlarms(clock, run.policy);
    const signature = `${clock.instanceKey}|${clock.deadline.endsAt}|${clock.paused}`;
    if (signature !== this.scheduleSignature) {
      // A new or moved schedule: warnings already in the past are stale, not news.
      this.scheduleSignature = signature;
      const at = Date.now();
      for (const alarm of alarms)
        if (alarm.kind === 'warning' && Date.parse(alarm.at) < at) run.fired.add(alarm.key);
    }
    return alarms.filter((alarm) => !run.fired.has(alarm.key));
  }

  /** The assignment's feedback clock (交办反馈期限): its alarms not yet fired. */
  pendingFeedback(): FeedbackAlarm[] {
    const { run } = this;
    if (!run.feedbackClockOn || !run.state || isFinalStatus(run.state.status)) return [];
    return feedbackAlarms(run.state, run.calendar).filter((alarm) => !run.fired.has(alarm.key));
  }

  async fire(alarm: Alarm): Promise<void> {
    const { run } = this;
    run.fired.add(alarm.key);
    run.revision++;
    if (alarm.kind === 'lapse') {
      try {
        await run.perform(
          { type: 'close', note: '申请期限届满未申请 / request window lapsed' },
          SYSTEM_ACTOR,
        );
      } catch (error) {
        // A closure the rules refuse is logged and skipped; it must never fail the case's workflow.
        if (!(error instanceof ApplicationFailure)) throw error;
        log.warn('lapsed window: automatic closure refused', { code: error.type });
      }
      return;
    }
    const current = run.registered;
    if (alarm.kind === 'warning') {
      const recipients = this.recipientsFor('handler');
      const seq = await run.record(EVENT_TYPES.deadlineWarning, SYSTEM_ACTOR, {
        status: current.status,
        clock: alarm.clock,
        dueAt: alarm.dueAt,
        recipients,
      });
      await this.notify(seq, 'warning', 0, deadlineWarningTitle(alarm.clock, alarm.dueAt), recipients);
    } else {
      const recipients = this.recipientsFor(alarm.recipient);
      const seq = await run.record(EVENT_TYPES.deadlineEscalated, SYSTEM_ACTOR, {
        status: current.status,
        clock: alarm.clock,
        dueAt: alarm.dueAt,
        level: alarm.level,
        recipientRole: alarm.recipient,
        recipients,
      });
      observeEscalationLag(alarm.at, alarm.level, alarm.clock);
      const title = deadlineEscalationTitle(alarm.level, alarm.clock, alarm.dueAt);
      await this.notify(seq, 'escalation', alarm.level, title, recipients);
    }
    run.publishSearchAttributes();
  }

  async fireFeedback(alarm: FeedbackAlarm): Promise<void> {
    const { run } = this;
    run.fired.add(alarm.key);
    run.revision++;
    const current = run.registered;
    const warning = alarm.kind === 'feedbackWarning';
    const recipients = this.recipientsFor(warning ? 'handler' : 'unitLeader');
    const seq = await run.record(
      warning ? EVENT_TYPES.feedbackDueWarning : EVENT_TYPES.feedbackOverdue,
      SYSTEM_ACTOR,
      {
        status: current.status,
        dueDate: alarm.dueDate,
        dueAt: alarm.dueAt,
        fromUnitCode: alarm.fromUnitCode,
        toUnitCode: alarm.toUnitCode,
        recipients,
      },
    );
    await this.notify(
      seq,
      'warning',
      0,
      feedbackAlarmTitle(warning, alarm.fromUnitCode, alarm.dueDate),
      recipients,
    );
  }

  /** Fires the alarm that is due, feedback first; otherwise answers when the next one falls due. */
  async fireDue(): Promise<{ fired: true } | { fired: false; wakeAt: number }> {
    const [next] = this.pending();
    const [feedback] = this.pendingFeedback();
    if (feedback && Date.parse(feedback.at) <= Date.now()) {
      await this.fireFeedback(feedback);
      return { fired: true };
    }
    if (next && Date.parse(next.at) <= Date.now()) {
      await this.fire(next);
      return { fired: true };
    }
    const wakeAt = Math.min(...[next, feedback].filter((a) => a !== undefined).map((a) => Date.parse(a.at)));
    return { fired: false, wakeAt };
  }

  private recipientsFor(role: RecipientRole) {
    return recipientsFor(role, this.run.registered, this.run.directory, this.run.unitTree);
  }

  private notify(...args: Parameters<typeof notify> extends [string, ...infer R] ? R : never): Promise<void> {
    return notify(this.run.input.register.caseNumber, ...args);
  }
}
