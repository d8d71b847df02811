import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ROLE, DATABASE_NAME, OWNER_ROLE } from './database-setup';

/**
 * The application role's URL of the embedded PostgreSQL that `npm start` keeps in `dataDir`, while it
 * runs: the port from the cluster's `postmaster.pid` (fourth line), the password from the credentials
 * file beside the cluster. Undefined when no such server is running.
 */
export function embeddedAppDatabaseUrl(dataDir: string): string | undefined {
  return embeddedDatabaseUrl(dataDir, 'app');
}

/** The same for the schema owner (backups, key rotation). */
export function embeddedOwnerDatabaseUrl(dataDir: string): string | undefined {
  return embeddedDatabaseUrl(dataDir, 'owner');
}

function embeddedDatabaseUrl(dataDir: string, as: 'app' | 'owner'): string | undefined {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const credentialsFile = path.join(dataDir, 'postgres-credentials.json');
  if (!fs.existsSync(pidFile) || !fs.existsSync(credentialsFile)) return undefined;
  const port = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const credentials = JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as {
    appPassword: string;
    ownerPassword: string;
  };
  const [role, password] =
    as === 'app' ? [APP_ROLE, credentials.appPassword] : [OWNER_ROLE, credentials.ownerPassword];
  return `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}
