import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { PROJECT_ROOT } from '../libs/config/src';

/**
 * Part of `npm run build`: builds the web console into dist/web with Vite, unless the last build is
 * newer than every source it was made from (the other scripts build before they run, and the console
 * changes far less often than they run).
 */
const WEB_SOURCES = ['apps/web', 'package-lock.json'];
const STAMP = path.join(PROJECT_ROOT, 'dist', 'web', '.built-at');

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .map((name) => newestChange(path.join(entry, name)))
    .reduce((newest, time) => Math.max(newest, time), stat.mtimeMs);
}

export function webBuildIsCurrent(): boolean {
  if (!fs.existsSync(STAMP)) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return WEB_SOURCES.every((source) => newestChange(path.join(PROJECT_ROOT, source)) <= built);
}

const VITE_BUILD = [
  path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
  'build',
  '--config',
  'apps/web/vite.config.mts',
  '--logLevel',
  'warn',
];

/** Text assets worth compressing; images and fonts already are. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Beside every text asset of the build, its brotli (.br, best quality) and gzip (.gz) forms, which the
 * API serves to browsers that accept them (vite has no compression of its own; no package needed).
 * Skips files whose compressed forms are already newer than them, so it is cheap to run every build.
 */
export function compressWebAssets(dir = path.join(PROJECT_ROOT, 'dist', 'web')): number {
  if (!fs.existsSync(dir)) return 0;
  let written = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const stat = fs.statSync(file);
    if (stat.size < 1024) continue;
    const content = fs.readFileSync(file);
    const forms: [string, () => Buffer][] = [
      [
        `${file}.br`,
        () =>
          zlib.brotliCompressSync(content, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
      ],
      [`${file}.gz`, () => zlib.gzipSync(content, { level: zlib.constants.Z_BEST_COMPRESSION })],
    ];
    for (const [target, compress] of forms) {
      if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= stat.mtimeMs) continue;
      fs.writeFileSync(target, compress());
      written += 1;
    }
  }
  return written;
}

function finishBuild(exit: number | null, signal: NodeJS.Signals | null): void {
  if (exit !== 0) throw new Error(`vite build failed (exit ${exit ?? signal})`);
  compressWebAssets();
  fs.writeFileSync(STAMP, new Date().toISOString());
}

export function buildWeb(): void {
  if (webBuildIsCurrent()) {
    compressWebAssets();
    return;
  }
  const vite = spawnSync(process.execPath, VITE_BUILD, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  finishBuild(vite.status, vite.signal);
}

/** The same build without blocking the caller, for the test setup that starts servers meanwhile. */
export async function buildWebInBackground(): Promise<void> {
  if (webBuildIsCurrent()) {
    compressWebAssets();
    return;
  }
  const vite = spawn(process.execPath, VITE_BUILD, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const [exit, signal] = (await once(vite, 'exit')) as [number | null, NodeJS.Signals | null];
  finishBuild(exit, signal);
}

if (require.main === module) {
  try {
    buildWeb();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
