import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Brings files out of Debian packages into a project folder without installing anything system-wide:
 * apt fetches the .deb files (checked against its signed package lists), `dpkg-deb -x` unpacks them.
 */
export class DebianPackageError extends Error {
  override readonly name = 'DebianPackageError';
}

export interface PinnedDebianPackage {
  name: string;
  version: string;
  /** SHA-256 of the .deb file, so a rebuilt package under the same version is refused. */
  sha256: string;
}

const APT_OPTIONS = ['-qq', '-o', 'DPkg::Lock::Timeout=120'];

function run(command: string, args: string[], cwd: string): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`.trim();
  return { ok: result.status === 0, output };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Runs an apt command; when it fails on a machine whose package lists are missing or stale, refreshes them once (root only). */
function runApt(args: string[], cwd: string, what: string): void {
  let attempt = run('apt-get', [...APT_OPTIONS, ...args], cwd);
  if (!attempt.ok && isRoot()) {
    const update = run('apt-get', [...APT_OPTIONS, 'update'], cwd);
    if (!update.ok) throw new DebianPackageError(`apt-get update failed (${what}): ${update.output}`);
    attempt = run('apt-get', [...APT_OPTIONS, ...args], cwd);
  }
  if (!attempt.ok) {
    throw new DebianPackageError(
      `could not download ${what} with apt-get${isRoot() ? '' : ' (not root: run "apt-get update" as root first)'}: ${attempt.output}`,
    );
  }
}

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function debFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.deb'))
    .map((name) => path.join(dir, name));
}

/** A fresh download folder that apt's unprivileged `_apt` user may write into. */
function downloadFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-deb-'));
  fs.chmodSync(dir, 0o777);
  return dir;
}

/** Unpacks every .deb into a staging folder, then renames it to `target` (a finished install is the folder itself). */
function unpackInto(debs: string[], target: string): void {
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  for (const deb of debs) {
    const unpacked = run('dpkg-deb', ['-x', deb, staging], staging);
    if (!unpacked.ok)
      throw new DebianPackageError(`dpkg-deb -x ${path.basename(deb)} failed: ${unpacked.output}`);
  }
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    // Another process finished the same install first.
    if (!fs.existsSync(target)) throw error;
  }
}

/** Downloads exactly the pinned versions, checks their SHA-256, and unpacks them into `target`. */
export function installPinnedDebianPackages(packages: readonly PinnedDebianPackage[], target: string): void {
  const downloads = downloadFolder();
  try {
    const specs = packages.map((pkg) => `${pkg.name}=${pkg.version}`);
    runApt(['download', ...specs], downloads, specs.join(' '));
    const debs = debFiles(downloads);
    // Only the files whose hashes were checked are unpacked, whatever else lands in the folder.
    const verified = packages.map((pkg) => {
      const deb = debs.find((file) => path.basename(file).startsWith(`${pkg.name}_`));
      const actual = deb && sha256Of(deb);
      if (!deb || actual !== pkg.sha256) {
        throw new DebianPackageError(
          `${pkg.name}=${pkg.version}: SHA-256 ${actual ?? '(not downloaded)'} is not the pinned ${pkg.sha256}`,
        );
      }
      return deb;
    });
    unpackInto(verified, target);
  } finally {
    fs.rmSync(downloads, { recursive: true, force: true });
  }
}

/**
 * Downloads the current version of a package together with those of its dependencies that this machine
 * lacks (apt resolves them, as for an install), and unpacks them all into `target`.
 */
export function installDebianPackageWithMissingDependencies(name: string, target: string): void {
  const downloads = downloadFolder();
  try {
    runApt(
      [
        'install',
        '--download-only',
        '--no-install-recommends',
        '-y',
        '-o',
        `Dir::Cache::archives=${downloads}`,
        name,
      ],
      downloads,
      name,
    );
    const debs = debFiles(downloads);
    if (debs.length === 0) throw new DebianPackageError(`apt-get downloaded nothing for ${name}`);
    unpackInto(debs, target);
  } finally {
    fs.rmSync(downloads, { recursive: true, force: true });
  }
}
