import { parse } from 'yaml';
import { dynamicConfigYaml, SERVER_PORT_NAMES, type ServerPorts, serverConfigYaml } from './server-config';

describe('Temporal server config generation', () => {
  const ports = Object.fromEntries(
    SERVER_PORT_NAMES.map((name, k) => [name, 21_000 + k]),
  ) as unknown as ServerPorts;
  const input = {
    ports,
    db: {
      host: '127.0.0.1',
      port: 54_400,
      user: 'temporal',
      password: 'p@ss: "quoted"',
      database: 'temporal',
      visibilityDatabase: 'temporal_visibility',
    },
    numHistoryShards: 4,
    dynamicConfigFile: '/data/temporal-server/dynamicconfig.yaml',
  };
  const config = parse(serverConfigYaml(input));

  it('puts persistence and visibility on PostgreSQL with the given shards', () => {
    expect(config.persistence.numHistoryShards).toBe(4);
    const stores = config.persistence.datastores;
    const main = stores[config.persistence.defaultStore].sql;
    const visibility = stores[config.persistence.visibilityStore].sql;
    for (const store of [main, visibility]) {
      expect(store).toMatchObject({
        pluginName: 'postgres12',
        connectAddr: '127.0.0.1:54400',
        connectProtocol: 'tcp',
        user: 'temporal',
        password: 'p@ss: "quoted"', // survives YAML quoting
      });
    }
    expect(main.databaseName).toBe('temporal');
    expect(visibility.databaseName).toBe('temporal_visibility');
  });

  it('gives each service its own loopback ports and names the frontend in the cluster metadata', () => {
    const { frontend, history, matching, worker } = config.services;
    expect(frontend.rpc).toEqual({
      grpcPort: 21_000,
      httpPort: 21_001,
      membershipPort: 21_002,
      bindOnLocalHost: true,
    });
    expect(history.rpc).toEqual({ grpcPort: 21_003, membershipPort: 21_004, bindOnLocalHost: true });
    expect(matching.rpc).toEqual({ grpcPort: 21_005, membershipPort: 21_006, bindOnLocalHost: true });
    expect(worker.rpc).toEqual({ grpcPort: 21_007, membershipPort: 21_008, bindOnLocalHost: true });
    const cluster = config.clusterMetadata;
    expect(cluster.clusterInformation[cluster.currentClusterName]).toMatchObject({
      enabled: true,
      rpcAddress: '127.0.0.1:21000',
      httpAddress: '127.0.0.1:21001',
    });
    expect(config.global.membership.broadcastAddress).toBe('127.0.0.1');
  });

  it('points at the dynamic config file, keeps archival off and logs at warn by default', () => {
    expect(config.dynamicConfigClient.filepath).toBe('/data/temporal-server/dynamicconfig.yaml');
    expect(config.archival.history.state).toBe('disabled');
    expect(config.archival.visibility.state).toBe('disabled');
    expect(config.log.level).toBe('warn');
    expect(parse(serverConfigYaml({ ...input, logLevel: 'debug' })).log.level).toBe('debug');
  });

  it('makes newly added search attributes visible at once', () => {
    expect(parse(dynamicConfigYaml())['system.forceSearchAttributesCacheRefreshOnRead']).toEqual([
      { value: true, constraints: {} },
    ]);
  });
});
