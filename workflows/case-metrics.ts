import { metricMeter } from '@temporalio/workflow';
import { CASE_METRICS } from '../libs/observability/src/metric-names';
import { type NotificationInput } from './activity-types';

/*
 * What the case workflow measures, through the SDK's workflow metric meter: the worker exports it with
 * the SDK's own metrics (WORKER_METRICS_PORT), tagged with namespace, task queue and workflow type, and
 * records nothing while a history replays. Labels never carry a case number or a person.
 */

/** From an escalation's due moment to its event recorded (workflow time after the record activity). */
export function observeEscalationLag(dueAt: string, level: number, clock: string): void {
  const lagSeconds = Math.max(0, (Date.now() - Date.parse(dueAt)) / 1000);
  metricMeter
    .createHistogram(CASE_METRICS.escalationLag, 'float', 's', '超期升级延迟 / escalation lag')
    .record(lagSeconds, { level: String(level), clock });
}

/** Inbox items delivered, by kind (warning, escalation, repeatVisit). */
export function countInboxDeliveries(kind: NotificationInput['kind'], delivered: number): void {
  metricMeter
    .createCounter(CASE_METRICS.inboxDeliveries, 'item', '站内通知送达 / inbox items delivered')
    .add(delivered, { kind });
}
