import { domainErrorFromZod } from '../clock';
import { Policy, policySchema } from './policy';

export const INVALID_POLICY = 'INVALID_POLICY';

/** Validates untrusted policy data; throws DomainError INVALID_POLICY naming every bad field. */
export function parsePolicy(input: unknown): Policy {
  const result = policySchema().safeParse(input);
  if (!result.success) throw domainErrorFromZod(INVALID_POLICY, '策略无效 / invalid policy', result.error);
  return result.data;
}
