import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The work queue: an index in urgency order (overdue level, then due time, cases without a clock last),
 * a keyed blind index of the petitioner's normalised name (filled for existing rows by the API at start,
 * which holds the key: `backfillPetitionerNameIndex`), and each staff member's saved views.
 */
export class CaseQueue1764400000131 implements MigrationInterface {
  name = 'CaseQueue1764400000131';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX cases_urgency ON cases (overdue_level DESC, (coalesce(due_at, 'infinity'::timestamptz)), case_number)`,
    );
    await db.query(`ALTER TABLE case_submissions ADD COLUMN petitioner_name_bidx char(64)`);
    await db.query(
      `CREATE INDEX case_submissions_name_bidx ON case_submissions (petitioner_name_bidx) WHERE petitioner_name_bidx IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE saved_case_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id varchar(64) NOT NULL,
        name varchar(50) NOT NULL,
        filters jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, name)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_case_views`);
    await db.query(`ALTER TABLE case_submissions DROP COLUMN petitioner_name_bidx`);
    await db.query(`DROP INDEX cases_urgency`);
  }
}
