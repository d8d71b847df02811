/** What global setup started once for the whole run, passed to test workers through the environment. */
export interface TestServers {
  root: string;
  appDatabaseUrl: string;
  ownerDatabaseUrl: string;
  superuserDatabaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
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
