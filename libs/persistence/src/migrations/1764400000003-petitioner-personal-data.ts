import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Petitioners' ID number, phone and address, encrypted at rest, with keyed blind indexes for lookup. */
export class PetitionerPersonalData1764400000003 implements MigrationInterface {
  name = 'PetitionerPersonalData1764400000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_submissions
        ADD COLUMN petitioner_id_number_enc text,
        ADD COLUMN petitioner_phone_enc text,
        ADD COLUMN petitioner_address_enc text,
        ADD COLUMN petitioner_id_number_bidx char(64),
        ADD COLUMN petitioner_phone_bidx char(64)`);
    await db.query(
      `CREATE INDEX case_submissions_id_number_bidx ON case_submissions (petitioner_id_number_bidx) WHERE petitioner_id_number_bidx IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX case_submissions_phone_bidx ON case_submissions (petitioner_phone_bidx) WHERE petitioner_phone_bidx IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_submissions DROP COLUMN petitioner_id_number_enc, DROP COLUMN petitioner_phone_enc,
        DROP COLUMN petitioner_address_enc, DROP COLUMN petitioner_id_number_bidx, DROP COLUMN petitioner_phone_bidx`);
  }
}
