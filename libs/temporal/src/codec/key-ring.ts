import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type AppConfig,
  ConfigError,
  parsePayloadKeyRingText,
  PAYLOAD_KEY_ID_PATTERN,
  type PayloadKeyRingJson,
} from '../../../config/src';

/** AES-256: 32-byte keys. */
export const PAYLOAD_KEY_BYTES = 32;

/**
 * Where the codec and the personal-data protector take their keys from: a fixed ring, or one that follows
 * its file (key-ring-file-follower.ts). Each encryption takes one `current()` ring, so the key and the ID
 * it is labelled with always agree; `fresh` asks for the file to be looked at again (an unknown key ID).
 */
export interface PayloadKeySource {
  current(options?: { fresh?: boolean }): PayloadKeyRing;
}

/**
 * The keys of the payload codec. The active key encrypts every new payload; every key in the ring
 * still decrypts, so rotating means adding a key and making it active while the old ones stay.
 */
export class PayloadKeyRing implements PayloadKeySource {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    readonly activeKeyId: string,
    keys: ReadonlyMap<string, Buffer>,
  ) {
    for (const [id, key] of keys) {
      if (!PAYLOAD_KEY_ID_PATTERN.test(id)) throw new Error(`payload key ID "${id}" is not a valid key ID`);
      if (key.length !== PAYLOAD_KEY_BYTES) throw new Error(`payload key "${id}" must be 32 bytes`);
    }
    if (!keys.has(activeKeyId)) throw new Error(`active payload key "${activeKeyId}" is not in the key ring`);
    this.keys = new Map([...keys].map(([id, key]) => [id, Buffer.from(key)]));
  }

  static fromJson(json: PayloadKeyRingJson): PayloadKeyRing {
    return new PayloadKeyRing(
      json.activeKeyId,
      new Map(Object.entries(json.keys).map(([id, key]) => [id, Buffer.from(key, 'base64')])),
    );
  }

  current(): PayloadKeyRing {
    return this;
  }

  get activeKey(): Buffer {
    return this.keys.get(this.activeKeyId)!;
  }

  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  /** The key for an ID, or undefined when the ring does not hold it. */
  key(keyId: string): Buffer | undefined {
    return this.keys.get(keyId);
  }

  toJson(): PayloadKeyRingJson {
    return {
      activeKeyId: this.activeKeyId,
      keys: Object.fromEntries([...this.keys].map(([id, key]) => [id, key.toString('base64')])),
    };
  }
}

/** A fresh key ID: the UTC date for humans, random hex for uniqueness. Carries nothing about the data. */
export function newPayloadKeyId(now: Date = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
}

/** A new ring with one fresh random key, active. */
export function generatePayloadKeyRing(): PayloadKeyRing {
  const id = newPayloadKeyId();
  return new PayloadKeyRing(id, new Map([[id, randomBytes(PAYLOAD_KEY_BYTES)]]));
}

/** Rotation: a fresh key becomes active; every existing key stays so old histories still decrypt. */
export function rotatePayloadKeyRing(ring: PayloadKeyRing): PayloadKeyRing {
  const all = new Map(ring.keyIds.map((id) => [id, ring.key(id)!]));
  let id = newPayloadKeyId();
  while (all.has(id)) id = newPayloadKeyId();
  all.set(id, randomBytes(PAYLOAD_KEY_BYTES));
  return new PayloadKeyRing(id, all);
}

function configError(variable: string, message: string): ConfigError {
  return new ConfigError(`配置错误 / invalid configuration: ${variable}: ${message}`);
}

/** Reads and validates a key-ring file; errors name the variable and the path, never the content. */
export function readPayloadKeyRingFile(file: string, variable = 'PAYLOAD_KEYS_FILE'): PayloadKeyRing {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw configError(variable, `cannot read ${file} (${code})`);
  }
  const { ring, issues } = parsePayloadKeyRingText(text);
  if (!ring) {
    const [first] = issues;
    const where = first?.path.length ? `${first.path.map(String).join('.')}: ` : '';
    throw configError(variable, `${file}: ${where}${first?.message ?? 'invalid key ring'}`);
  }
  return PayloadKeyRing.fromJson(ring);
}

/**
 * Writes a ring as JSON, readable by the owner only (0600), in a folder only the owner can enter (0700).
 * Never leaves a half-written file; without `replace` it refuses (EEXIST) to overwrite an existing ring.
 */
export function writePayloadKeyRingFile(
  file: string,
  ring: PayloadKeyRing,
  options: { replace?: boolean } = {},
): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const staging = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}`);
  fs.writeFileSync(staging, `${JSON.stringify(ring.toJson(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (options.replace) fs.renameSync(staging, file);
    else fs.linkSync(staging, file); // atomic create-once: EEXIST when another start got there first
  } finally {
    fs.rmSync(staging, { force: true });
  }
}

/**
 * The embedded default: the ring in the data folder, generated on first start and reused afterwards
 * (a damaged file stops start-up with a ConfigError naming it).
 */
export function ensurePayloadKeyRingFile(dataDir: string): {
  file: string;
  created: boolean;
  ring: PayloadKeyRing;
} {
  const file = defaultPayloadKeyRingFile(dataDir);
  if (fs.existsSync(file)) return { file, created: false, ring: readPayloadKeyRingFile(file) };
  const ring = generatePayloadKeyRing();
  try {
    writePayloadKeyRingFile(file, ring);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { file, created: false, ring: readPayloadKeyRingFile(file) };
  }
  return { file, created: true, ring };
}

export function defaultPayloadKeyRingFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'payload-keys.json');
}

/**
 * The ring the apps use, from PAYLOAD_KEYS (inline JSON) or PAYLOAD_KEYS_FILE. Without either they refuse
 * to start: history would otherwise hold personal data in plain text.
 */
export function loadPayloadKeyRing(
  config: Pick<AppConfig, 'PAYLOAD_KEYS' | 'PAYLOAD_KEYS_FILE'>,
): PayloadKeyRing {
  if (config.PAYLOAD_KEYS && config.PAYLOAD_KEYS_FILE) {
    throw configError('PAYLOAD_KEYS', 'set either PAYLOAD_KEYS or PAYLOAD_KEYS_FILE, not both');
  }
  if (config.PAYLOAD_KEYS) return PayloadKeyRing.fromJson(config.PAYLOAD_KEYS);
  if (config.PAYLOAD_KEYS_FILE) return readPayloadKeyRingFile(config.PAYLOAD_KEYS_FILE);
  throw configError(
    'PAYLOAD_KEYS_FILE',
    'no payload encryption keys: set PAYLOAD_KEYS_FILE (a JSON key ring) or PAYLOAD_KEYS (npm start generates one in the data folder when Temporal is embedded)',
  );
}
