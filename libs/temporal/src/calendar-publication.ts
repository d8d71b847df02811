/**
 * Publishing a calendar (next year's holiday table), shared by the publish-calendar script and the
 * administrators' endpoint: store the version with its audit row (and, when asked, make it the one new
 * registrations in a scope start with), then signal `calendarUpdated` to the open cases. Cases receive
 * the built-in tables with the published years laid over them, the same calendar a registration made now
 * would start with, so a table covering one year never takes the other years' holidays away from a case.
 */
import { type Client } from '@temporalio/client';
import { type DataSource } from 'typeorm';
import { type Calendar } from '../../domain/src/clock/calendar';
import { calendarAround, calendarYears } from '../../domain/src/clock/published-calendar';
import { recordPublication } from '../../persistence/src/admin/publications';
import { CALENDAR_UPDATED_SIGNAL } from '../../domain/src/case/recorded-event';
import { type FanOutResult, type FanOutStrategy, signalOpenCases } from './case-fanout';

export interface CalendarPublication {
  /** Validated, with a version. */
  calendar: Calendar;
  actorId: string;
  /** Where new registrations start with it: a unit's subtree, or everywhere (null); absent: stored only. */
  inForceFor?: { unitCode: string | null };
  /** A visibility filter of the open cases to signal (all open cases when absent). */
  caseQuery?: string;
  strategy?: FanOutStrategy;
  clientAddress?: string;
  /** More for the audit row. */
  details?: Record<string, unknown>;
}

/** Stores the version and records who published it, before any case hears of it. */
export function recordCalendarPublication(
  db: DataSource,
  publication: Omit<CalendarPublication, 'caseQuery'>,
): Promise<{ firstPublication: boolean }> {
  const { calendar } = publication;
  return recordPublication(db, {
    kind: 'calendar',
    version: calendar.version!,
    document: calendar,
    actorId: publication.actorId,
    inForceFor: publication.inForceFor,
    clientAddress: publication.clientAddress,
    details: { years: calendarYears(calendar), ...publication.details },
  });
}

/** Signals a calendar to the open cases, one line per progress change. */
export function signalCalendar(
  client: Client,
  calendar: Calendar,
  options: { query?: string; strategy?: FanOutStrategy; print: (line: string) => void },
): Promise<FanOutResult> {
  options.print(`发布日历 / publishing calendar ${calendar.version} to open cases`);
  return signalOpenCases<[Calendar]>(client, CALENDAR_UPDATED_SIGNAL, [calendar], {
    query: options.query,
    strategy: options.strategy,
    reason: `calendar ${calendar.version} published`,
    onProgress: (p) =>
      options.print(
        `进度 / progress: ${p.phase} ${p.done}/${p.total}${p.failed ? ` (${p.failed} failed)` : ''}`,
      ),
  });
}

/** Records the publication, then signals the open cases the calendar they now work on. */
export async function publishCalendar(
  db: DataSource,
  client: Client,
  publication: CalendarPublication,
  options: { timeZone: string; now?: number; print?: (line: string) => void },
): Promise<{ firstPublication: boolean; fanOut: FanOutResult }> {
  const { firstPublication } = await recordCalendarPublication(db, publication);
  const print = options.print ?? (() => undefined);
  print(
    `已记录发布 / publication recorded (${firstPublication ? 'new version' : 'version published again'})`,
  );
  const sent = calendarAround(options.now ?? Date.now(), options.timeZone, publication.calendar);
  const fanOut = await signalCalendar(client, sent, {
    query: publication.caseQuery,
    strategy: publication.strategy,
    print,
  });
  return { firstPublication, fanOut };
}
