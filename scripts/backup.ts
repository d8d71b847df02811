import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { Client, type ClientBase } from 'pg';
import { type AppConfig, loadConfig, PROJECT_ROOT } from '../libs/config/src';
import { formatLocalDateTime } from '../libs/domain/src/clock/time-zone';
import { DATABASE_NAME } from '../libs/persistence/src/database-setup';
import { embeddedOwnerDatabaseUrl } from '../libs/persistence/src/running-database';
import {
  BACKUP_FILES,
  type BackupManifest,
  copySqliteOnline,
  describeFiles,
  MANIFEST_FILE,
  PG_DUMP,
  postgresClientTool,
  type PostgresClientTool,
  assertToolFitsServer,
  readBackupPassphrase,
  sealFolder,
  splitPassword,
  sqliteShell,
  withWritesPaused,
} from '../libs/persistence/src/backup';
import { checkExternalStores } from './backup/external-check';
import { embeddedKeys } from './backup/embedded-keys';

/**
 * `npm run backup -- [--out <file>] [--passphrase-file <file>]` (or BACKUP_PASSPHRASE): while `npm start`
 * runs on the embedded default, writes one dated archive sealed with the passphrase holding the
 * PostgreSQL dump, the Temporal dev server's store and the key files, with a manifest of versions and
 * checksums. Both stores are copied while writes to PostgreSQL wait (see write-pause.ts), so the two
 * copies agree. With an external PostgreSQL or Temporal it checks them and prints what to back up there.
 */
const run = promisify(execFile);

function say(line: string): void {
  process.stdout.write(`[backup] ${line}\n`);
}

function defaultArchiveName(at: Date, timeZone: string): string {
  const stamp = formatLocalDateTime(at.getTime(), timeZone, { seconds: true })
    .replaceAll('-', '')
    .replaceAll(':', '')
    .replace(' ', '-');
  return `petition-backup-${stamp}.pcebak`;
}

async function snapshotCounts(client: ClientBase): Promise<BackupManifest['counts']> {
  const { rows } = await client.query<{ cases: number; events: number }>(
    `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events`,
  );
  return { cases: rows[0]!.cases, caseEvents: rows[0]!.events };
}

