import { Client } from 'pg';
import {
  type DatabaseUrls,
  migrateDatabase,
  provisionDatabase,
} from '../../libs/persistence/src/database-setup';
import { uniqueId } from './stack';
import { testServers } from './test-env';

export interface ScratchDatabase {
  urls: DatabaseUrls;
  drop(): Promise<void>;
}

/**
 * A migrated database of its own on the shared cluster, for a test that needs a system nobody else
 * writes to (e.g. "no administrator exists yet"), with the same owner and application roles.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const servers = testServers();
  const superuserUrl = servers.superuserDatabaseUrl.replace(/\/petition$/, '/postgres');
  const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
  const name = `petition_scratch_${uniqueId().toLowerCase()}`;
  const urls = await provisionDatabase(
    superuserUrl,
    { ownerPassword: passwordOf(servers.ownerDatabaseUrl), appPassword: passwordOf(servers.appDatabaseUrl) },
    name,
  );
  await migrateDatabase(urls);
  return {
    urls,
    drop: async () => {
      const client = new Client({ connectionString: superuserUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
