import 'reflect-metadata';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { BenchStack } from './bench/bench-stack';
import { benchMain } from './bench/bench-main';
import { machine, progress, report } from './bench/load';

/**
 * `npm run bench:restore -- [--cases 300]`: the demo organisation with N demo cases worked through their
 * workflows, then `npm run backup` of the running stack, `npm run restore` into a new folder, and a
 * stack started on it. Prints how long each step took, the archive's size and the write pause.
 */
const run = promisify(execFile);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

benchMain(async (stack) => {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '300' } } });
  const cases = Number(values.cases);
  await stack.seedDemoCases(cases, progress);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-bench-restore-'));
  fs.chmodSync(work, 0o755);
  const env = { ...process.env, BACKUP_PASSPHRASE: 'bench passphrase 0123456789', DATA_DIR: stack.dataDir };
  const archive = path.join(work, 'bench.pcebak');
  const restored = path.join(work, 'restored');
  try {
    let started = Date.now();
    const backup = await run(process.execPath, [path.join(__dirname, 'backup.js'), '--out', archive], {
      env,
    });
    const backupMs = Date.now() - started;
    const pausedMs = Number(/paused (\d+) ms/.exec(backup.stdout)?.[1]);
    started = Date.now();
    await run(process.execPath, [path.join(__dirname, 'restore.js'), '--from', archive, '--data', restored], {
      env,
    });
    const restoreMs = Date.now() - started;
    const second = await BenchStack.start({ dataDir: restored, say: progress });
    const readyMs = Date.now() - started;
    const [{ n }] = await second.owner.query(`SELECT count(*)::int AS n FROM cases`);
    await second.stop();
    const summary = {
      bench: 'restore',
      machine: machine(),
      cases: n,
      archiveMB: Math.round(fs.statSync(archive).size / 1024 / 10.24) / 100,
      backupSeconds: seconds(backupMs),
      writePauseMs: pausedMs,
      restoreSeconds: seconds(restoreMs),
      restoredStackReadySeconds: seconds(readyMs),
    };
    report(summary, {
      header: ['cases', 'archive MB', 'backup s', 'write pause ms', 'restore s', 'restored stack ready s'],
      rows: [
        [
          n,
          summary.archiveMB,
          summary.backupSeconds,
          pausedMs,
          summary.restoreSeconds,
          summary.restoredStackReadySeconds,
        ],
      ],
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
