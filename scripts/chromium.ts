import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../libs/config/src';
import { installDebianPackageWithMissingDependencies } from '../libs/notices/src/debian-package';
import { ensureNoticeFont } from '../libs/notices/src/notice-font';

/**
 * Debian's headless Chromium for the end-to-end tests, unpacked into .tools/chromium with whichever of
 * its libraries this machine lacks (apt-get download + dpkg-deb -x; nothing installed system-wide).
 * Chinese text renders with the notice font (.tools/fonts) through a fontconfig file of our own.
 */
const CHROMIUM_DIR = path.join(PROJECT_ROOT, '.tools', 'chromium');
const PACKAGE = 'chromium-headless-shell';
const EXECUTABLE = path.join(CHROMIUM_DIR, 'usr', 'lib', 'chromium', 'chromium-headless-shell');

/** Flags for a closed network and a container without a GPU or a user namespace sandbox. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

export interface Chromium {
  executablePath: string;
  env: Record<string, string>;
}

/** Every folder under the unpacked lib folders (pulseaudio keeps its private library one level down). */
function libraryDirs(dir = CHROMIUM_DIR, depth = 0): string[] {
  if (depth === 0) {
    return ['usr/lib', 'lib'].flatMap((sub) => libraryDirs(path.join(CHROMIUM_DIR, sub), 1));
  }
  if (!fs.existsSync(dir) || depth > 3) return [];
  const children = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => libraryDirs(path.join(dir, entry.name), depth + 1));
  return [dir, ...children];
}

function fontConfigFile(): string {
  const fontFile = ensureNoticeFont({});
  const file = path.join(CHROMIUM_DIR, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.dirname(fontFile)}</dir>
  <cachedir>${path.join(CHROMIUM_DIR, 'font-cache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}

function environment(): Record<string, string> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const libraryPath = [...libraryDirs(), process.env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter);
  return { ...env, LD_LIBRARY_PATH: libraryPath, FONTCONFIG_FILE: fontConfigFile() };
}

/** The shared libraries the dynamic linker cannot find for the unpacked browser ('' when none). */
export function unresolvedLibraries(env: Record<string, string>): string {
  const ldd = spawnSync('ldd', [EXECUTABLE], { env, encoding: 'utf8' });
  return (ldd.stdout ?? '')
    .split('\n')
    .filter((line) => line.includes('not found'))
    .map((line) => line.trim())
    .join('; ');
}

function runs(env: Record<string, string>): boolean {
  return (
    fs.existsSync(EXECUTABLE) && spawnSync(EXECUTABLE, ['--version'], { env, stdio: 'ignore' }).status === 0
  );
}

/** Finds or installs the browser; throws naming what is missing. */
export function ensureChromium(): Chromium {
  if (!fs.existsSync(EXECUTABLE) || !runs(environment())) {
    fs.rmSync(CHROMIUM_DIR, { recursive: true, force: true });
    installDebianPackageWithMissingDependencies(PACKAGE, CHROMIUM_DIR);
  }
  const env = environment();
  if (!runs(env)) {
    throw new Error(
      `${PACKAGE} unpacked into ${CHROMIUM_DIR} does not run (missing libraries: ${unresolvedLibraries(env) || 'none'})`,
    );
  }
  return { executablePath: EXECUTABLE, env };
}
