import * as path from 'node:path';
import { startEmbeddedPostgres } from '../libs/persistence/src/embedded-postgres';

/**
 * Hosts the embedded PostgreSQL in its own process group, so the launcher decides when it stops
 * (after the apps have drained) rather than a terminal's Ctrl-C reaching it first.
 * embedded-postgres stops the server on SIGINT/SIGTERM; a vanished parent (IPC disconnect) counts as SIGTERM.
 */
async function main(): Promise<void> {
  const [dataDir, portArg] = process.argv.slice(2);
  if (!dataDir || !process.send)
    throw new Error('usage: spawned by the launcher with an IPC channel: postgres-host <dataDir> [port]');
  const running = await startEmbeddedPostgres({
    dataDir,
    port: portArg ? Number(portArg) : undefined,
    logFile: path.join(dataDir, 'logs', 'postgres.log'),
  });
  process.send({ port: running.port, superuserUrl: running.superuserUrl, credentials: running.credentials });
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`[postgres] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
