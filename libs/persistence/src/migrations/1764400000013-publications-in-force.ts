import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Which published policy and calendar new registrations start with, per unit: a registration takes the
 * latest row of the nearest unit above it (itself included) that has one, else the latest row without a
 * unit (in force everywhere), else the built-in. Append-only: the rows are the history of what was in
 * force where and since when. Versions live in `policies` and `calendars`.
 */
export class PublicationsInForce1764400000013 implements MigrationInterface {
  name = 'PublicationsInForce1764400000013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE publications_in_force (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind varchar(16) NOT NULL CHECK (kind IN ('policy', 'calendar')),
        unit_code varchar(32) REFERENCES units(code),
        version varchar(64) NOT NULL,
        since timestamptz NOT NULL DEFAULT now(),
        set_by varchar(64) NOT NULL
      )`);
    await db.query(`CREATE INDEX publications_in_force_unit ON publications_in_force (unit_code, kind, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE publications_in_force`);
  }
}
