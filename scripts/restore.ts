import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { migrateDatabase, provisionDatabase } from '../libs/persistence/src/database-setup';
import { startEmbeddedPostgres } from '../libs/persistence/src/embedded-postgres';
import {
  BACKUP_FILES,
  openSealedArchive,
  PG_RESTORE,
  postgresClientTool,
  readBackupPassphrase,
  readVerifiedManifest,
  splitPassword,
} from '../libs/persistence/src/backup';

/**
 * `npm run restore -- --from <archive> --data <folder> [--passphrase-file <file>]` (or BACKUP_PASSPHRASE):
 * opens an archive of `npm run backup`, checks every file against its manifest, and lays it out as a data
 * folder of `npm start`: a new PostgreSQL cluster with the dump restored (new passwords, grants applied),
 * the Temporal dev server's store and the keys. Refuses a folder that is not empty.
 * Then `DATA_DIR=<folder> npm start` goes on where the backup was taken, on whatever ports it is given.
 */
const run = promisify(execFile);

function say(line: string): void {
  process.stdout.write(`[restore] ${line}\n`);
}

function assertFreshFolder(folder: string): void {
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0) {
    throw new Error(
      `目标文件夹不为空 / ${folder} is not empty: restore only into a new or empty folder (nothing was changed)`,
    );
  }
}

async function restorePostgres(dataDir: string, dump: string): Promise<void> {
  const pgRestore = postgresClientTool(PG_RESTORE);
  fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  const postgres = await startEmbeddedPostgres({
    dataDir,
    logFile: path.join(dataDir, 'logs', 'postgres.log'),
  });
  try {
    const urls = await provisionDatabase(postgres.superuserUrl, postgres.credentials);
    const { url, password } = splitPassword(urls.ownerUrl);
    await run(
      pgRestore.path,
      ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, dump],
      { env: { ...process.env, PGPASSWORD: password } },
    );
    // Grants for the application role, and a check that no migration is pending or unknown.
    await migrateDatabase(urls);
  } finally {
    await postgres.stop();
  }
}

function placeFile(from: string, to: string, mode: number): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  fs.chmodSync(to, mode);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      data: { type: 'string' },
      'passphrase-file': { type: 'string' },
    },
  });
  if (!values.from || !values.data)
    throw new Error('用法 / usage: npm run restore -- --from <archive> --data <folder>');
  const started = Date.now();
  const dataDir = path.resolve(values.data);
  assertFreshFolder(dataDir);
  const passphrase = readBackupPassphrase(values['passphrase-file']);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-restore-'));
  let created = false;
  try {
    say(`解密并校验 / opening and checking ${values.from} …`);
    await openSealedArchive(path.resolve(values.from), staging, passphrase);
    const manifest = readVerifiedManifest(staging);
    say(
      `备份时间 / taken ${manifest.createdAtLocal}: ${manifest.counts.cases} cases, ${manifest.counts.caseEvents} events, PostgreSQL ${manifest.postgres.serverVersion}`,
    );
    created = !fs.existsSync(dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as the `postgres` user when we are root
    const member = (name: string) => path.join(staging, name);
    placeFile(member(BACKUP_FILES.payloadKeys), path.join(dataDir, BACKUP_FILES.payloadKeys), 0o600);
    placeFile(member(BACKUP_FILES.blindIndexKey), path.join(dataDir, BACKUP_FILES.blindIndexKey), 0o600);
    fs.chmodSync(path.join(dataDir, 'keys'), 0o700);
    placeFile(member(BACKUP_FILES.temporalStore), path.join(dataDir, BACKUP_FILES.temporalStore), 0o644);
    say('恢复 PostgreSQL（新集群）/ restoring PostgreSQL into a new cluster …');
    await restorePostgres(dataDir, member(BACKUP_FILES.postgresDump));
    say(
      `恢复完成 / restored into ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s; start it with DATA_DIR=${dataDir} npm start`,
    );
  } catch (error) {
    // Nothing half-restored is left for a later start to pick up.
    if (created) fs.rmSync(dataDir, { recursive: true, force: true });
    else if (fs.existsSync(dataDir))
      for (const name of fs.readdirSync(dataDir))
        fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    throw error;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(
      `[restore] 恢复失败 / restore failed: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exit(1);
  },
);
