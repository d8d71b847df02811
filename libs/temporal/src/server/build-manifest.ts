import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

/** What a build of the Temporal server produced, written beside the binaries and checked on each use. */
export interface BuildManifest {
  version: string;
  toolchain: string;
  builtAt: string;
  buildSeconds: number;
  /** File name (in the build folder) → sha256, hex. */
  sha256: Record<string, string>;
}

export interface BuildIdentity {
  version: string;
  toolchain: string;
  files: readonly string[];
}

export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Why a recorded build cannot be used, given the sha256 of the files as they are now (undefined: the
 * file is missing); an empty list means the build is the one wanted and intact.
 */
export function manifestProblems(
  manifest: unknown,
  wanted: BuildIdentity,
  actual: Record<string, string | undefined>,
): string[] {
  if (!isManifest(manifest)) return ['no readable manifest'];
  const problems: string[] = [];
  if (manifest.version !== wanted.version)
    problems.push(`built version ${manifest.version}, wanted ${wanted.version}`);
  if (manifest.toolchain !== wanted.toolchain)
    problems.push(`built with ${manifest.toolchain}, wanted ${wanted.toolchain}`);
  for (const file of wanted.files) {
    const recorded = manifest.sha256[file];
    const now = actual[file];
    if (!recorded) problems.push(`${file}: no recorded checksum`);
    else if (now === undefined) problems.push(`${file}: missing`);
    else if (now !== recorded) problems.push(`${file}: sha256 ${now} ≠ recorded ${recorded}`);
  }
  return problems;
}

function isManifest(value: unknown): value is BuildManifest {
  const candidate = value as Partial<BuildManifest> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.version === 'string' &&
    typeof candidate.toolchain === 'string' &&
    typeof candidate.sha256 === 'object' &&
    candidate.sha256 !== null
  );
}
