import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BuildManifest, manifestProblems, sha256OfFile } from './build-manifest';
import {
  ensureTemporalServerBuild,
  goInstallArgs,
  projectCacheDir,
  TEMPORAL_SERVER_BUILD,
  temporalServerBuildDir,
  verifyTemporalServerBuild,
} from './server-build';

const wanted = { version: '1.32.2', toolchain: 'go1.27.3', files: ['server', 'sql'] };
const recorded: BuildManifest = {
  version: '1.32.2',
  toolchain: 'go1.27.3',
  builtAt: '2026-12-06T20:47:39.130Z',
  buildSeconds: 216,
  sha256: { server: 'aa', sql: 'bb' },
};

describe('build manifest checks', () => {
  it('accepts the pinned build with matching checksums', () => {
    expect(manifestProblems(recorded, wanted, { server: 'aa', sql: 'bb' })).toEqual([]);
  });

  it('names each reason a build cannot be used', () => {
    expect(manifestProblems(undefined, wanted, {})).toEqual(['no readable manifest']);
    expect(manifestProblems({ version: 1 }, wanted, {})).toEqual(['no readable manifest']);
    expect(
      manifestProblems({ ...recorded, version: '1.31.0', toolchain: 'go1.26.8' }, wanted, {
        server: 'aa',
        sql: 'bb',
      }),
    ).toEqual(['built version 1.31.0, wanted 1.32.2', 'built with go1.26.8, wanted go1.27.3']);
    expect(manifestProblems(recorded, wanted, { server: 'aa', sql: undefined })).toEqual(['sql: missing']);
    expect(manifestProblems(recorded, wanted, { server: 'ab', sql: 'bb' })).toEqual([
      'server: sha256 ab ≠ recorded aa',
    ]);
    expect(
      manifestProblems({ ...recorded, sha256: { server: 'aa' } }, wanted, { server: 'aa', sql: 'bb' }),
    ).toEqual(['sql: no recorded checksum']);
  });

  it('hashes files with sha256', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pce-sha-')), 'abc');
    fs.writeFileSync(file, 'abc');
    expect(sha256OfFile(file)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the Temporal server build cache', () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-cache-'));
  const env = { PCE_CACHE_DIR: cache, PATH: '/nonexistent' };
  const dir = temporalServerBuildDir(env);

  afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

  it('lives in PCE_CACHE_DIR, else ~/.cache/petition-case-engine, one folder per pinned version', () => {
    expect(dir).toBe(path.join(cache, 'temporal-server-v1.32.2'));
    expect(projectCacheDir({})).toBe(path.join(os.homedir(), '.cache', 'petition-case-engine'));
  });

  it('installs the pinned server and temporal-sql-tool', () => {
    expect(goInstallArgs()).toEqual([
      'install',
      'go.temporal.io/server/cmd/server@v1.32.2',
      'go.temporal.io/server/cmd/tools/sql@v1.32.2',
    ]);
    expect(TEMPORAL_SERVER_BUILD.toolchain).toBe('go1.27.3');
  });

  it('uses a recorded build without building and refuses a changed binary', () => {
    fs.mkdirSync(dir, { recursive: true });
    const sha256: Record<string, string> = {};
    for (const name of ['server', 'sql']) {
      fs.writeFileSync(path.join(dir, name), `#!/bin/sh\necho ${name}\n`, { mode: 0o755 });
      sha256[name] = sha256OfFile(path.join(dir, name));
    }
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...recorded, sha256 }));
    expect(verifyTemporalServerBuild(dir)).toEqual([]);
    // PATH has no `go`: a build attempt would throw, so answering proves nothing was built.
    expect(ensureTemporalServerBuild(env)).toEqual({
      server: path.join(dir, 'server'),
      sqlTool: path.join(dir, 'sql'),
      dir,
    });

    fs.appendFileSync(path.join(dir, 'sql'), '# tampered\n');
    expect(verifyTemporalServerBuild(dir)).toEqual([
      expect.stringMatching(/^sql: sha256 [0-9a-f]{64} ≠ recorded/),
    ]);
    expect(() => ensureTemporalServerBuild(env)).toThrow(
      /building the Temporal server failed.*GOBIN=.*go install/,
    );
  });
});
