import { parseArgs } from 'node:util';
import { Connection } from '@temporalio/client';
import { loadConfig } from '../libs/config/src';
import {
  ensureNamespace,
  ensureSearchAttributes,
  requireTemporalAddress,
  temporalConnectionOptions,
} from '../libs/temporal/src';

/**
 * `node dist/scripts/setup-temporal.js [--retention-days 30]` (the image's `setup-temporal` command):
 * on an existing Temporal cluster, registers TEMPORAL_NAMESPACE if it is missing and adds the case
 * search attributes it lacks. Idempotent; connects with the apps' own settings (TLS, API key).
 */
function say(line: string): void {
  process.stdout.write(`[setup-temporal] ${line}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'retention-days': { type: 'string', default: '30' } } });
  const retentionDays = Number(values['retention-days']);
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(`--retention-days must be a whole number of days ≥ 1, got ${values['retention-days']}`);
  }
  const config = loadConfig();
  const address = requireTemporalAddress(config);
  const namespace = config.TEMPORAL_NAMESPACE;
  const connection = await Connection.connect(temporalConnectionOptions(config, address));
  try {
    const created = await ensureNamespace(connection, namespace, retentionDays);
    say(
      created
        ? `命名空间已创建 / namespace ${namespace} registered (retention ${retentionDays} days)`
        : `命名空间已存在 / namespace ${namespace} exists`,
    );
    const added = await ensureSearchAttributes(connection, namespace);
    say(
      added.length > 0
        ? `搜索属性已添加 / search attributes added: ${added.join(', ')}`
        : '搜索属性齐全 / search attributes already present',
    );
  } finally {
    await connection.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(
      `[setup-temporal] 失败 / failed: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exit(1);
  },
);
