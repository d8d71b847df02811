import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Who changed users, roles, units, calendars or policies, when, and what: append-only, like the case
 * timeline. `unit_code` is the unit the change concerns (a user's unit, a new unit), so an
 * administrator reads the trail of their own subtree; NULL for system-wide changes (calendars, policies).
 * `details` never holds a password or a secret.
 */
export class AdminAudit1764400000008 implements MigrationInterface {
  name = 'AdminAudit1764400000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE admin_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id varchar(64) NOT NULL,
        action varchar(48) NOT NULL,
        target varchar(128) NOT NULL,
        unit_code varchar(32),
        details jsonb NOT NULL DEFAULT '{}',
        client_address varchar(64)
      )`);
    await db.query(`CREATE INDEX admin_audit_unit ON admin_audit (unit_code, id DESC)`);
    await db.query(`
      CREATE TRIGGER admin_audit_no_update_delete BEFORE UPDATE OR DELETE ON admin_audit
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
    await db.query(`
      CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON admin_audit
      FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE admin_audit`);
  }
}
