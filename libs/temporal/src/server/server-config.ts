import { stringify } from 'yaml';

/** Every port one Temporal server process (all four services) listens on; all on 127.0.0.1. */
export interface ServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

export const SERVER_PORT_NAMES: readonly (keyof ServerPorts)[] = [
  'frontend',
  'frontendHttp',
  'frontendMembership',
  'history',
  'historyMembership',
  'matching',
  'matchingMembership',
  'worker',
  'workerMembership',
];

export interface ServerDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Persistence (history, executions, shards …). */
  database: string;
  /** SQL visibility (list and count workflows by search attribute). */
  visibilityDatabase: string;
}

export interface ServerConfigInput {
  ports: ServerPorts;
  db: ServerDatabase;
  /** Fixed for the life of the database: a different count on an existing store is refused by the server. */
  numHistoryShards: number;
  dynamicConfigFile: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

const HOST = '127.0.0.1';

function sqlStore(db: ServerDatabase, database: string, maxConns: number) {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: `${db.host}:${db.port}`,
      connectProtocol: 'tcp',
      user: db.user,
      password: db.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

function service(grpcPort: number, membershipPort: number, httpPort?: number) {
  return {
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...(httpPort ? { httpPort } : {}) },
  };
}

/**
 * The server's config file: PostgreSQL persistence and SQL visibility, one cluster, loopback only,
 * no archival, no metrics listener (issue 15 point 4 adds metrics), the dynamic config file beside it.
 */
export function serverConfigYaml(input: ServerConfigInput): string {
  const { ports, db } = input;
  const frontendAddress = `${HOST}:${ports.frontend}`;
  const config = {
    log: { stdout: true, level: input.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: input.numHistoryShards,
      datastores: {
        'postgres-default': sqlStore(db, db.database, 20),
        'postgres-visibility': sqlStore(db, db.visibilityDatabase, 4),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: HOST },
      pprof: { port: 0 },
    },
    services: {
      frontend: service(ports.frontend, ports.frontendMembership, ports.frontendHttp),
      history: service(ports.history, ports.historyMembership),
      matching: service(ports.matching, ports.matchingMembership),
      worker: service(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: frontendAddress,
          httpAddress: `${HOST}:${ports.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
    dynamicConfigClient: { filepath: input.dynamicConfigFile, pollInterval: '10s' },
  };
  return stringify(config);
}

/**
 * Dynamic config: search attributes added through the operator service are visible to the very next
 * call (as on the dev server), instead of after the frontend's cache refresh.
 */
export function dynamicConfigYaml(): string {
  return stringify({
    'system.forceSearchAttributesCacheRefreshOnRead': [{ value: true, constraints: {} }],
    'limit.maxIDLength': [{ value: 255, constraints: {} }],
  });
}
