import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FollowedPayloadKeyRingFile, loadPayloadKeySource } from './key-ring-file-follower';
import {
  generatePayloadKeyRing,
  PayloadKeyRing,
  rotatePayloadKeyRing,
  writePayloadKeyRingFile,
} from './key-ring';

describe('a key ring that follows its file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-ring-'));
  const file = path.join(dir, 'keys', 'payload-keys.json');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sees a rotated file once its re-check interval has passed, and at once when asked for fresh', () => {
    const first = generatePayloadKeyRing();
    writePayloadKeyRingFile(file, first);
    const followed = new FollowedPayloadKeyRingFile(file, 60_000);
    expect(followed.current().activeKeyId).toBe(first.activeKeyId);
    const rotated = rotatePayloadKeyRing(first);
    writePayloadKeyRingFile(file, rotated, { replace: true });
    expect(followed.current().activeKeyId).toBe(first.activeKeyId); // within the interval
    expect(followed.current({ fresh: true }).activeKeyId).toBe(rotated.activeKeyId);
    expect(followed.current().keyIds.sort()).toEqual([first.activeKeyId, rotated.activeKeyId].sort());
  });

  it('keeps the ring in use when the file turns unreadable', () => {
    const ring = generatePayloadKeyRing();
    writePayloadKeyRingFile(file, ring, { replace: true });
    const followed = new FollowedPayloadKeyRingFile(file, 0);
    fs.writeFileSync(file, '{ not json');
    expect(followed.current().activeKeyId).toBe(ring.activeKeyId);
  });

  it('follows a configured file; an inline ring stays as given', () => {
    const ring = generatePayloadKeyRing();
    writePayloadKeyRingFile(file, ring, { replace: true });
    expect(loadPayloadKeySource({ PAYLOAD_KEYS: undefined, PAYLOAD_KEYS_FILE: file })).toBeInstanceOf(
      FollowedPayloadKeyRingFile,
    );
    expect(
      loadPayloadKeySource({ PAYLOAD_KEYS: ring.toJson(), PAYLOAD_KEYS_FILE: undefined }),
    ).toBeInstanceOf(PayloadKeyRing);
  });
});
