import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { DEFAULT_NOTICE_TEMPLATES } from '../../../notices/src/default-templates';

/**
 * Written notices as issued and the petitioner's progress query code.
 * - `notice_templates`: every version of each kind's template (version 1 = the library's default);
 *   an administrator's edit adds a version, a notice keeps the version it was issued with.
 * - `notices`: one row per notice, written with the event that calls for it; `data` is the snapshot the
 *   PDF is rendered from (without the query code, which stays encrypted in `case_query_codes`).
 * - `case_query_codes`: a keyed hash of the code to verify it, and the code encrypted for the notice.
 */
export class NoticesAndQueryCodes1764400000011 implements MigrationInterface {
  name = 'NoticesAndQueryCodes1764400000011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notice_templates (
        kind varchar(32) NOT NULL,
        version int NOT NULL,
        template text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by varchar(64) NOT NULL,
        PRIMARY KEY (kind, version)
      )`);
    for (const [kind, template] of Object.entries(DEFAULT_NOTICE_TEMPLATES)) {
      await db.query(
        `INSERT INTO notice_templates (kind, version, template, created_by) VALUES ($1, 1, $2, 'system')`,
        [kind, template],
      );
    }
    await db.query(`
      ALTER TABLE notices
        DROP COLUMN body,
        ADD COLUMN data jsonb NOT NULL,
        ADD COLUMN template_version int NOT NULL,
        ADD CONSTRAINT notices_template FOREIGN KEY (kind, template_version) REFERENCES notice_templates (kind, version)`);
    await db.query(`CREATE INDEX notices_case ON notices (case_number, event_seq)`);
    await db.query(`
      CREATE TABLE case_query_codes (
        case_number varchar(64) PRIMARY KEY REFERENCES case_submissions(case_number),
        code_hash char(64) NOT NULL,
        code_enc text NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_query_codes`);
    await db.query(`DROP INDEX notices_case`);
    await db.query(`
      ALTER TABLE notices DROP CONSTRAINT notices_template, DROP COLUMN data, DROP COLUMN template_version,
        ADD COLUMN body text NOT NULL DEFAULT ''`);
    await db.query(`DROP TABLE notice_templates`);
  }
}
