import { Connection } from '@temporalio/client';
import { Client } from 'pg';
import { type AppConfig } from '../../libs/config/src';
import { loadBlindIndexKey } from '../../libs/persistence/src/blind-index-key';
import { temporalConnectionOptions } from '../../libs/temporal/src/connection';
import { loadPayloadKeyRing } from '../../libs/temporal/src/codec/key-ring';

/**
 * With an external PostgreSQL or Temporal the stores are backed up by their own means (PITR, the
 * cluster's persistence database): this checks what it can reach and says what to back up, and how.
 */
export async function checkExternalStores(config: AppConfig, say: (line: string) => void): Promise<void> {
  say('外部存储：只检查并给出说明，不写备份文件 / external stores: checks and instructions only, no archive');
  const ring = loadPayloadKeyRing(config);
  loadBlindIndexKey(config);
  say(`✓ 密钥可读 / keys readable (payload keys ${ring.keyIds.join(', ')}, active ${ring.activeKeyId})`);
  say(
    '  → 密钥保存在密钥库中，每次轮换后另存一份 / keep them in the secret store; save a copy after every rotation',
  );
  if (config.DATABASE_URL) {
    const client = new Client({ connectionString: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; archive: string; level: string }>(
        `SELECT current_setting('server_version') AS version, current_setting('archive_mode') AS archive,
                current_setting('wal_level') AS level`,
      );
      const { version, archive, level } = rows[0]!;
      say(`✓ PostgreSQL ${version} 可连接 / reachable (wal_level=${level}, archive_mode=${archive})`);
      if (archive === 'off')
        say(
          '  ! 未开启 WAL 归档 / WAL archiving is off: no point-in-time recovery (see docs/operations.md#backup-and-restore)',
        );
      say(
        '  → 基础备份 + WAL 归档（PITR）/ base backups plus WAL archiving (PITR), e.g. pgBackRest or the provider’s',
      );
    } finally {
      await client.end();
    }
  }
  if (config.TEMPORAL_ADDRESS) {
    const connection = await Connection.connect(temporalConnectionOptions(config, config.TEMPORAL_ADDRESS));
    try {
      const described = await connection.workflowService.describeNamespace({
        namespace: config.TEMPORAL_NAMESPACE,
      });
      const seconds = Number(described.config?.workflowExecutionRetentionTtl?.seconds ?? 0);
      say(
        `✓ Temporal ${config.TEMPORAL_ADDRESS} 命名空间 ${config.TEMPORAL_NAMESPACE} 可达 / namespace reachable (retention ${Math.round(seconds / 86400)} d)`,
      );
      say(
        '  → 备份 Temporal 的持久化数据库（PostgreSQL/MySQL/Cassandra）/ back up the cluster’s persistence database by its own means',
      );
    } finally {
      await connection.close();
    }
  }
  say('  → 两者在同一时间点附近备份；恢复后客户端重试会补完未应答的登记 / take both at about the same time');
}
