import 'reflect-metadata';
import { ConfigError, loadConfig } from '../libs/config/src';
import { migrateDatabase } from '../libs/persistence/src';
import { prepareInitialAdministrator } from './initial-administrator';

/**
 * `node dist/scripts/migrate.js` (the image's `migrate` command): against an existing PostgreSQL, applies
 * pending migrations as the schema owner (MIGRATION_DATABASE_URL), grants the application role of
 * DATABASE_URL what it needs, and on the very first run prints the initial administrator's one-time
 * password. The apps never migrate at start; run this once per release, before them.
 */
function say(line: string): void {
  process.stdout.write(`[migrate] ${line}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new ConfigError(
      '配置错误 / invalid configuration: DATABASE_URL: the application role’s URL is required (its role receives the grants)',
    );
  }
  const urls = {
    appUrl: config.DATABASE_URL,
    ownerUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL,
  };
  await migrateDatabase(urls);
  say('数据库迁移完成 / migrations applied');
  for (const line of await prepareInitialAdministrator(urls)) say(line);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`[migrate] 迁移失败 / failed: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  },
);
