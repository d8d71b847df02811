/**
 * The names of the metrics this code registers, for the Grafana dashboard's check
 * (deploy/grafana/dashboard.spec.ts). The Temporal SDK's own series (temporal_…) are listed where the
 * dashboard uses them; the SDK registers them in its native runtime.
 */
export const API_METRICS = {
  requestDuration: 'http_request_duration_seconds',
  requests: 'http_requests_total',
} as const;

/** Recorded by the case workflow through the SDK's workflow metric meter (not during replay). */
export const CASE_METRICS = {
  escalationLag: 'case_escalation_lag_seconds',
  inboxDeliveries: 'case_inbox_deliveries',
} as const;

/** The Temporal SDK's runtime metrics the dashboard reads (prefix temporal_, durations in milliseconds). */
export const TEMPORAL_SDK_METRICS = {
  workflowTaskExecutionLatency: 'temporal_workflow_task_execution_latency',
  workflowTaskScheduleToStartLatency: 'temporal_workflow_task_schedule_to_start_latency',
  activityExecutionLatency: 'temporal_activity_execution_latency',
  workerTaskSlotsUsed: 'temporal_worker_task_slots_used',
} as const;

/** Escalation lag buckets (seconds): a healthy worker records within seconds; minutes mean a backlog. */
export const ESCALATION_LAG_BUCKETS = [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600];
