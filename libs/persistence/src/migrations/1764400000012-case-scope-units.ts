import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The units a case belongs to for visibility (responsible, holding, registering, and where the matter
 * arises — except for an accusation, where that is usually the accused's own unit) as one generated
 * array with a GIN index: visibility becomes an array overlap the planner can
 * estimate from statistics, instead of an OR over four columns it could not, which made it pick slow
 * plans for text search.
 */
export class CaseScopeUnits1764400000012 implements MigrationInterface {
  name = 'CaseScopeUnits1764400000012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cases ADD COLUMN scope_unit_codes varchar(32)[] GENERATED ALWAYS AS
        (ARRAY[responsible_unit_code, holding_unit_code, registering_unit_code,
               CASE WHEN category <> 'accusation' THEN unit_code END]) STORED`);
    await db.query(`CREATE INDEX cases_scope_unit_codes ON cases USING gin (scope_unit_codes)`);
    await db.query(`ANALYZE cases`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases DROP COLUMN scope_unit_codes`);
  }
}
