import { UnitTree } from '../org/units';
import type { PauseReason } from '../policy/policy';
import { CLOCK_NAMES, type ClockName } from '../policy/statute';
import { caseError } from './case-errors';
import { CaseActionType } from './actions';
import { Instant, isInstant, isLocalDate, LocalDate } from './time-values';

/**
 * What a validator needs to know beyond the case and the action, resolved by the caller (the workflow
 * never reads the database). Only `at` is always needed; an action that needs another fact and does
 * not get it is rejected with FACT_MISSING.
 */
export interface CaseFacts {
  /** When the action happens: workflow time. */
  readonly at: Instant;
  /**
   * The unit tree: transfer, assignDown, defineSix, reassign, requestReview, requestReReview; and
   * whenever the actor is above the case's unit or acts for a body above the top unit.
   */
  readonly unitTree?: UnitTree;
  /** Last day of the statutory handling period (any granted extension included): defineSix, reassign. */
  readonly statutoryHandlingLastDay?: LocalDate;
  /**
   * Exclusive end of the window the action depends on: the misroute objection (objectMisroute), the
   * review or re-review request window (requestReview, requestReReview, and close, which needs it lapsed).
   */
  readonly windowEndsAt?: Instant;
  /**
   * Today in the case's time zone: a delivery cannot be recorded for a later day (recordDelivery); a
   * completion report after the feedback due date is late (reportCompletion).
   */
  readonly today?: LocalDate;
  /** Policy: the longest extension, in days (requestExtension, approveExtension). */
  readonly maxExtensionDays?: number;
  /** Policy: most representatives of a collective visit (register); the statutory 5 when absent. */
  readonly maxCollectiveRepresentatives?: number;
  /**
   * Lawful clock rules only (see schedule/running-clock.ts): the clock running now and its due time. An
   * extension is asked and granted before the handling period ends; a clock that ran out is not paused.
   * Absent for cases that keep the earlier rules.
   */
  readonly runningClock?: { readonly name: ClockName; readonly endsAt: Instant };
  /** Lawful clock rules only: the policy's reasons a clock may be paused for (pauseClock). */
  readonly pauseReasons?: readonly PauseReason[];
  /**
   * The case's time zone: the day a back-dated review or re-review request was received
   * (requestReview, requestReReview with `receivedAt`).
   */
  readonly timeZone?: string;
  /**
   * A case whose workflow history predates art. 35's review body (patch `review-body-art35` absent):
   * review goes one level above the responsible unit, as it did then. Absent: above the original
   * handling body (the unit that accepted and issued the handling opinion).
   */
  readonly legacyReviewBody?: boolean;
  /**
   * A case whose workflow history predates art. 32's outcomes (patch `art32-outcomes` absent): a new
   * opinion may still be 'partlySupport', as it could then. Absent: only art. 32's three outcomes.
   */
  readonly legacyOutcomes?: boolean;
}

const FACT_CHECKS: { readonly [K in keyof CaseFacts]-?: (value: unknown) => boolean } = {
  at: isInstant,
  unitTree: (value) =>
    typeof value === 'object' && value !== null && Array.isArray((value as UnitTree).units),
  statutoryHandlingLastDay: isLocalDate,
  windowEndsAt: isInstant,
  today: isLocalDate,
  maxExtensionDays: (value) => Number.isInteger(value) && (value as number) > 0,
  maxCollectiveRepresentatives: (value) => Number.isInteger(value) && (value as number) > 0,
  runningClock: (value) =>
    typeof value === 'object' &&
    value !== null &&
    (CLOCK_NAMES as readonly unknown[]).includes((value as { name: unknown }).name) &&
    isInstant((value as { endsAt: unknown }).endsAt),
  pauseReasons: Array.isArray,
  timeZone: (value) => typeof value === 'string' && value !== '',
  legacyReviewBody: (value) => typeof value === 'boolean',
  legacyOutcomes: (value) => typeof value === 'boolean',
};

/** The fact, checked; throws FACT_MISSING naming the fact and the action that needed it. */
export function requireFact<K extends keyof CaseFacts>(
  facts: CaseFacts,
  key: K,
  action: CaseActionType,
): NonNullable<CaseFacts[K]> {
  const value = facts[key];
  if (value === undefined || value === null || !FACT_CHECKS[key](value)) {
    throw caseError('FACT_MISSING', {
      zh: `缺少或无效的办理依据：${key}（${action}）`,
      en: `fact ${key} missing or invalid for ${action}`,
      field: `facts.${key}`,
    });
  }
  return value as NonNullable<CaseFacts[K]>;
}
