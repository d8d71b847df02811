import { ApplicationFailure, defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  decodeOptionalFailureToOptionalError,
  encodeErrorToFailure,
  loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { randomBytes } from 'node:crypto';
import { encryptingDataConverter, FAILURE_CONVERTER_PATH } from './data-converter';
import { ENCRYPTED_ENCODING, EncryptionCodec, PayloadDecryptionError } from './encryption-codec';
import { failureConverter } from './failure-converter';
import { generatePayloadKeyRing, PayloadKeyRing, rotatePayloadKeyRing } from './key-ring';
import { TEST_PAYLOAD_KEY_RING } from './test-key-ring';

const ID_NUMBER = '110105199003071234';
const PHONE = '13912345678';
const petitioner = { name: '张三', idNumber: ID_NUMBER, phone: PHONE, address: '北京市朝阳区某街道1号' };

const utf8 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const bytesOf = (payload: Payload) =>
  Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish()).toString('latin1');

describe('EncryptionCodec (AES-256-GCM)', () => {
  const payload = defaultPayloadConverter.toPayload(petitioner);

  it('round-trips a payload, metadata included', async () => {
    const codec = new EncryptionCodec(TEST_PAYLOAD_KEY_RING);
    const [encoded] = await codec.encode([payload]);
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(petitioner);
    expect(utf8(decoded!.metadata!.encoding)).toBe('json/plain');
  });

  it('leaves nothing readable: encoding binary/encrypted, the key ID, iv | ciphertext | tag', async () => {
    const codec = new EncryptionCodec(TEST_PAYLOAD_KEY_RING);
    const [encoded] = await codec.encode([payload]);
    expect(Object.keys(encoded!.metadata!).sort()).toEqual(['encoding', 'encryption-key-id']);
    expect(utf8(encoded!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(utf8(encoded!.metadata!['encryption-key-id'])).toBe(TEST_PAYLOAD_KEY_RING.activeKeyId);
    const serializedPlain = temporal.api.common.v1.Payload.encode(payload).finish().length;
    expect(encoded!.data!.length).toBe(12 + serializedPlain + 16);
    const raw = bytesOf(encoded!);
    for (const secret of [ID_NUMBER, PHONE, 'json/plain', Buffer.from(ID_NUMBER).toString('base64')])
      expect(raw).not.toContain(secret);
  });

  it('uses a fresh IV each time: equal payloads encrypt differently', async () => {
    const codec = new EncryptionCodec(TEST_PAYLOAD_KEY_RING);
    const [a, b] = await codec.encode([payload, payload]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('rotation: the new active key encrypts, the old key still decrypts', async () => {
    const before = generatePayloadKeyRing();
    const after = rotatePayloadKeyRing(before);
    expect(after.activeKeyId).not.toBe(before.activeKeyId);
    expect(after.keyIds.sort()).toEqual([before.activeKeyId, after.activeKeyId].sort());

    const [old] = await new EncryptionCodec(before).encode([payload]);
    const rotated = new EncryptionCodec(after);
    const [fresh] = await rotated.encode([payload]);
    expect(utf8(fresh!.metadata!['encryption-key-id'])).toBe(after.activeKeyId);
    const decoded = await rotated.decode([old!, fresh!]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([petitioner, petitioner]);
  });

  it('an unknown key ID fails with an error naming it', async () => {
    const [encoded] = await new EncryptionCodec(generatePayloadKeyRing()).encode([payload]);
    const keyId = utf8(encoded!.metadata!['encryption-key-id']);
    const other = new EncryptionCodec(TEST_PAYLOAD_KEY_RING);
    await expect(other.decode([encoded!])).rejects.toThrow(PayloadDecryptionError);
    await expect(other.decode([encoded!])).rejects.toThrow(`"${keyId}", which is not in the key ring`);
  });

  it('tampered ciphertext, IV or tag fails authentication', async () => {
    const codec = new EncryptionCodec(TEST_PAYLOAD_KEY_RING);
    const [encoded] = await codec.encode([payload]);
    for (const index of [0, 20, encoded!.data!.length - 1]) {
      const data = Buffer.from(encoded!.data!);
      data[index]! ^= 0x01;
      await expect(codec.decode([{ ...encoded!, data }])).rejects.toThrow(/failed authentication/);
    }
    await expect(codec.decode([{ ...encoded!, data: encoded!.data!.subarray(0, 10) }])).rejects.toThrow(
      /too short/,
    );
  });

  it('a same-named key with other bytes fails authentication (a wrong key is never silently accepted)', async () => {
    const ring = generatePayloadKeyRing();
    const [encoded] = await new EncryptionCodec(ring).encode([payload]);
    const forged = new PayloadKeyRing(ring.activeKeyId, new Map([[ring.activeKeyId, randomBytes(32)]]));
    await expect(new EncryptionCodec(forged).decode([encoded!])).rejects.toThrow(/failed authentication/);
  });

  it('passes unencrypted payloads through on decode (histories from before the codec)', async () => {
    const [decoded] = await new EncryptionCodec(TEST_PAYLOAD_KEY_RING).decode([payload]);
    expect(decoded).toBe(payload);
  });
});

describe('encrypting data converter and failures', () => {
  const converter = loadDataConverter(encryptingDataConverter(TEST_PAYLOAD_KEY_RING));

  it('loads the failure converter module by path, with encoded common attributes', () => {
    expect(encryptingDataConverter(TEST_PAYLOAD_KEY_RING).failureConverterPath).toBe(FAILURE_CONVERTER_PATH);
    expect(converter.failureConverter).toBe(failureConverter);
    expect(failureConverter.options.encodeCommonAttributes).toBe(true);
  });

  it('encrypts failure messages, stack traces and details; keeps the error code (type) readable', async () => {
    const error = ApplicationFailure.create({
      type: 'ACTOR_NOT_ALLOWED',
      message: `信访人 ${ID_NUMBER} 电话 ${PHONE}`,
      nonRetryable: true,
      details: [{ code: 'ACTOR_NOT_ALLOWED', kind: 'forbidden', field: 'actor', phone: PHONE }],
    });
    const failure = await encodeErrorToFailure(converter, error);
    const raw = Buffer.from(temporal.api.failure.v1.Failure.encode(failure).finish()).toString('latin1');
    expect(raw).not.toContain(ID_NUMBER);
    expect(raw).not.toContain(PHONE);
    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    expect(failure.applicationFailureInfo?.type).toBe('ACTOR_NOT_ALLOWED');

    const decoded = (await decodeOptionalFailureToOptionalError(converter, failure)) as ApplicationFailure;
    expect(decoded).toBeInstanceOf(ApplicationFailure);
    expect(decoded.type).toBe('ACTOR_NOT_ALLOWED');
    expect(decoded.message).toBe(`信访人 ${ID_NUMBER} 电话 ${PHONE}`);
    expect(decoded.details).toEqual([
      { code: 'ACTOR_NOT_ALLOWED', kind: 'forbidden', field: 'actor', phone: PHONE },
    ]);
  });
});
