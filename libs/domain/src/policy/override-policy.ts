/**
 * A jurisdiction's policy: a base policy with some fields overridden. Nested objects merge field by
 * field (override one clock's days and keep its mode and warnings); arrays and values replace. The
 * result is validated as a whole, so an override that lengthens a statutory clock, or names a clock
 * that does not exist, is rejected naming the field.
 */
import { DomainError } from '../errors';
import { INVALID_POLICY, parsePolicy } from './parse-policy';
import {
  ClockPolicy,
  EscalationLevel,
  ExtensionPolicy,
  PauseReason,
  Policy,
  RepeatEscalationRule,
} from './policy';
import { ClockName } from './statute';

export interface PolicyOverrides {
  /** The new policy's own version, different from the base's. */
  version: string;
  jurisdiction?: string;
  clocks?: Partial<Record<ClockName, Partial<ClockPolicy>>>;
  extension?: Partial<ExtensionPolicy>;
  escalationLadder?: EscalationLevel[];
  pauseReasons?: PauseReason[];
  repeatEscalation?: RepeatEscalationRule[];
  repeatSimilarityThreshold?: number;
  maxCollectiveRepresentatives?: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeData(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeData(base[key], value);
  return merged;
}

export function overridePolicy(base: Policy, overrides: PolicyOverrides): Policy {
  if (!isPlainObject(overrides) || overrides.version === base.version) {
    throw new DomainError(
      INVALID_POLICY,
      `策略无效 / invalid policy: version 必须为新的版本号 / must be a new version, not ${base.version}`,
      { field: 'version' },
    );
  }
  const { basedOn: _ignored, ...baseFields } = base;
  return parsePolicy({ ...(mergeData(baseFields, overrides) as object), basedOn: base.version });
}
