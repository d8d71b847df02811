import { type AppConfig, type PayloadKeyRingJson } from '../../libs/config/src';
import { defaultBlindIndexKeyFile, loadBlindIndexKey } from '../../libs/persistence/src/blind-index-key';
import { defaultPayloadKeyRingFile, loadPayloadKeyRing } from '../../libs/temporal/src/codec/key-ring';

/** The key files `npm start` uses: the configured ones, or those it generated in the data folder. */
export function keyFiles(config: AppConfig): { payloadKeysFile?: string; blindIndexKeyFile?: string } {
  return {
    payloadKeysFile: config.PAYLOAD_KEYS
      ? undefined
      : (config.PAYLOAD_KEYS_FILE ?? defaultPayloadKeyRingFile(config.dataDir)),
    blindIndexKeyFile: config.BLIND_INDEX_KEY
      ? undefined
      : (config.BLIND_INDEX_KEY_FILE ?? defaultBlindIndexKeyFile(config.dataDir)),
  };
}

/** Both keys as a restore writes them back: the ring's JSON and the blind index key in base64. */
export function embeddedKeys(config: AppConfig): { ring: PayloadKeyRingJson; blindIndexKey: string } {
  const files = keyFiles(config);
  const ring = loadPayloadKeyRing({
    PAYLOAD_KEYS: config.PAYLOAD_KEYS,
    PAYLOAD_KEYS_FILE: files.payloadKeysFile,
  });
  const blindIndexKey = loadBlindIndexKey({
    BLIND_INDEX_KEY: config.BLIND_INDEX_KEY,
    BLIND_INDEX_KEY_FILE: files.blindIndexKeyFile,
  });
  return { ring: ring.toJson(), blindIndexKey: blindIndexKey.toString('base64') };
}
