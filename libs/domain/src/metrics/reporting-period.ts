import { addDays, daysBetween, isLocalDate, type LocalDate } from '../clock/local-date';
import { startOfLocalDay } from '../clock/time-zone';

/** The longest period a report covers, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366;

/** A reporting period: local dates, both days included. */
export interface ReportingPeriod {
  from: LocalDate;
  to: LocalDate;
}

export interface PeriodProblem {
  field: 'from' | 'to';
  code: 'invalidDate' | 'fromAfterTo' | 'periodTooLong';
  message: string;
}

export type PeriodResult = { ok: true; period: ReportingPeriod } | { ok: false; problems: PeriodProblem[] };

function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 8)}01`;
}

function monthEnd(date: LocalDate): LocalDate {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(nextMonth, -1);
}

/**
 * The period a request asks for. A missing bound takes the month of the other one; with neither, the
 * month of `today`. Dates must be real calendar dates, `from` not after `to`, at most 366 days.
 */
export function resolvePeriod(input: { from?: string; to?: string }, today: LocalDate): PeriodResult {
  const problems: PeriodProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined && !isLocalDate(value)) {
      problems.push({
        field,
        code: 'invalidDate',
        message: '须为有效日期 YYYY-MM-DD / must be a real date, YYYY-MM-DD',
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  const from = input.from ?? monthStart(input.to ?? today);
  const to = input.to ?? monthEnd(input.from ?? today);
  if (from > to) {
    problems.push({
      field: 'to',
      code: 'fromAfterTo',
      message: '结束日期不能早于开始日期 / to cannot be before from',
    });
  } else if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) {
    problems.push({
      field: 'to',
      code: 'periodTooLong',
      message: `统计期间最长 ${MAX_PERIOD_DAYS} 天 / a period covers at most ${MAX_PERIOD_DAYS} days`,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, period: { from, to } };
}

/** The period as instants: from 00:00 local on `from` (included) to 00:00 local after `to` (excluded). */
export function periodInstants(period: ReportingPeriod, timeZone: string): { starts: Date; ends: Date } {
  return {
    starts: new Date(startOfLocalDay(period.from, timeZone)),
    ends: new Date(startOfLocalDay(addDays(period.to, 1), timeZone)),
  };
}