async function backupEmbedded(config: AppConfig, outFile: string, passphrase: string): Promise<void> {
  const started = Date.now();
  const ownerUrl = embeddedOwnerDatabaseUrl(config.dataDir);
  if (!ownerUrl) {
    throw new Error(
      `PostgreSQL 未运行 / the embedded PostgreSQL of ${config.dataDir} is not running: run npm start first (the backup is taken online)`,
    );
  }
  const temporalStore = path.join(config.dataDir, 'temporal', 'temporal.db');
  if (!fs.existsSync(temporalStore))
    throw new Error(`Temporal 存储不存在 / no Temporal store at ${temporalStore}`);
  const keys = embeddedKeys(config);
  say('准备工具 / preparing tools (pg_dump 18, sqlite3) …');
  const pgDump = postgresClientTool(PG_DUMP);
  const sqlite = sqliteShell();

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-backup-'));
  try {
    fs.mkdirSync(path.join(staging, 'temporal'));
    fs.mkdirSync(path.join(staging, 'keys'), { mode: 0o700 });
    const { url, password } = splitPassword(ownerUrl);
    say('暂停写入并复制 PostgreSQL 与 Temporal / pausing writes, copying PostgreSQL and Temporal …');
    // Within the pause: a snapshot of PostgreSQL exported for pg_dump, and the Temporal copy; pg_dump then
    // reads that snapshot after writes have resumed, so the pause does not grow with the database.
    const exporter = new Client({ connectionString: ownerUrl, application_name: 'petition-backup-snapshot' });
    await exporter.connect();
    try {
      const { result, pausedMs } = await withWritesPaused(ownerUrl, async () => {
        await exporter.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const { rows } = await exporter.query<{
          snapshot: string;
          version: string;
          num: string;
          migration: string | null;
        }>(
          `SELECT pg_export_snapshot() AS snapshot, current_setting('server_version') AS version,
                  current_setting('server_version_num') AS num,
                  (SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1) AS migration`,
        );
        const counts = await snapshotCounts(exporter);
        copySqliteOnline(sqlite, temporalStore, path.join(staging, BACKUP_FILES.temporalStore));
        return { server: rows[0]!, counts };
      });
      say(`写入已恢复 / writes resumed (paused ${pausedMs} ms); 导出 PostgreSQL / dumping PostgreSQL …`);
      assertToolFitsServer(pgDump, Number(result.server.num));
      await run(
        pgDump.path,
        [
          '--format=custom',
          `--snapshot=${result.server.snapshot}`,
          `--file=${path.join(staging, BACKUP_FILES.postgresDump)}`,
          `--dbname=${url}`,
        ],
        { env: { ...process.env, PGPASSWORD: password } },
      );
      await exporter.query('COMMIT');
      await writeArchive({
        config,
        staging,
        outFile,
        passphrase,
        keys,
        pgDump,
        sqlite,
        result,
        pausedMs,
        started,
      });
    } finally {
      await exporter.end().catch(() => undefined);
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

interface Snapshot {
  server: { version: string; migration: string | null };
  counts: BackupManifest['counts'];
}

/** The keys and the manifest beside the two copies in `staging`, all sealed into `outFile`. */
async function writeArchive(job: {
  config: AppConfig;
  staging: string;
  outFile: string;
  passphrase: string;
  keys: ReturnType<typeof embeddedKeys>;
  pgDump: PostgresClientTool;
  sqlite: { version: string };
  result: Snapshot;
  pausedMs: number;
  started: number;
}): Promise<void> {
  const { config, staging, outFile, passphrase, keys, pgDump, sqlite, result, pausedMs, started } = job;
  fs.writeFileSync(path.join(staging, BACKUP_FILES.payloadKeys), `${JSON.stringify(keys.ring, null, 2)}\n`, {
    mode: 0o600,
  });
  fs.writeFileSync(path.join(staging, BACKUP_FILES.blindIndexKey), `${keys.blindIndexKey}\n`, {
    mode: 0o600,
  });

  const createdAt = new Date();
  const packageJson = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
  const manifest: BackupManifest = {
    format: 'petition-case-engine-backup',
    formatVersion: 1,
    createdAt: createdAt.toISOString(),
    createdAtLocal: `${formatLocalDateTime(createdAt.getTime(), config.TIME_ZONE, { seconds: true })} ${config.TIME_ZONE}`,
    app: { name: packageJson.name, version: packageJson.version },
    postgres: {
      serverVersion: result.server.version,
      dumpTool: pgDump.version,
      database: DATABASE_NAME,
      lastMigration: result.server.migration,
    },
    temporal: { store: 'dev-server-sqlite', namespace: config.TEMPORAL_NAMESPACE, sqlite: sqlite.version },
    keys: { payloadKeyIds: Object.keys(keys.ring.keys), activeKeyId: keys.ring.activeKeyId },
    counts: result.counts,
    writePauseMs: pausedMs,
    files: describeFiles(staging, Object.values(BACKUP_FILES)),
  };
  fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  say('加密打包 / sealing the archive …');
  await sealFolder(staging, [MANIFEST_FILE, ...Object.values(BACKUP_FILES)], outFile, passphrase);
  const bytes = fs.statSync(outFile).size;
  const size =
    bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  say(
    `备份完成 / backup written: ${outFile} (${size}; ${result.counts.cases} cases, ${result.counts.caseEvents} events; ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  });
  const config = loadConfig();
  if (config.DATABASE_URL || config.TEMPORAL_ADDRESS) {
    await checkExternalStores(config, say);
    return;
  }
  const passphrase = readBackupPassphrase(values['passphrase-file']);
  const outFile = path.resolve(values.out ?? defaultArchiveName(new Date(), config.TIME_ZONE));
  if (fs.existsSync(outFile)) throw new Error(`文件已存在 / ${outFile} exists; choose another --out`);
  await backupEmbedded(config, outFile, passphrase);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(
      `[backup] 备份失败 / backup failed: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exit(1);
  },
);
