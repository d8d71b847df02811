import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Leaders' reception days (领导接待日): the published schedule, one row per session (a leader receiving
 * petitioners on a day at a place, on announced topics), and the session a case was registered in.
 * A session is published once and not edited: the cases registered in it point at what was announced.
 */
export class ReceptionSessions1764400000010 implements MigrationInterface {
  name = 'ReceptionSessions1764400000010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reception_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code varchar(32) NOT NULL REFERENCES units(code),
        leader_user_id varchar(64) NOT NULL REFERENCES users(id),
        session_date date NOT NULL,
        place varchar(200) NOT NULL,
        topics jsonb NOT NULL DEFAULT '[]',
        published_by varchar(64) NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX reception_sessions_unit_date ON reception_sessions (unit_code, session_date)`,
    );
    await db.query(
      `ALTER TABLE case_submissions ADD COLUMN reception_session_id uuid REFERENCES reception_sessions(id)`,
    );
    await db.query(
      `CREATE INDEX case_submissions_reception_session ON case_submissions (reception_session_id)
       WHERE reception_session_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_submissions DROP COLUMN reception_session_id`);
    await db.query(`DROP TABLE reception_sessions`);
  }
}
