import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Skip-level petitions of a matter being handled below (art. 19): the higher level registers the
 * petition as its own case, linked to the lower case (`handled_below_in`), does not accept it and refers
 * it down; the lower case records the visit, which names the higher case (`skip_level_case_number`), so a
 * retried registration completes the referral once.
 */
export class SkipLevelReferrals1764400000121 implements MigrationInterface {
  name = 'SkipLevelReferrals1764400000121';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_submissions
        ADD COLUMN handled_below_in varchar(64),
        ADD COLUMN handled_below_unit_code varchar(32)`);
    await db.query(`CREATE INDEX case_submissions_handled_below_in ON case_submissions (handled_below_in)`);
    await db.query(`ALTER TABLE case_repeat_visits ADD COLUMN skip_level_case_number varchar(64) UNIQUE`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_repeat_visits DROP COLUMN skip_level_case_number`);
    await db.query(`DROP INDEX case_submissions_handled_below_in`);
    await db.query(`
      ALTER TABLE case_submissions DROP COLUMN handled_below_in, DROP COLUMN handled_below_unit_code`);
  }
}
