import * as fs from 'node:fs';
import { type AppConfig } from '../../../config/src';
import {
  loadPayloadKeyRing,
  type PayloadKeyRing,
  type PayloadKeySource,
  readPayloadKeyRingFile,
} from './key-ring';

/** How often (at most) a following ring looks at its file again. */
export const KEY_RING_RECHECK_MS = 1000;

/**
 * A key ring that follows its file, so a rotation (`npm run rotate-keys`) reaches running apps without a
 * restart: at most once a second, when the ring is used, the file's size, time and inode are compared
 * and a changed file is read again. A file that cannot be read or is invalid keeps the ring in use
 * (the rotation writes by rename, so a reader never sees half a file).
 */
export class FollowedPayloadKeyRingFile implements PayloadKeySource {
  private ring: PayloadKeyRing;
  private signature: string;
  private checkedAt = Date.now();

  constructor(
    readonly file: string,
    private readonly recheckMs = KEY_RING_RECHECK_MS,
  ) {
    this.signature = this.statSignature();
    this.ring = readPayloadKeyRingFile(file);
  }

  current(options: { fresh?: boolean } = {}): PayloadKeyRing {
    const now = Date.now();
    if (options.fresh || now - this.checkedAt >= this.recheckMs) {
      this.checkedAt = now;
      const signature = this.statSignature();
      if (signature !== this.signature) {
        try {
          this.ring = readPayloadKeyRingFile(this.file);
          this.signature = signature;
        } catch {
          // keep the ring in use; the next look may find the file whole again
        }
      }
    }
    return this.ring;
  }

  private statSignature(): string {
    try {
      const stat = fs.statSync(this.file);
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }
}

/** One follower per ring file in a process: the codec, the client and personal data share it. */
const followers = new Map<string, FollowedPayloadKeyRingFile>();

/** The apps' keys: a ring given inline stays as it is; a ring file is followed. */
export function loadPayloadKeySource(
  config: Pick<AppConfig, 'PAYLOAD_KEYS' | 'PAYLOAD_KEYS_FILE'>,
): PayloadKeySource {
  const file = config.PAYLOAD_KEYS_FILE;
  const followed = file === undefined ? undefined : followers.get(file);
  if (followed) return followed;
  const ring = loadPayloadKeyRing(config); // the one-line ConfigError when none or both are set, or bad
  if (file === undefined) return ring;
  const follower = new FollowedPayloadKeyRingFile(file);
  followers.set(file, follower);
  return follower;
}
