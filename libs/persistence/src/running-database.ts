import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ROLE, DATABASE_NAME } from './database-setup';

/**
 * The application role's URL of the embedded PostgreSQL that `npm start` keeps in `dataDir`, while it
 * runs: the port from the cluster's `postmaster.pid` (fourth line), the password from the credentials
 * file beside the cluster. Undefined when no such server is running.
 */
export function embeddedAppDatabaseUrl(dataDir: string): string | undefined {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const credentialsFile = path.join(dataDir, 'postgres-credentials.json');
  if (!fs.existsSync(pidFile) || !fs.existsSync(credentialsFile)) return undefined;
  const port = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const { appPassword } = JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as { appPassword: string };
  return `postgres://${APP_ROLE}:${encodeURIComponent(appPassword)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}
