/**
 * Instants around a deadline: warnings a duration before it is due, escalations a delay after.
 * Durations are ISO-8601 strings (see duration.ts).
 */
import { DomainError } from '../errors';
import { IsoDuration, durationMsOf } from './duration';
import { InstantInput, instantMsOf, toIsoUtc } from './instant';

export const INVALID_DURATION = 'INVALID_DURATION';

function durationMs(duration: IsoDuration): number {
  const ms = durationMsOf(duration);
  if (ms === undefined) {
    throw new DomainError(
      INVALID_DURATION,
      `时长格式错误 / invalid duration ${JSON.stringify(duration)} (ISO-8601, e.g. P3D, PT2H, PT30S)`,
    );
  }
  return ms;
}

function instantMs(instant: InstantInput): number {
  const ms = instantMsOf(instant);
  if (ms === undefined) {
    throw new DomainError('INVALID_INSTANT', `时间格式错误 / invalid instant ${JSON.stringify(instant)}`);
  }
  return ms;
}

/** `instant` plus `duration`, UTC ISO. */
export function addDuration(instant: InstantInput, duration: IsoDuration): string {
  return toIsoUtc(instantMs(instant) + durationMs(duration));
}

/** `instant` minus `duration`, UTC ISO. */
export function subtractDuration(instant: InstantInput, duration: IsoDuration): string {
  return toIsoUtc(instantMs(instant) - durationMs(duration));
}

/** When to warn: `endsAt` minus each offset, earliest first, duplicates dropped. */
export function warningTimes(endsAt: InstantInput, offsetsBefore: readonly IsoDuration[]): string[] {
  return [...new Set(offsetsBefore.map((offset) => subtractDuration(endsAt, offset)))].sort();
}

/** When each escalation level fires: `endsAt` plus its delay, in ladder order. */
export function escalationTimes(endsAt: InstantInput, delaysAfter: readonly IsoDuration[]): string[] {
  return delaysAfter.map((delay) => addDuration(endsAt, delay));
}
