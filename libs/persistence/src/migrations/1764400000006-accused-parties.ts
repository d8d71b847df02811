import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The persons and units an accusation names, kept with the submission (the case never reaches them). */
export class AccusedParties1764400000006 implements MigrationInterface {
  name = 'AccusedParties1764400000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_submissions ADD COLUMN accused jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_submissions DROP COLUMN accused`);
  }
}
