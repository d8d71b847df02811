import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The full case read model (units, six defines, deadlines, overdue level), Chinese full-text search,
 * users with roles, versioned policies and calendars, and generated notices.
 */
export class ReadModel1764400000002 implements MigrationInterface {
  name = 'ReadModel1764400000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cases
        ADD COLUMN holding_unit_code varchar(32),
        ADD COLUMN responsible_unit_code varchar(32),
        ADD COLUMN handler_user_id varchar(64),
        ADD COLUMN package_leader_user_id varchar(64),
        ADD COLUMN six_defines jsonb,
        ADD COLUMN clock varchar(24),
        ADD COLUMN due_at timestamptz,
        ADD COLUMN due_last_day date,
        ADD COLUMN overdue_level int NOT NULL DEFAULT 0,
        ADD COLUMN repeat_visits int NOT NULL DEFAULT 0,
        ADD COLUMN policy_version varchar(64),
        ADD COLUMN accused_unit_codes varchar(32)[] NOT NULL DEFAULT '{}',
        ADD COLUMN accused_user_ids varchar(64)[] NOT NULL DEFAULT '{}',
        ADD COLUMN search_vector tsvector`);
    // Most Chinese words are two characters: index overlapping character bigrams (single characters
    // stand alone too), so a two-character query is one indexed lexeme and a longer one an AND of bigrams.
    await db.query(`
      CREATE FUNCTION cjk_bigrams(input text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_to_tsvector(array_agg(DISTINCT token)), ''::tsvector)
        FROM (
          SELECT lower(substr(chunk, i, 2)) AS token
          FROM regexp_split_to_table(coalesce(input, ''), '[[:space:][:punct:]，。、；：？！“”‘’（）《》【】·…—]+') AS chunk,
               generate_series(1, greatest(char_length(chunk) - 1, 1)) AS i
          WHERE chunk <> ''
        ) tokens
      $$`);
    await db.query(`
      CREATE FUNCTION cjk_bigram_query(input text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(quote_literal(token), ' & '), '')::tsquery
        FROM (SELECT DISTINCT unnest(tsvector_to_array(cjk_bigrams(input))) AS token) tokens
      $$`);
    await db.query(`CREATE INDEX cases_search ON cases USING gin (search_vector)`);
    await db.query(`CREATE INDEX cases_registered_keyset ON cases (registered_at DESC, case_number DESC)`);
    await db.query(`CREATE INDEX cases_status ON cases (status, registered_at DESC)`);
    await db.query(
      `CREATE INDEX cases_responsible_unit ON cases (responsible_unit_code, registered_at DESC)`,
    );
    await db.query(`CREATE INDEX cases_holding_unit ON cases (holding_unit_code, registered_at DESC)`);
    await db.query(`CREATE INDEX cases_due ON cases (due_at) WHERE due_at IS NOT NULL`);
    await db.query(`CREATE INDEX cases_overdue ON cases (overdue_level) WHERE overdue_level > 0`);
    await db.query(`CREATE INDEX cases_received ON cases (received_at)`);

    await db.query(`
      CREATE TABLE users (
        id varchar(64) PRIMARY KEY,
        username varchar(64) NOT NULL UNIQUE,
        name varchar(100) NOT NULL,
        unit_code varchar(32) NOT NULL REFERENCES units(code),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE user_roles (
        user_id varchar(64) NOT NULL REFERENCES users(id),
        role varchar(32) NOT NULL,
        PRIMARY KEY (user_id, role)
      )`);
    await db.query(`
      CREATE TABLE delegations (
        holder_user_id varchar(64) NOT NULL REFERENCES users(id),
        deputy_user_id varchar(64) NOT NULL REFERENCES users(id),
        valid_from timestamptz NOT NULL,
        valid_until timestamptz,
        PRIMARY KEY (holder_user_id, valid_from)
      )`);
    for (const table of ['policies', 'calendars']) {
      await db.query(`
        CREATE TABLE ${table} (
          version varchar(64) PRIMARY KEY,
          document jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          created_by varchar(64) NOT NULL
        )`);
    }
    await db.query(`
      CREATE TABLE notices (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_number varchar(64) NOT NULL REFERENCES case_submissions(case_number),
        event_seq int NOT NULL,
        kind varchar(32) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        issued_at timestamptz NOT NULL,
        UNIQUE (case_number, event_seq, kind)
      )`);
    await db.query(`CREATE INDEX case_events_type_time ON case_events (type, occurred_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notices', 'calendars', 'policies', 'delegations', 'user_roles', 'users']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP INDEX case_events_type_time`);
    await db.query(`DROP FUNCTION cjk_bigram_query(text)`);
    await db.query(`
      ALTER TABLE cases DROP COLUMN holding_unit_code, DROP COLUMN responsible_unit_code, DROP COLUMN handler_user_id,
        DROP COLUMN package_leader_user_id, DROP COLUMN six_defines, DROP COLUMN clock, DROP COLUMN due_at,
        DROP COLUMN due_last_day, DROP COLUMN overdue_level, DROP COLUMN repeat_visits, DROP COLUMN policy_version,
        DROP COLUMN accused_unit_codes, DROP COLUMN accused_user_ids, DROP COLUMN search_vector`);
    await db.query(`DROP FUNCTION cjk_bigrams(text)`);
  }
}
