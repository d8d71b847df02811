import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Login: argon2id password hashes and encrypted TOTP secrets per user, opaque sessions and half-logged-in
 * challenges (only their SHA-256 stored), every login attempt, and rate-limit counters shared by all API
 * instances.
 */
export class Authentication1764400000004 implements MigrationInterface {
  name = 'Authentication1764400000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE credentials (
        user_id varchar(64) PRIMARY KEY REFERENCES users(id),
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz,
        totp_secret_enc text,
        totp_enrolled_at timestamptz,
        totp_last_step bigint,
        failed_count int NOT NULL DEFAULT 0,
        first_failed_at timestamptz,
        locked_until timestamptz,
        CHECK ((totp_secret_enc IS NULL) = (totp_enrolled_at IS NULL))
      )`);
    await db.query(`
      CREATE TABLE sessions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        token_hash char(64) NOT NULL UNIQUE,
        user_id varchar(64) NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason varchar(32),
        client_address varchar(64)
      )`);
    await db.query(`CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL`);
    await db.query(`
      CREATE TABLE auth_challenges (
        token_hash char(64) PRIMARY KEY,
        user_id varchar(64) NOT NULL REFERENCES users(id),
        stage varchar(16) NOT NULL CHECK (stage IN ('totp', 'enrol', 'changePassword')),
        totp_verified boolean NOT NULL DEFAULT false,
        pending_totp_secret_enc text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX auth_challenges_expiry ON auth_challenges (expires_at)`);
    await db.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id varchar(64) REFERENCES users(id),
        username varchar(128) NOT NULL,
        stage varchar(16) NOT NULL,
        outcome varchar(32) NOT NULL,
        client_address varchar(64),
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_attempts_user ON login_attempts (user_id, attempted_at DESC)`);
    await db.query(`CREATE INDEX login_attempts_time ON login_attempts (attempted_at DESC)`);
    await db.query(`
      CREATE TABLE rate_limits (
        key varchar(200) NOT NULL,
        window_start timestamptz NOT NULL,
        count int NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);
    await db.query(`CREATE INDEX rate_limits_window ON rate_limits (window_start)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['rate_limits', 'login_attempts', 'auth_challenges', 'sessions', 'credentials']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
