import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The 文号 on written notices: each unit may set its short name and its own numbering pattern (the
 * library's default when absent); each issuing unit numbers its notices per year; a notice keeps the
 * number it was issued with (notices issued before this have none).
 */
export class NoticeDocumentNumbers1764400000151 implements MigrationInterface {
  name = 'NoticeDocumentNumbers1764400000151';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE units
        ADD COLUMN short_name varchar(20),
        ADD COLUMN notice_number_pattern varchar(100)`);
    await db.query(`ALTER TABLE notices ADD COLUMN document_number varchar(160)`);
    await db.query(`
      CREATE TABLE notice_number_counters (
        unit_code varchar(32) NOT NULL REFERENCES units(code),
        year int NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (unit_code, year)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notice_number_counters`);
    await db.query(`ALTER TABLE notices DROP COLUMN document_number`);
    await db.query(`ALTER TABLE units DROP COLUMN short_name, DROP COLUMN notice_number_pattern`);
  }
}
