import { type DataSource } from 'typeorm';

/**
 * What the application role may do, table by table. The event log is insert-and-read only;
 * the trigger in the migration refuses UPDATE/DELETE for the owner as well.
 */
const TABLE_GRANTS: Record<string, string> = {
  units: 'SELECT, INSERT, UPDATE',
  case_number_counters: 'SELECT, INSERT, UPDATE',
  notice_number_counters: 'SELECT, INSERT, UPDATE',
  idempotency_keys: 'SELECT, INSERT',
  // The name's blind index only: filled for rows stored before it existed (backfillPetitionerNameIndex).
  case_submissions: 'SELECT, INSERT, UPDATE (petitioner_name_bidx)',
  cases: 'SELECT, INSERT, UPDATE',
  case_events: 'SELECT, INSERT',
  inbox_items: 'SELECT, INSERT, UPDATE',
  users: 'SELECT, INSERT, UPDATE',
  user_roles: 'SELECT, INSERT, DELETE',
  delegations: 'SELECT, INSERT, UPDATE, DELETE',
  policies: 'SELECT, INSERT',
  calendars: 'SELECT, INSERT',
  publications_in_force: 'SELECT, INSERT',
  notices: 'SELECT, INSERT',
  notice_templates: 'SELECT, INSERT',
  case_query_codes: 'SELECT, INSERT',
  access_audit: 'SELECT, INSERT',
  credentials: 'SELECT, INSERT, UPDATE',
  sessions: 'SELECT, INSERT, UPDATE',
  auth_challenges: 'SELECT, INSERT, UPDATE, DELETE',
  login_attempts: 'SELECT, INSERT',
  rate_limits: 'SELECT, INSERT, UPDATE, DELETE',
  admin_audit: 'SELECT, INSERT',
  case_metric_facts: 'SELECT, INSERT, UPDATE',
  case_metric_occurrences: 'SELECT, INSERT',
  case_representatives: 'SELECT, INSERT',
  case_repeat_visits: 'SELECT, INSERT, UPDATE',
  reception_sessions: 'SELECT, INSERT',
  case_attachments: 'SELECT, INSERT',
  // The worker's relay reads what the public app accepted and marks it delivered; INSERT for the
  // public app when it runs as this role (npm start) rather than its own (applyPublicAppGrants).
  public_satisfaction_ratings: 'SELECT, INSERT, UPDATE',
  saved_case_views: 'SELECT, INSERT, UPDATE, DELETE',
};

/** Run as the owner after migrations: the app role gets exactly the grants above, nothing more. */
export async function applyGrants(owner: DataSource, appRole: string): Promise<void> {
  const role = `"${appRole.replace(/"/g, '""')}"`;
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  for (const [table, privileges] of Object.entries(TABLE_GRANTS)) {
    await owner.query(`REVOKE ALL ON ${table} FROM ${role}`);
    await owner.query(`GRANT ${privileges} ON ${table} TO ${role}`);
  }
}

/**
 * What the public progress query app needs, for a role of its own in the public network zone: the case's
 * status and deadline columns only (no subject, no units, no staff), its notices and their templates, the
 * query codes, the rate-limit counters, and inserting (only) the petitioner's own satisfaction rating.
 */
const PUBLIC_APP_GRANTS: readonly string[] = [
  'SELECT (case_number, status, received_at, clock, due_last_day) ON cases',
  // Whether the reply is delivered and already rated, to offer the petitioner's own rating (art. 21).
  'SELECT (reply_seq, reply_delivered_on, satisfaction_recorded_at) ON cases',
  // The rating itself: insert only — the public app never reads or changes a stored rating.
  'INSERT (case_number, reply_seq, satisfaction, comment) ON public_satisfaction_ratings',
  'SELECT ON notices',
  'SELECT ON notice_templates',
  'SELECT ON case_query_codes',
  'SELECT, INSERT, UPDATE ON rate_limits',
];

/** Run as the owner: `role` gets exactly what the public app needs (see PUBLIC_APP_GRANTS). */
export async function applyPublicAppGrants(owner: DataSource, role: string): Promise<void> {
  const quoted = `"${role.replace(/"/g, '""')}"`;
  const [{ name }] = await owner.query(`SELECT current_database() AS name`);
  await owner.query(`GRANT CONNECT ON DATABASE "${String(name).replace(/"/g, '""')}" TO ${quoted}`);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${quoted}`);
  for (const grant of PUBLIC_APP_GRANTS) {
    const [privileges, table] = grant.split(' ON ') as [string, string];
    await owner.query(`GRANT ${privileges} ON ${table} TO ${quoted}`);
  }
}
