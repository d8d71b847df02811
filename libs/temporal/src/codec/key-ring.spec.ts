import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig } from '../../../config/src';
import { assertBundleEncodesFailures, dataConverterFromConfig } from './data-converter';
import { ENCODED_FAILURES_MARKER } from './failure-converter';
import {
  defaultPayloadKeyRingFile,
  ensurePayloadKeyRingFile,
  generatePayloadKeyRing,
  loadPayloadKeyRing,
  PayloadKeyRing,
  readPayloadKeyRingFile,
  rotatePayloadKeyRing,
  writePayloadKeyRingFile,
} from './key-ring';
import { TEST_PAYLOAD_KEY_RING, TEST_PAYLOAD_KEY_RING_JSON } from './test-key-ring';

const KEY = Buffer.alloc(32, 7).toString('base64');
const ring = (keys: Record<string, string>, activeKeyId = Object.keys(keys)[0]) =>
  JSON.stringify({ activeKeyId, keys });

describe('payload keys as typed configuration', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-keys-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('PAYLOAD_KEYS: inline JSON parsed and validated by loadConfig', () => {
    const config = loadConfig({ PAYLOAD_KEYS: ring({ k1: KEY }) });
    expect(loadPayloadKeyRing(config).activeKeyId).toBe('k1');
  });

  it.each([
    ['not JSON', `{"activeKeyId": "k1", "keys": {"k1": "${KEY}"`, /PAYLOAD_KEYS: is not valid JSON/],
    [
      'a short key',
      ring({ k1: Buffer.alloc(16).toString('base64') }),
      /PAYLOAD_KEYS\.keys\.k1: must be 32 bytes/,
    ],
    [
      'an active key not in the ring',
      ring({ k1: KEY }, 'k2'),
      /PAYLOAD_KEYS\.activeKeyId: .*one of the keys/,
    ],
    ['a bad key ID', ring({ k1: KEY, 'k 2': KEY }), /PAYLOAD_KEYS\.keys\.k 2: /],
    ['an unknown field', JSON.stringify({ activeKeyId: 'k1', keys: { k1: KEY }, extra: 1 }), /PAYLOAD_KEYS/],
  ])(
    'PAYLOAD_KEYS with %s stops start-up with one line naming it, never echoing key material',
    (_n, value, message) => {
      expect(() => loadConfig({ PAYLOAD_KEYS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ PAYLOAD_KEYS: value })).toThrow(message);
      try {
        loadConfig({ PAYLOAD_KEYS: value });
      } catch (error) {
        expect((error as Error).message).not.toContain(KEY.slice(0, 12));
        expect((error as Error).message).not.toContain('\n');
      }
    },
  );

  it('PAYLOAD_KEYS_FILE: read and validated; errors name the variable and the path, not the content', () => {
    const file = path.join(dir, 'ring.json');
    fs.writeFileSync(file, ring({ k1: KEY }));
    expect(loadPayloadKeyRing(loadConfig({ PAYLOAD_KEYS_FILE: file })).key('k1')).toEqual(
      Buffer.alloc(32, 7),
    );

    fs.writeFileSync(file, ring({ k1: KEY.slice(4) }));
    expect(() => readPayloadKeyRingFile(file)).toThrow(
      `配置错误 / invalid configuration: PAYLOAD_KEYS_FILE: ${file}: keys.k1: must be 32 bytes in base64 (AES-256)`,
    );
    fs.writeFileSync(file, `secret-looking ${KEY}`);
    expect(() => readPayloadKeyRingFile(file)).toThrow(/PAYLOAD_KEYS_FILE: .*is not valid JSON/);
    expect(() => readPayloadKeyRingFile(file)).not.toThrow(KEY);
    expect(() => readPayloadKeyRingFile(path.join(dir, 'missing.json'))).toThrow(
      /PAYLOAD_KEYS_FILE: cannot read .*missing\.json \(ENOENT\)/,
    );
  });

  it('refuses to run without keys (no silent plain text), and with both variables set', () => {
    expect(() => dataConverterFromConfig(loadConfig({}))).toThrow(ConfigError);
    expect(() => dataConverterFromConfig(loadConfig({}))).toThrow(
      /^配置错误 \/ invalid configuration: PAYLOAD_KEYS_FILE: no payload encryption keys/,
    );
    const both = loadConfig({ PAYLOAD_KEYS: ring({ k1: KEY }), PAYLOAD_KEYS_FILE: '/x.json' });
    expect(() => loadPayloadKeyRing(both)).toThrow(/set either PAYLOAD_KEYS or PAYLOAD_KEYS_FILE, not both/);
  });

  it('embedded default: generated once into <data>/keys with 0700/0600, then reused', () => {
    const first = ensurePayloadKeyRingFile(dir);
    expect(first.file).toBe(path.join(dir, 'keys', 'payload-keys.json'));
    expect(first.created).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(first.file).mode & 0o777).toBe(0o600);
    expect(first.ring.activeKeyId).toMatch(/^k\d{8}-[0-9a-f]{8}$/);

    const second = ensurePayloadKeyRingFile(dir);
    expect(second.created).toBe(false);
    expect(second.ring.toJson()).toEqual(first.ring.toJson());
    expect(fs.readdirSync(path.join(dir, 'keys'))).toEqual(['payload-keys.json']); // no staging left
  });

  it('never overwrites an existing ring unless asked (rotation replaces it, keeping the old keys)', () => {
    const file = defaultPayloadKeyRingFile(dir);
    const original = generatePayloadKeyRing();
    writePayloadKeyRingFile(file, original);
    expect(() => writePayloadKeyRingFile(file, generatePayloadKeyRing())).toThrow(/EEXIST/);
    const rotated = rotatePayloadKeyRing(original);
    writePayloadKeyRingFile(file, rotated, { replace: true });
    const read = readPayloadKeyRingFile(file);
    expect(read.activeKeyId).toBe(rotated.activeKeyId);
    expect(read.key(original.activeKeyId)).toEqual(original.activeKey);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rejects rings that cannot work', () => {
    expect(() => new PayloadKeyRing('a', new Map([['a', Buffer.alloc(16)]]))).toThrow(/32 bytes/);
    expect(() => new PayloadKeyRing('b', new Map([['a', Buffer.alloc(32)]]))).toThrow(/not in the key ring/);
  });

  it('the fixed TEST-ONLY ring is labelled and stable', () => {
    expect(TEST_PAYLOAD_KEY_RING.activeKeyId).toMatch(/^test-only-/);
    expect(TEST_PAYLOAD_KEY_RING.toJson()).toEqual(TEST_PAYLOAD_KEY_RING_JSON);
    expect(loadConfig({ PAYLOAD_KEYS: JSON.stringify(TEST_PAYLOAD_KEY_RING_JSON) }).PAYLOAD_KEYS).toEqual(
      TEST_PAYLOAD_KEY_RING_JSON,
    );
  });

  it('a prebuilt workflow bundle must carry the encrypting failure converter', () => {
    const good = path.join(dir, 'good.js');
    const bad = path.join(dir, 'bad.js');
    fs.writeFileSync(good, `/* … */ const marker = "${ENCODED_FAILURES_MARKER}";`);
    fs.writeFileSync(bad, '/* bundled without failureConverterPath */');
    expect(() => assertBundleEncodesFailures(good)).not.toThrow();
    expect(() => assertBundleEncodesFailures(bad)).toThrow(
      /^配置错误 \/ invalid configuration: WORKFLOW_BUNDLE_PATH: .*bad\.js was bundled without failureConverterPath/,
    );
    expect(() => assertBundleEncodesFailures(path.join(dir, 'none.js'))).toThrow(
      /WORKFLOW_BUNDLE_PATH: cannot read/,
    );
  });
});
