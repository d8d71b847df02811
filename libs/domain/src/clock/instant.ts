/**
 * Instants: ms since the epoch, or ISO-8601 strings that state their offset.
 * A string without 'Z' or an offset would be read in the host's zone, so it is refused; so is a date
 * such as 02-30 that `Date.parse` would silently roll over.
 */
import { isLocalDate } from './local-date';

/** An instant as ms since the epoch or an ISO-8601 string with 'Z' or '±HH:MM'. */
export type InstantInput = number | string;

const ISO_INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** The instant in ms, or undefined when `value` is not an acceptable instant. */
export function instantMsOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = ISO_INSTANT_PATTERN.exec(value);
  if (!match || !isLocalDate(match[1])) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** UTC ISO-8601 form, e.g. '2026-10-10T16:00:00.000Z'. */
export function toIsoUtc(instantMs: number): string {
  return new Date(instantMs).toISOString();
}
