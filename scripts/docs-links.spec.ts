import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const PAGES = [
  'README.md',
  'deploy/README.md',
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's heading anchor: lower case, punctuation dropped (letters of any script kept), spaces → hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => headingAnchor(match[1]!)));
}

/** Every relative link (and its #anchor) in the README, docs/ and deploy/README.md, as [page, link]. */
function brokenLinks(): string[] {
  const broken: string[] = [];
  for (const page of PAGES) {
    const text = withoutCode(fs.readFileSync(path.join(ROOT, page), 'utf8'));
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // https:, mailto:
      const [file, anchor] = target!.split('#') as [string, string | undefined];
      const resolved =
        file === '' ? path.join(ROOT, page) : path.resolve(path.dirname(path.join(ROOT, page)), file);
      if (!fs.existsSync(resolved)) broken.push(`${page} → ${target}`);
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(decodeURIComponent(anchor)))
        broken.push(`${page} → ${target} (no such heading)`);
    }
  }
  return broken;
}

describe('the documentation', () => {
  it('computes anchors the way GitHub does', () => {
    expect(headingAnchor('Keys: generate once, back up, never lose')).toBe(
      'keys-generate-once-back-up-never-lose',
    );
    expect(headingAnchor('Case attachments (附件)')).toBe('case-attachments-附件');
    expect(headingAnchor("Supervisors' metrics")).toBe('supervisors-metrics');
  });

  it('has no relative link to a missing file or heading', () => {
    expect(brokenLinks()).toEqual([]);
  });

  it('keeps the README short: at most 12 KB, the rest in docs/', () => {
    expect(fs.statSync(path.join(ROOT, 'README.md')).size).toBeLessThanOrEqual(12 * 1024);
  });

  it('shows in docs/console.md only screenshots the console tests save', () => {
    const page = fs.readFileSync(path.join(ROOT, 'docs/console.md'), 'utf8');
    const shown = [...page.matchAll(/\]\(screenshots\/([^)]+)\.png\)/g)].map((match) => match[1]!);
    const tests = fs
      .readdirSync(path.join(ROOT, 'test'))
      .filter((name) => name.startsWith('web-console') && name.endsWith('.test.ts'))
      .map((name) => fs.readFileSync(path.join(ROOT, 'test', name), 'utf8'))
      .join('\n');
    const saved = new Set([...tests.matchAll(/screenshot\(\w+, '([\w-]+)'/g)].map((match) => match[1]!));
    expect(shown.length).toBeGreaterThanOrEqual(15);
    expect(shown.filter((name) => !saved.has(name))).toEqual([]);
  });
});
