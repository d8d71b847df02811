import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The fields of an event that its hash covers, in canonical (RFC 8785) JSON. */
export interface HashedEventFields {
  caseNumber: string;
  seq: number;
  type: string;
  actorId: string;
  actorRole: string;
  actorUnit: string | null;
  occurredAt: string;
  payload: unknown;
}

/** SHA-256 over the previous hash and the canonical form of the event. */
export function chainHash(prevHash: string, event: HashedEventFields): string {
  const canonical = canonicalize(event);
  if (canonical === undefined) throw new Error('event cannot be canonicalised');
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
