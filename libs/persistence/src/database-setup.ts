import { Client } from 'pg';
import { type DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { seedDefaultUnitIfEmpty } from './default-units';
import { applyGrants } from './grants';

export const DATABASE_NAME = 'petition';
export const OWNER_ROLE = 'pce_owner';
export const APP_ROLE = 'pce_app';

export interface DatabaseUrls {
  /** Owns the schema; runs migrations. */
  ownerUrl: string;
  /** The application's own non-owner, non-superuser role. */
  appUrl: string;
}

function urlFor(base: string, user: string, password: string, database: string): string {
  const url = new URL(base);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * On a cluster we control (embedded), create the owner and application roles and the database,
 * idempotently. Passwords are reset to the given ones so the credentials file stays the truth.
 */
export async function provisionDatabase(
  superuserUrl: string,
  passwords: { ownerPassword: string; appPassword: string },
  database = DATABASE_NAME,
): Promise<DatabaseUrls> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    for (const [role, password] of [
      [OWNER_ROLE, passwords.ownerPassword],
      [APP_ROLE, passwords.appPassword],
    ] as const) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`,
      );
    }
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!db.rowCount) {
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(database)} OWNER ${OWNER_ROLE} ENCODING 'UTF8' TEMPLATE template0`,
      );
    }
    await client.query(`REVOKE ALL ON DATABASE ${client.escapeIdentifier(database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${APP_ROLE}`);
  } finally {
    await client.end();
  }
  return {
    ownerUrl: urlFor(superuserUrl, OWNER_ROLE, passwords.ownerPassword, database),
    appUrl: urlFor(superuserUrl, APP_ROLE, passwords.appPassword, database),
  };
}

export class UnsuitableDatabaseError extends Error {
  override readonly name = 'UnsuitableDatabaseError';
}

/**
 * Chinese search needs a UTF-8 database whose character classification knows CJK letters:
 * under the C locale pg_trgm extracts no trigram from Chinese text.
 */
export async function assertChineseSearchWorks(db: DataSource): Promise<void> {
  const [encoding] = await db.query(
    `SELECT pg_encoding_to_char(encoding) AS encoding, datctype FROM pg_database WHERE datname = current_database()`,
  );
  if (encoding.encoding !== 'UTF8') {
    throw new UnsuitableDatabaseError(
      `数据库编码必须为 UTF8 / database encoding must be UTF8, found ${encoding.encoding}`,
    );
  }
  const [trigrams] = await db.query(`SELECT cardinality(show_trgm('信访事项')) AS n`);
  if (Number(trigrams.n) === 0) {
    throw new UnsuitableDatabaseError(
      `数据库区域设置不支持中文检索 / database locale (LC_CTYPE=${encoding.datctype}) extracts no trigrams from Chinese text; recreate it with a UTF-8 locale such as C.UTF-8`,
    );
  }
}

/** Runs pending migrations as the owner, then grants the application role exactly what it needs. */
export async function migrateDatabase(urls: DatabaseUrls): Promise<void> {
  const owner = createDataSource({ url: urls.ownerUrl, poolSize: 2, applicationName: 'petition-migrations' });
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: 'each' });
    await assertChineseSearchWorks(owner);
    const appRole = decodeURIComponent(new URL(urls.appUrl).username);
    const ownerRole = decodeURIComponent(new URL(urls.ownerUrl).username);
    if (appRole !== ownerRole) await applyGrants(owner, appRole);
    await seedDefaultUnitIfEmpty(owner);
  } finally {
    await owner.destroy();
  }
}
