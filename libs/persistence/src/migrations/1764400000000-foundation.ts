import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Units, case numbering, idempotency keys, submissions, the case read model and the append-only event log. */
export class Foundation1764400000000 implements MigrationInterface {
  name = 'Foundation1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE units (
        code varchar(32) PRIMARY KEY,
        name varchar(100) NOT NULL,
        level varchar(16) NOT NULL,
        parent_code varchar(32) REFERENCES units(code)
      )`);
    await db.query(`
      CREATE TABLE case_number_counters (
        unit_code varchar(32) NOT NULL REFERENCES units(code),
        year int NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (unit_code, year)
      )`);
    await db.query(`
      CREATE TABLE case_submissions (
        case_number varchar(64) PRIMARY KEY,
        channel varchar(24) NOT NULL,
        category varchar(24) NOT NULL,
        subject varchar(200) NOT NULL,
        content text NOT NULL,
        petitioner_name varchar(100) NOT NULL,
        unit_code varchar(32) NOT NULL REFERENCES units(code),
        registering_unit_code varchar(32) NOT NULL REFERENCES units(code),
        received_at timestamptz NOT NULL,
        backdating_reason text,
        submitted_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        key varchar(200) PRIMARY KEY,
        request_hash char(64) NOT NULL,
        case_number varchar(64) NOT NULL REFERENCES case_submissions(case_number),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE cases (
        case_number varchar(64) PRIMARY KEY REFERENCES case_submissions(case_number),
        workflow_id varchar(100) NOT NULL UNIQUE,
        status varchar(24) NOT NULL,
        category varchar(24) NOT NULL,
        channel varchar(24) NOT NULL,
        subject varchar(200) NOT NULL,
        unit_code varchar(32) NOT NULL,
        registering_unit_code varchar(32) NOT NULL,
        received_at timestamptz NOT NULL,
        registered_at timestamptz NOT NULL,
        event_count int NOT NULL,
        last_event_hash char(64) NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE case_events (
        case_number varchar(64) NOT NULL REFERENCES case_submissions(case_number),
        seq int NOT NULL CHECK (seq >= 1),
        type varchar(64) NOT NULL,
        actor_id varchar(64) NOT NULL,
        actor_role varchar(32) NOT NULL,
        actor_unit varchar(32),
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_number, seq)
      )`);
    // The audit timeline is append-only for everyone who goes through the application, owner included.
    await db.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
    await db.query(`
      CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
      FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'case_events',
      'cases',
      'idempotency_keys',
      'case_submissions',
      'case_number_counters',
      'units',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS case_events_append_only()`);
  }
}
