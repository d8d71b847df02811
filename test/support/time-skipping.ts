import { TestWorkflowEnvironment } from '@temporalio/testing';
import { testServers, TIME_SKIPPING_SLOTS, type TimeSkippingSlot } from './test-env';

export { type TimeSkippingSlot } from './test-env';

/**
 * Connects to this test file's own time-skipping server (started once per run by global setup).
 * The SDK's public factories either spawn a server or connect without time skipping; the general
 * factory they share accepts an existing server with time skipping, so we call it directly.
 */
export async function connectTimeSkipping(slot: TimeSkippingSlot): Promise<TestWorkflowEnvironment> {
  const address = testServers().timeSkippingAddresses[TIME_SKIPPING_SLOTS.indexOf(slot)];
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
