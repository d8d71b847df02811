/**
 * Time zones as data, by a small table of fixed UTC offsets.
 *
 * Decision: deadlines need only two conversions (instant → local date, local midnight → instant).
 * The zones petition offices use have had a fixed offset for decades (Asia/Shanghai: UTC+8, no daylight
 * saving since 1991), so a table keeps this pure arithmetic, identical in every runtime (Temporal's
 * workflow sandbox included) and independent of the host's ICU data. A zone with daylight saving is
 * rejected rather than computed wrongly. Besides the named zones, 'UTC+08:00' / 'UTC-05:30' style
 * fixed offsets are accepted (useful for tests).
 */
import { MS_PER_DAY, LocalDate, dayNumberOf, localDateOfDayNumber } from './local-date';

/** Offsets in minutes east of UTC. */
const FIXED_OFFSET_ZONES: Readonly<Record<string, number>> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Harbin': 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  PRC: 480,
  UTC: 0,
  'Etc/UTC': 0,
};

const OFFSET_ZONE_PATTERN = /^UTC([+-])(\d{2}):(\d{2})$/;

/** The zone's offset from UTC in minutes, or undefined when the zone is not supported. */
export function utcOffsetMinutes(timeZone: string): number | undefined {
  if (Object.prototype.hasOwnProperty.call(FIXED_OFFSET_ZONES, timeZone)) return FIXED_OFFSET_ZONES[timeZone];
  const match = OFFSET_ZONE_PATTERN.exec(timeZone);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export function isSupportedTimeZone(timeZone: string): boolean {
  return utcOffsetMinutes(timeZone) !== undefined;
}

export const SUPPORTED_TIME_ZONE_NAMES: readonly string[] = Object.keys(FIXED_OFFSET_ZONES);

function offsetMsOf(timeZone: string): number {
  const minutes = utcOffsetMinutes(timeZone);
  if (minutes === undefined) throw new RangeError(`unsupported time zone: ${timeZone}`);
  return minutes * 60_000;
}

/** The local date, in `timeZone`, of the instant `instantMs` (ms since the epoch). */
export function localDateAt(instantMs: number, timeZone: string): LocalDate {
  return localDateOfDayNumber(Math.floor((instantMs + offsetMsOf(timeZone)) / MS_PER_DAY));
}

/** The instant (ms since the epoch) of 00:00 local time on `date` in `timeZone`. */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  return dayNumberOf(date) * MS_PER_DAY - offsetMsOf(timeZone);
}

/**
 * An instant as a reader in `timeZone` sees it: 'YYYY-MM-DD HH:mm' (with ':ss' when asked), e.g.
 * 2026-12-04T15:12:16Z in Asia/Shanghai → '2026-12-04 23:12'.
 */
export function formatLocalDateTime(
  instantMs: number,
  timeZone: string,
  options: { seconds?: boolean } = {},
): string {
  const local = new Date(instantMs + offsetMsOf(timeZone)).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, options.seconds ? 19 : 16)}`;
}
