import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { normalizeIdNumber } from '../../domain/src/intake/identity-document';
import { type PayloadKeySource } from '../../temporal/src/codec/key-ring';

/**
 * The personal data of a petitioner that is encrypted at rest and found only through a blind index;
 * `queryCode` is the petitioner's progress query code, verified only through its keyed hash.
 */
export type IndexedPersonalField = 'idNumber' | 'phone' | 'address' | 'queryCode' | 'name';

const FORMAT = 'v1';

/**
 * Encrypts petitioners' ID numbers, phones and addresses at rest (AES-256-GCM with the key ring's
 * active key, tagged with its key ID so keys can rotate) and computes keyed blind indexes
 * (HMAC-SHA-256), so staff can find a petitioner's cases without the plain number being stored.
 */
export class PersonalDataProtector {
  constructor(
    private readonly keys: PayloadKeySource,
    private readonly blindIndexKey: Buffer,
  ) {
    if (blindIndexKey.length < 32) throw new Error('the blind index key must be at least 32 bytes');
  }

  encrypt(plain: string): string {
    return this.encryptBytes(Buffer.from(plain, 'utf8'));
  }

  decrypt(stored: string): string {
    return this.decryptBytes(stored).toString('utf8');
  }

  /** The same sealing for whole files (case attachments), as one text value. */
  encryptBytes(plain: Buffer): string {
    const ring = this.keys.current();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', ring.activeKey, iv);
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return `${FORMAT}:${ring.activeKeyId}:${sealed.toString('base64')}`;
  }

  decryptBytes(stored: string): Buffer {
    const [format, keyId, data] = stored.split(':');
    const key = keyId
      ? (this.keys.current().key(keyId) ?? this.keys.current({ fresh: true }).key(keyId))
      : undefined;
    if (format !== FORMAT || !key || !data)
      throw new Error(`cannot decrypt personal data (key ${keyId ?? '?'})`);
    const sealed = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
  }

  /** The key ID a stored value is sealed under (rotation re-seals those not under the active key). */
  static keyIdOf(stored: string): string | undefined {
    return stored.split(':')[1];
  }

  /** The ID of the key new values are sealed under. */
  get activeKeyId(): string {
    return this.keys.current().activeKeyId;
  }

  /** The same person's number always gives the same index, whatever spacing or case it was typed with. */
  blindIndex(field: IndexedPersonalField, value: string): string {
    return createHmac('sha256', this.blindIndexKey)
      .update(`${field}:${normalise(field, value)}`)
      .digest('hex');
  }
}

function normalise(field: IndexedPersonalField, value: string): string {
  // The number alone, not its document type: a clerk's choice of type must not split one document's cases.
  if (field === 'idNumber') return normalizeIdNumber(value);
  if (field === 'name') return normalisePersonName(value);
  return field === 'phone' ? value.replace(/\D/g, '') : value.trim();
}

/**
 * A person's name as its blind index sees it: Unicode NFKC (full-width letters and compatibility forms
 * folded), every kind of space and the middle dots of transliterated names removed, Latin letters in
 * lower case — so 「张 三」, 「张三」 and 「ＺＨＡＮＧ·San」 index as typed by any clerk.
 */
export function normalisePersonName(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u00b7\u2022\u2027\u30fb.]/gu, '')
    .toLowerCase();
}

/**
 * Fills the name's blind index of submissions stored before it existed, in batches; run by the API at
 * start (it holds the key; the migration cannot). Returns how many rows it filled.
 */
export async function backfillPetitionerNameIndex(
  db: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  protector: PersonalDataProtector,
  batchSize = 500,
): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = (await db.query(
      `SELECT case_number, petitioner_name FROM case_submissions WHERE petitioner_name_bidx IS NULL LIMIT $1`,
      [batchSize],
    )) as { case_number: string; petitioner_name: string }[];
    if (rows.length === 0) return filled;
    await db.query(
      `UPDATE case_submissions s SET petitioner_name_bidx = v.bidx
       FROM unnest($1::varchar[], $2::char(64)[]) AS v(case_number, bidx)
       WHERE s.case_number = v.case_number AND s.petitioner_name_bidx IS NULL`,
      [
        rows.map((row) => row.case_number),
        rows.map((row) => protector.blindIndex('name', row.petitioner_name)),
      ],
    );
    filled += rows.length;
  }
}
