import { type DataConverter } from '@temporalio/common';
import { type TemporalEngine } from '../../libs/temporal/src/server/engine';
import {
  encryptingDataConverter,
  TEST_PAYLOAD_KEY_RING,
  TEST_PAYLOAD_KEY_RING_JSON,
} from '../../libs/temporal/src/codec';

/** What global setup started once for the whole run, passed to test workers through the environment. */
export interface TestServers {
  root: string;
  appDatabaseUrl: string;
  ownerDatabaseUrl: string;
  superuserDatabaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  /** `temporalAddress` is the dev server, or the real server under TEMPORAL_TARGET=server. */
  temporalEngine: TemporalEngine;
  timeSkippingAddresses: string[];
  workflowBundlePath: string;
}

const VARIABLE = 'PCE_TEST_SERVERS';

export function publishTestServers(servers: TestServers): void {
  process.env[VARIABLE] = JSON.stringify(servers);
}

export function testServers(): TestServers {
  const raw = process.env[VARIABLE];
  if (!raw)
    throw new Error(
      `${VARIABLE} is not set: run integration tests through jest (global setup starts the servers)`,
    );
  return JSON.parse(raw) as TestServers;
}

/**
 * The data converter every test's worker and client use: the production codec with the fixed TEST-ONLY key
 * ring (the Nest apps get the same ring through PAYLOAD_KEYS, see useSharedServers). Pass it as
 * `dataConverter` to Worker.create, new Client(...) and TestWorkflowEnvironment clients.
 */
export function testDataConverter(): DataConverter {
  return encryptingDataConverter(TEST_PAYLOAD_KEY_RING);
}

/** PAYLOAD_KEYS for apps started in tests: the fixed TEST-ONLY key ring. */
export const TEST_PAYLOAD_KEYS_ENV = JSON.stringify(TEST_PAYLOAD_KEY_RING_JSON);

/**
 * The test files that skip time, each with a time-skipping server of its own for the whole run: the
 * server's clock is global, and a file that shares it with another stalls when the other leaves work
 * behind, so servers are given per file rather than per jest worker.
 */
export const TIME_SKIPPING_SLOTS = ['caseClocks', 'transfers', 'probe'] as const;
export type TimeSkippingSlot = (typeof TIME_SKIPPING_SLOTS)[number];
