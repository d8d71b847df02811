/**
 * Checks of a policy clock against the statute: a duty may be shortened, never lengthened; a
 * petitioner's request window may not be shortened. Answers a bilingual problem, or undefined when fine.
 */
import type { DeadlineMode } from '../clock';
import {
  STATUTORY_CLOCKS,
  STATUTORY_EXTENSION,
  ClockName,
  WORKING_DAYS_PER_CALENDAR_DAYS_BOUND,
} from './statute';

interface Limit {
  days: number;
  mode: DeadlineMode;
  article: string;
}

/** The most working days that stay within a calendar-day limit of `calendarDays`. */
export function workingDaysWithin(calendarDays: number): number {
  return Math.floor(calendarDays * WORKING_DAYS_PER_CALENDAR_DAYS_BOUND);
}

function unitZh(mode: DeadlineMode): string {
  return mode === 'calendar' ? '日' : '个工作日';
}

function unitEn(mode: DeadlineMode): string {
  return mode === 'calendar' ? 'days' : 'working days';
}

/** A duty of `days` in `mode` must never run longer than `limit`. */
function notLongerThan(days: number, mode: DeadlineMode, limit: Limit): string | undefined {
  // A calendar-day period of N never outlasts N working days: its last day is the first working day on
  // or after start + N, and the N-th working day is a working day on or after start + N.
  const max = mode === 'working' && limit.mode === 'calendar' ? workingDaysWithin(limit.days) : limit.days;
  if (days <= max) return undefined;
  const statute = `法定 ${limit.days} ${unitZh(limit.mode)}`;
  return (
    `不得超过 ${max} ${unitZh(mode)}（${statute}，${limit.article}） / ` +
    `must not exceed ${max} ${unitEn(mode)} (statutory ${limit.days} ${unitEn(limit.mode)}, ${limit.article})`
  );
}

/** A petitioner's window of `days` in `mode` must never be shorter than `limit`. */
function notShorterThan(days: number, mode: DeadlineMode, limit: Limit): string | undefined {
  if (mode === 'calendar' && limit.mode === 'working') {
    return `不得改为日历日 / must stay in working days (${limit.article})`;
  }
  if (days >= limit.days) return undefined;
  return (
    `信访人的申请期限不得短于法定 ${limit.days} ${unitZh(limit.mode)} / ` +
    `a petitioner's window must not be shorter than the statutory ${limit.days} ${unitEn(limit.mode)} (${limit.article})`
  );
}

export function clockStatuteProblem(name: ClockName, days: number, mode: DeadlineMode): string | undefined {
  const statute = STATUTORY_CLOCKS[name];
  return statute.kind === 'duty' ? notLongerThan(days, mode, statute) : notShorterThan(days, mode, statute);
}

export function extensionStatuteProblem(maxDays: number, mode: DeadlineMode): string | undefined {
  const { maxDays: days, mode: limitMode, article } = STATUTORY_EXTENSION;
  return notLongerThan(maxDays, mode, { days, mode: limitMode, article });
}
