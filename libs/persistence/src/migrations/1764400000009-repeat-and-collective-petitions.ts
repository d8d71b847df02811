import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Identity document types, repeat visits and collective visits:
 * - the petitioner's document type beside the (still encrypted) number;
 * - what a registration decided about earlier cases: the clerk's "not the same matter" override, or the
 *   concluded case on the same facts (so a retried registration still completes its not-acceptance);
 * - repeat visits recorded on an earlier open case instead of a new case: per case, never per person,
 *   and without the petitioner's personal data (the visit was matched by the earlier case's petitioner);
 * - the representatives of a collective visit, their numbers and phones encrypted like the petitioner's;
 * - the text similarity repeat detection compares petitions by (character bigrams, locale-independent).
 */
export class RepeatAndCollectivePetitions1764400000009 implements MigrationInterface {
  name = 'RepeatAndCollectivePetitions1764400000009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_submissions
        ADD COLUMN petitioner_id_type varchar(16) NOT NULL DEFAULT 'residentId',
        ADD COLUMN not_repeat_of jsonb,
        ADD COLUMN same_facts_as varchar(64),
        ADD COLUMN collective_headcount int`);
    await db.query(`
      CREATE TABLE case_representatives (
        case_number varchar(64) NOT NULL REFERENCES case_submissions(case_number),
        position int NOT NULL,
        name varchar(100) NOT NULL,
        id_type varchar(16),
        id_number_enc text,
        phone_enc text,
        PRIMARY KEY (case_number, position)
      )`);
    await db.query(`
      CREATE TABLE case_repeat_visits (
        id uuid PRIMARY KEY,
        case_number varchar(64) NOT NULL REFERENCES cases(case_number),
        idempotency_key varchar(200) UNIQUE,
        channel varchar(24) NOT NULL,
        subject varchar(200) NOT NULL,
        content text NOT NULL,
        received_at timestamptz NOT NULL,
        registering_unit_code varchar(32) NOT NULL,
        registered_by varchar(64) NOT NULL,
        similarity real NOT NULL,
        visit_number int,
        submitted_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX case_repeat_visits_case ON case_repeat_visits (case_number)`);
    // Jaccard overlap of the two texts' character bigrams (cjk_bigrams, as the case search indexes them).
    await db.query(`
      CREATE FUNCTION petition_similarity(a text, b text) RETURNS real
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        WITH x AS (SELECT tsvector_to_array(cjk_bigrams(a)) AS tokens),
             y AS (SELECT tsvector_to_array(cjk_bigrams(b)) AS tokens)
        SELECT CASE WHEN cardinality(x.tokens) = 0 OR cardinality(y.tokens) = 0 THEN 0::real
          ELSE (SELECT count(*) FROM unnest(x.tokens) t WHERE t = ANY(y.tokens))::real
             / (SELECT count(DISTINCT t) FROM unnest(x.tokens || y.tokens) t)::real END
        FROM x, y
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION petition_similarity(text, text)`);
    await db.query(`DROP TABLE case_repeat_visits`);
    await db.query(`DROP TABLE case_representatives`);
    await db.query(`
      ALTER TABLE case_submissions DROP COLUMN petitioner_id_type, DROP COLUMN not_repeat_of,
        DROP COLUMN same_facts_as, DROP COLUMN collective_headcount`);
  }
}
