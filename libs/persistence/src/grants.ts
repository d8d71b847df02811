import { type DataSource } from 'typeorm';

/**
 * What the application role may do, table by table. The event log is insert-and-read only;
 * the trigger in the migration refuses UPDATE/DELETE for the owner as well.
 */
const TABLE_GRANTS: Record<string, string> = {
  units: 'SELECT, INSERT, UPDATE',
  case_number_counters: 'SELECT, INSERT, UPDATE',
  idempotency_keys: 'SELECT, INSERT',
  case_submissions: 'SELECT, INSERT',
  cases: 'SELECT, INSERT, UPDATE',
  case_events: 'SELECT, INSERT',
  inbox_items: 'SELECT, INSERT, UPDATE',
  users: 'SELECT, INSERT, UPDATE',
  user_roles: 'SELECT, INSERT, DELETE',
  delegations: 'SELECT, INSERT, UPDATE, DELETE',
  policies: 'SELECT, INSERT',
  calendars: 'SELECT, INSERT',
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
