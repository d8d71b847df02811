import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type AppConfig, ConfigError } from '../../config/src';

/** The blind index key from BLIND_INDEX_KEY or BLIND_INDEX_KEY_FILE; one clear line when neither is usable. */
export function loadBlindIndexKey(
  config: Pick<AppConfig, 'BLIND_INDEX_KEY' | 'BLIND_INDEX_KEY_FILE'>,
): Buffer {
  if (config.BLIND_INDEX_KEY && config.BLIND_INDEX_KEY_FILE) {
    throw new ConfigError(
      '配置错误 / invalid configuration: BLIND_INDEX_KEY: set either BLIND_INDEX_KEY or BLIND_INDEX_KEY_FILE, not both',
    );
  }
  const encoded = config.BLIND_INDEX_KEY ?? readKeyFile(config.BLIND_INDEX_KEY_FILE);
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 32) {
    throw new ConfigError(
      '配置错误 / invalid configuration: BLIND_INDEX_KEY_FILE: the key must be base64 of at least 32 bytes',
    );
  }
  return key;
}

function readKeyFile(file: string | undefined): string {
  if (!file) {
    throw new ConfigError(
      '配置错误 / invalid configuration: BLIND_INDEX_KEY_FILE: no blind index key: set BLIND_INDEX_KEY_FILE or BLIND_INDEX_KEY (npm start generates one in the data folder when PostgreSQL is embedded)',
    );
  }
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    throw new ConfigError(`配置错误 / invalid configuration: BLIND_INDEX_KEY_FILE: cannot read ${file}`);
  }
}

/** Where `npm start` keeps the blind index key in its data folder. */
export function defaultBlindIndexKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'blind-index.key');
}

/**
 * Creates the key once beside the embedded database (folder 0700, file 0600) and reuses it afterwards:
 * the indexes already stored depend on it, so it is never replaced.
 */
export function ensureBlindIndexKeyFile(dataDir: string): { file: string; created: boolean } {
  const file = defaultBlindIndexKeyFile(dataDir);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (fs.existsSync(file)) return { file, created: false };
  fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { file, created: true };
}
