import { randomInt, timingSafeEqual } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { type PersonalDataProtector } from './personal-data';

type Queryable = Pick<EntityManager, 'query'>;

/** No 0/O, 1/I/L: a code read off paper and typed back cannot be mistaken. 31 symbols, 8 of them: ~39.6 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A fresh query code, printed `K7Q2-M9XA` (the hyphen and case are ignored when it is typed back). */
export function generateQueryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** As typed back: spaces, hyphens and letter case do not matter. */
function normalisedCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Keyed per case, so the same code on two cases hashes differently. */
function codeHash(protector: PersonalDataProtector, caseNumber: string, code: string): string {
  return protector.blindIndex('queryCode', `${caseNumber}:${normalisedCode(code)}`);
}

/** Stores a new case's code: a keyed hash to verify it and the code encrypted for the acceptance notice. */
export async function storeQueryCode(
  db: Queryable,
  protector: PersonalDataProtector,
  caseNumber: string,
  code: string,
): Promise<void> {
  await db.query(`INSERT INTO case_query_codes (case_number, code_hash, code_enc) VALUES ($1, $2, $3)`, [
    caseNumber,
    codeHash(protector, caseNumber, code),
    protector.encrypt(code),
  ]);
}

/** The code as printed, for the acceptance notice; null for a case registered before codes existed. */
export async function printedQueryCode(
  db: Queryable,
  protector: PersonalDataProtector,
  caseNumber: string,
): Promise<string | null> {
  const [row] = await db.query(`SELECT code_enc FROM case_query_codes WHERE case_number = $1`, [caseNumber]);
  return row ? protector.decrypt(row.code_enc) : null;
}

/**
 * Whether the code belongs to the case. The same work is done whether the case exists or not (a hash
 * is compared either way, in constant time), so the timing tells nothing about which part was wrong.
 */
export async function queryCodeMatches(
  db: Queryable,
  protector: PersonalDataProtector,
  caseNumber: string,
  code: string,
): Promise<boolean> {
  const [row] = await db.query(`SELECT code_hash FROM case_query_codes WHERE case_number = $1`, [caseNumber]);
  const given = Buffer.from(codeHash(protector, caseNumber, code), 'hex');
  const stored = Buffer.from(row?.code_hash ?? '0'.repeat(64), 'hex');
  return timingSafeEqual(given, stored) && row !== undefined;
}
