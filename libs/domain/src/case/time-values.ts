/**
 * Time values as plain strings, so case state is JSON and deterministic:
 * - `Instant`: an ISO-8601 instant with an offset (`2026-03-02T01:30:00.000Z`), e.g. workflow time;
 * - `LocalDate`: a calendar day `YYYY-MM-DD` in the case's time zone (deadlines are days).
 */
export type Instant = string;
export { type LocalDate, isLocalDate } from '../clock/local-date';
import { type LocalDate } from '../clock/local-date';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Negative when `a` is before `b`, zero when equal, positive after (instants compared as time, not text). */
export function compareInstants(a: Instant, b: Instant): number {
  return Date.parse(a) - Date.parse(b);
}

/** `YYYY-MM-DD` strings order like the days they name. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
