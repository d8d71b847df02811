import * as fs from 'node:fs';

/** Stops every server global setup started and removes the run's folder. */
export default async function globalTeardown(): Promise<void> {
  const servers = globalThis.__PCE_SERVERS__;
  if (!servers) return;
  await Promise.all([
    servers.temporal.process.stop(),
    ...servers.timeSkipping.map((server) => server.process.stop()),
  ]);
  await servers.postgres.stop();
  fs.rmSync(servers.root, { recursive: true, force: true });
}
