import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { type AppConfig, loadConfig } from '../libs/config/src';
import { loadBlindIndexKey } from '../libs/persistence/src/blind-index-key';
import {
  FIRST_RESEAL_CURSOR,
  resealPersonalData,
  type ResealCursor,
} from '../libs/persistence/src/key-rotation';
import { PersonalDataProtector } from '../libs/persistence/src/personal-data';
import { embeddedOwnerDatabaseUrl } from '../libs/persistence/src/running-database';
import {
  KEY_RING_RECHECK_MS,
  PayloadKeyRing,
  readPayloadKeyRingFile,
  rotatePayloadKeyRing,
  writePayloadKeyRingFile,
} from '../libs/temporal/src/codec';
import { keyFiles } from './backup/embedded-keys';

/**
 * `npm run rotate-keys -- [--batch-size N] [--max-batches N] [--propagation-seconds S] [--progress-file F]
 * [--reseal-only]`: rotates the payload
 * key ring while the apps run. (1) A new key joins the ring file, not yet active, and the command waits
 * until every app has looked at the file again (they follow it, key-ring-file-follower.ts), so all can
 * decrypt it; (2) it becomes the active key, and again the command waits, so nothing new is sealed under
 * an old key; (3) every personal-data value at rest under an old key is re-sealed under the new one, in
 * batches. The progress is saved beside the ring after each step and batch: run it again after a stop
 * and it continues. Old keys stay in the ring, so old workflow histories still decode.
 */
interface RotationProgress {
  keyId: string;
  phase: 'added' | 'active' | 'done';
  reseal: ResealCursor;
  startedAt: string;
}

function say(line: string): void {
  process.stdout.write(`[rotate-keys] ${line}\n`);
}

function ownerUrlOf(config: AppConfig): string {
  if (config.DATABASE_URL) return config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
  const url = embeddedOwnerDatabaseUrl(config.dataDir);
  if (!url) {
    throw new Error(
      `PostgreSQL 未运行 / the embedded PostgreSQL of ${config.dataDir} is not running: rotate while npm start runs`,
    );
  }
  return url;
}

function saveProgress(file: string, progress: RotationProgress): void {
  const staging = `${file}.${process.pid}`;
  fs.writeFileSync(staging, `${JSON.stringify(progress, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(staging, file);
}

function readProgress(file: string): RotationProgress | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RotationProgress) : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      'batch-size': { type: 'string', default: '200' },
      'max-batches': { type: 'string' },
      'propagation-seconds': { type: 'string' },
      'progress-file': { type: 'string' },
      // The ring was rotated by other means (a secret store, rolled out): only re-seal under its active key.
      'reseal-only': { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  const ringFile = keyFiles(config).payloadKeysFile;
  if (!ringFile) {
    throw new Error(
      '密钥以 PAYLOAD_KEYS 内联给出，本命令无法改写 / the ring is given inline (PAYLOAD_KEYS): add the new key in the secret store, roll it out, make it active, roll out again — see docs/operations.md#rotating-keys',
    );
  }
  const progressFile = values['progress-file'] ?? path.join(path.dirname(ringFile), 'rotation-progress.json');
  // Twice the apps' re-check interval, and a margin: after it, every app that uses its ring has the new file.
  const propagationMs = values['propagation-seconds']
    ? Number(values['propagation-seconds']) * 1000
    : 2 * KEY_RING_RECHECK_MS + 1000;
  const batchSize = Number(values['batch-size']);
  const maxBatches = values['max-batches'] ? Number(values['max-batches']) : undefined;

  let progress = readProgress(progressFile);
  if (values['reseal-only']) {
    const activeKeyId = readPayloadKeyRingFile(ringFile).activeKeyId;
    if (progress?.keyId !== activeKeyId || progress.phase === 'done') {
      progress = {
        keyId: activeKeyId,
        phase: 'active',
        reseal: FIRST_RESEAL_CURSOR,
        startedAt: new Date().toISOString(),
      };
      saveProgress(progressFile, progress);
    } else say(`继续上次重新加密 / resuming the re-sealing under key ${activeKeyId}`);
  } else if (progress && progress.phase !== 'done')
    say(`继续上次轮换 / resuming the rotation to key ${progress.keyId}`);
  else {
    const ring = readPayloadKeyRingFile(ringFile);
    const rotated = rotatePayloadKeyRing(ring);
    const keys = new Map(rotated.keyIds.map((id) => [id, rotated.key(id)!]));
    writePayloadKeyRingFile(ringFile, new PayloadKeyRing(ring.activeKeyId, keys), { replace: true });
    progress = {
      keyId: rotated.activeKeyId,
      phase: 'added',
      reseal: FIRST_RESEAL_CURSOR,
      startedAt: new Date().toISOString(),
    };
    saveProgress(progressFile, progress);
    say(`① 新密钥已加入（尚未启用）/ new key ${progress.keyId} added to ${ringFile}, not yet active`);
    say(`  等待各应用读取 / waiting ${propagationMs / 1000} s for the apps to pick it up …`);
    await sleep(propagationMs);
  }
  if (progress.phase === 'added') {
    const ring = readPayloadKeyRingFile(ringFile);
    const keys = new Map(ring.keyIds.map((id) => [id, ring.key(id)!]));
    writePayloadKeyRingFile(ringFile, new PayloadKeyRing(progress.keyId, keys), { replace: true });
    progress = { ...progress, phase: 'active' };
    saveProgress(progressFile, progress);
    say(`② 新密钥已启用 / key ${progress.keyId} is now active; old keys stay for old histories`);
    say(`  等待各应用切换 / waiting ${propagationMs / 1000} s for the apps to switch …`);
    await sleep(propagationMs);
  }

  const ring = readPayloadKeyRingFile(ringFile);
  if (ring.activeKeyId !== progress.keyId) {
    throw new Error(
      `the ring's active key is ${ring.activeKeyId}, not ${progress.keyId}: was it changed by hand?`,
    );
  }
  const protector = new PersonalDataProtector(
    ring,
    loadBlindIndexKey({
      BLIND_INDEX_KEY: config.BLIND_INDEX_KEY,
      BLIND_INDEX_KEY_FILE: keyFiles(config).blindIndexKeyFile,
    }),
  );
  const db = new Client({ connectionString: ownerUrlOf(config), application_name: 'petition-rotate-keys' });
  await db.connect();
  try {
    say('③ 重新加密静态个人信息 / re-sealing personal data at rest …');
    const current = progress;
    const { finished, cursor } = await resealPersonalData(db, protector, current.reseal, {
      batchSize,
      maxBatches,
      save: (reseal) => saveProgress(progressFile, { ...current, reseal }),
      onProgress: (line) => say(`  ${line}`),
    });
    if (!finished) {
      say(
        `已暂停 / paused after ${maxBatches} batches (${cursor.resealed} re-sealed); run again to continue`,
      );
      return 0;
    }
    saveProgress(progressFile, { ...current, phase: 'done', reseal: cursor });
    say(
      `轮换完成 / rotation done: ${cursor.resealed} values re-sealed under ${progress.keyId}; back up the key file now`,
    );
    return 0;
  } finally {
    await db.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `[rotate-keys] 轮换失败 / failed: ${error instanceof Error ? error.message : error}\n`,
    );
    process.exit(1);
  },
);
