import { createHash, randomBytes } from 'node:crypto';

/** Access tokens and challenges: 32 random bytes in base64url (43 characters). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Only this SHA-256 (hex) is stored; the token itself exists only with the client. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The token of an `Authorization: Bearer …` header, or undefined when there is none or it is malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{43})$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
