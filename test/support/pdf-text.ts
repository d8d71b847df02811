import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../libs/config/src';
import { installDebianPackageWithMissingDependencies } from '../../libs/notices/src/debian-package';

/**
 * Reads PDFs with poppler's pdftotext and pdffonts (a real reader, independent of the PDF writer).
 * Resolution: poppler-utils unpacked into .tools/poppler-utils → pdftotext on PATH → unpack it there now
 * (Debian's current poppler-utils plus whichever of its libraries this machine lacks; no root install).
 */
const POPPLER_DIR = path.join(PROJECT_ROOT, '.tools', 'poppler-utils');

interface Poppler {
  /** The folder of the poppler programs; undefined: they are on PATH. */
  binDir?: string;
  env: NodeJS.ProcessEnv;
}

function program(tool: Poppler, name: 'pdftotext' | 'pdffonts'): string {
  return tool.binDir ? path.join(tool.binDir, name) : name;
}

function projectCopy(): Poppler {
  const libDirs = ['usr/lib', 'lib']
    .map((dir) => path.join(POPPLER_DIR, dir))
    .flatMap((dir) =>
      fs.existsSync(dir) ? [dir, ...fs.readdirSync(dir).map((name) => path.join(dir, name))] : [],
    )
    .filter((dir) => fs.statSync(dir).isDirectory());
  const libraryPath = [...libDirs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter);
  return {
    binDir: path.join(POPPLER_DIR, 'usr', 'bin'),
    env: { ...process.env, LD_LIBRARY_PATH: libraryPath },
  };
}

function works(tool: Poppler): boolean {
  return spawnSync(program(tool, 'pdftotext'), ['-v'], { env: tool.env, stdio: 'ignore' }).status === 0;
}

function unresolvedLibraries(tool: Poppler): string {
  const ldd = spawnSync('ldd', [program(tool, 'pdftotext')], { env: tool.env, encoding: 'utf8' });
  return (ldd.stdout ?? '')
    .split('\n')
    .filter((line) => line.includes('not found'))
    .map((line) => line.trim())
    .join('; ');
}

let resolved: Poppler | undefined;

/** Finds or installs pdftotext; throws saying what is missing. */
export function ensurePdftotext(): Poppler {
  if (resolved) return resolved;
  const local = projectCopy();
  if (works(local)) return (resolved = local);
  const onPath: Poppler = { env: process.env };
  if (works(onPath)) return (resolved = onPath);
  fs.rmSync(POPPLER_DIR, { recursive: true, force: true });
  installDebianPackageWithMissingDependencies('poppler-utils', POPPLER_DIR);
  const installed = projectCopy();
  if (!works(installed)) {
    throw new Error(
      `pdftotext unpacked into ${POPPLER_DIR} does not run (missing: ${unresolvedLibraries(installed) || 'unknown'}); ` +
        'install it with apt-get install -y poppler-utils',
    );
  }
  return (resolved = installed);
}

function runOnPdf(name: 'pdftotext' | 'pdffonts', pdf: Buffer, args: (file: string) => string[]): string {
  const tool = ensurePdftotext();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync(program(tool, name), args(file), { env: tool.env, encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text in reading order, as pdftotext extracts it (UTF-8; pages end with a form feed). */
export function pdfText(pdf: Buffer): string {
  return runOnPdf('pdftotext', pdf, (file) => ['-enc', 'UTF-8', file, '-']);
}

/** pdffonts' table of the fonts the PDF uses: name, type, encoding, embedded, subset, ToUnicode. */
export function pdfFonts(pdf: Buffer): string {
  return runOnPdf('pdffonts', pdf, (file) => [file]);
}

/** Text with all white space removed, so a phrase wrapped across lines still matches. */
export function withoutSpace(text: string): string {
  return text.replace(/\s+/gu, '');
}
