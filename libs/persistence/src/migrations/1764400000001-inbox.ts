import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Inbox items: warnings and escalations delivered to the exact people the ladder names. */
export class Inbox1764400000001 implements MigrationInterface {
  name = 'Inbox1764400000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbox_items (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        recipient_user_id varchar(64) NOT NULL,
        recipient_name varchar(100) NOT NULL,
        recipient_role varchar(32) NOT NULL,
        recipient_unit varchar(32) NOT NULL,
        case_number varchar(64) NOT NULL REFERENCES case_submissions(case_number),
        event_seq int NOT NULL,
        kind varchar(16) NOT NULL,
        level int NOT NULL,
        title text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        acknowledged_at timestamptz,
        UNIQUE (case_number, event_seq, recipient_user_id)
      )`);
    await db.query(
      `CREATE INDEX inbox_items_recipient_unread ON inbox_items (recipient_user_id, created_at DESC) WHERE acknowledged_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inbox_items`);
  }
}
