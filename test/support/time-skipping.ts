import { TestWorkflowEnvironment } from '@temporalio/testing';
import { testServers } from './test-env';

/**
 * Connects to this jest worker's own time-skipping server (started once per run by global setup).
 * The SDK's public factories either spawn a server or connect without time skipping; the general
 * factory they share accepts an existing server with time skipping, so we call it directly.
 */
export async function connectTimeSkipping(): Promise<TestWorkflowEnvironment> {
  const addresses = testServers().timeSkippingAddresses;
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const address = addresses[(worker - 1) % addresses.length];
  const factory = TestWorkflowEnvironment as unknown as {
    create(options: Record<string, unknown>): Promise<TestWorkflowEnvironment>;
  };
  return factory.create({
    server: { type: 'existing' },
    address,
    supportsTimeSkipping: true,
    namespace: 'default',
  });
}
