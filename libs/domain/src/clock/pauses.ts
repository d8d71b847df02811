/**
 * Paused time of a clock, in whole days.
 *
 * Rule: the pauses' union (overlaps counted once) is measured in elapsed time and rounded UP to
 * whole days; any pause, even a minute, costs a full day. Rounding up is what guarantees that a pause
 * of duration d never extends a deadline by less than d.
 */
import { DomainError } from '../errors';
import { InstantInput, instantMsOf } from './instant';
import { MS_PER_DAY } from './local-date';

export interface Pause {
  /** When the clock was paused. */
  from: InstantInput;
  /** When it resumed (an open pause is measured up to "now" by the caller). */
  to: InstantInput;
}

export const INVALID_PAUSE = 'INVALID_PAUSE';

interface Interval {
  from: number;
  to: number;
}

function intervalOf(pause: Pause, index: number, clockStartMs: number): Interval {
  const from = instantMsOf(pause.from);
  const to = instantMsOf(pause.to);
  const field = `pauses[${index}]`;
  if (from === undefined) {
    throw new DomainError(INVALID_PAUSE, `暂停时间无效 / invalid pause: ${field}.from is not an instant`, {
      field: `${field}.from`,
    });
  }
  if (to === undefined) {
    throw new DomainError(INVALID_PAUSE, `暂停时间无效 / invalid pause: ${field}.to is not an instant`, {
      field: `${field}.to`,
    });
  }
  if (to < from) {
    throw new DomainError(INVALID_PAUSE, `暂停时间无效 / invalid pause: ${field} resumes before it starts`, {
      field: `${field}.to`,
    });
  }
  if (from < clockStartMs) {
    throw new DomainError(INVALID_PAUSE, `暂停时间无效 / invalid pause: ${field} starts before the clock`, {
      field: `${field}.from`,
    });
  }
  return { from, to };
}

/** Total paused time in ms, overlapping pauses counted once. */
export function pausedMs(pauses: readonly Pause[], clockStartMs: number): number {
  const intervals = pauses
    .map((pause, index) => intervalOf(pause, index, clockStartMs))
    .sort((a, b) => a.from - b.from);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const { from, to } of intervals) {
    const start = Math.max(from, coveredUntil);
    if (to > start) total += to - start;
    coveredUntil = Math.max(coveredUntil, to);
  }
  return total;
}

/** Paused time rounded up to whole days. */
export function pausedWholeDays(pauses: readonly Pause[], clockStartMs: number): number {
  return Math.ceil(pausedMs(pauses, clockStartMs) / MS_PER_DAY);
}
