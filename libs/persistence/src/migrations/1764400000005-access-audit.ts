import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Who revealed whose personal data, when and why: append-only, like the case timeline. */
export class AccessAudit1764400000005 implements MigrationInterface {
  name = 'AccessAudit1764400000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE access_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        user_id varchar(64) NOT NULL,
        action varchar(48) NOT NULL,
        case_number varchar(64) REFERENCES case_submissions(case_number),
        reason text NOT NULL,
        client_address varchar(64)
      )`);
    await db.query(`CREATE INDEX access_audit_case ON access_audit (case_number, occurred_at)`);
    await db.query(`
      CREATE TRIGGER access_audit_no_update_delete BEFORE UPDATE OR DELETE ON access_audit
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE access_audit`);
  }
}
