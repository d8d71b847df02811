/**
 * Durations as ISO-8601 strings restricted to fixed-length units: weeks, days, hours, minutes and
 * (fractional) seconds, e.g. 'P3D', 'PT12H', 'P1DT6H', 'PT30S', 'PT0.5S'. Years and months are refused
 * because their length varies. A day is 24 hours (the supported zones have no daylight saving).
 *
 * Decision: ISO strings rather than {days, hours, minutes} objects, because they are one compact,
 * standard value in policy JSON, and tests can use minutes or seconds ('PT2M', 'PT5S').
 */

/** An ISO-8601 duration string such as 'P3D' or 'PT30M'. */
export type IsoDuration = string;

const DURATION_PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/** Length in ms of an ISO-8601 duration, or undefined when it is not one this module accepts. */
export function durationMsOf(duration: string): number | undefined {
  const match = DURATION_PATTERN.exec(duration);
  if (!match || duration === 'P' || duration.endsWith('T')) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => (part ? Number(part) : 0));
  const ms = Math.round(((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

export function isIsoDuration(value: unknown): value is IsoDuration {
  return typeof value === 'string' && durationMsOf(value) !== undefined;
}
