/**
 * `npm run -s build && node dist/scripts/publish-calendar.js --calendar <file.json> [--by <admin user id>] [--query '<filter>'] [--strategy auto|batch|list]`
 *
 * Publishes a calendar (next year's holiday table) to every open case: validates the file, stores the
 * version in `calendars` and records `calendar.publish` in the administrative audit (by the named
 * administrator, else `system`), then signals `calendarUpdated` to all running petition cases through
 * libs/temporal's fan-out, printing progress.
 * Each case recomputes its deadlines once per calendar version, so publishing again is harmless.
 * Uses the configured PostgreSQL (DATABASE_URL, else the embedded one `npm start` runs from the data
 * folder), Temporal (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS / API key) and payload keys
 * (PAYLOAD_KEYS / PAYLOAD_KEYS_FILE, else the ring `npm start` keeps in the data folder).
 * Exit codes: 0 done; 1 some cases could not be signalled, or Temporal failed; 2 bad arguments or
 * calendar, an unknown publisher, or a version already published with other content.
 */
import { Client, Connection } from '@temporalio/client';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { type DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../libs/config/src';
import { type Calendar, parseCalendar } from '../libs/domain/src/clock/calendar';
import { DomainError } from '../libs/domain/src/errors';
import {
  createDataSource,
  embeddedAppDatabaseUrl,
  PublicationError,
  recordPublication,
  resolvePublisher,
} from '../libs/persistence/src';
import {
  type FanOutResult,
  type FanOutStrategy,
  requireTemporalAddress,
  signalOpenCases,
  temporalConnectionOptions,
} from '../libs/temporal/src';
import { dataConverterFromConfig, defaultPayloadKeyRingFile } from '../libs/temporal/src/codec';
import { calendarUpdatedSignal } from '../workflows/case-messages';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const USAGE =
  '用法 / usage: publish-calendar --calendar <file.json> [--by <admin user id>] [--query <visibility filter>] [--strategy auto|batch|list]';

export interface PublishArgs {
  calendarFile: string;
  /** The administrator publishing; the audit names `system` when absent. */
  by?: string;
  query?: string;
  strategy: FanOutStrategy;
}

export function parsePublishArgs(argv: string[]): PublishArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        calendar: { type: 'string' },
        by: { type: 'string' },
        query: { type: 'string' },
        strategy: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.calendar) throw new UsageError(`--calendar is required\n${USAGE}`);
  const strategy = values.strategy ?? 'auto';
  if (strategy !== 'auto' && strategy !== 'batch' && strategy !== 'list')
    throw new UsageError(`--strategy must be auto, batch or list\n${USAGE}`);
  return { calendarFile: values.calendar, by: values.by, query: values.query, strategy };
}

/** The calendar file, validated; a calendar without a version cannot be applied once per version. */
export function readCalendarFile(file: string, read = (f: string) => fs.readFileSync(f, 'utf8')): Calendar {
  let data: unknown;
  try {
    data = JSON.parse(read(file));
  } catch (error) {
    throw new UsageError(`日历文件无法读取 / cannot read calendar ${file}: ${(error as Error).message}`);
  }
  const calendar = parseCalendar(data);
  if (!calendar.version) {
    throw new DomainError(
      'INVALID_CALENDAR',
      '日历须有版本号 / the calendar needs a version: cases apply each version once',
      { field: 'version' },
    );
  }
  return calendar;
}

/** The years the calendar's holidays and make-up workdays fall in, ascending. */
export function calendarYears(calendar: Calendar): number[] {
  const dates = [...calendar.holidays, ...calendar.makeupWorkdays];
  return [...new Set(dates.map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);
}

/** Stores the version and records who published it, before any case hears of it. */
export async function recordCalendarPublication(
  db: DataSource,
  calendar: Calendar,
  args: Pick<PublishArgs, 'by' | 'query' | 'strategy'>,
): Promise<{ firstPublication: boolean }> {
  return recordPublication(db, {
    kind: 'calendar',
    version: calendar.version!,
    document: calendar,
    actorId: await resolvePublisher(db, args.by),
    details: {
      years: calendarYears(calendar),
      strategy: args.strategy,
      ...(args.query === undefined ? {} : { query: args.query }),
    },
  });
}

/** Signals the calendar to the open cases, one line per progress change. */
export function publishCalendar(
  client: Client,
  calendar: Calendar,
  options: { query?: string; strategy?: FanOutStrategy; print: (line: string) => void },
): Promise<FanOutResult> {
  options.print(`发布日历 / publishing calendar ${calendar.version} to open cases`);
  return signalOpenCases(client, calendarUpdatedSignal, [calendar], {
    query: options.query,
    strategy: options.strategy,
    reason: `calendar ${calendar.version} published`,
    onProgress: (p) =>
      options.print(
        `进度 / progress: ${p.phase} ${p.done}/${p.total}${p.failed ? ` (${p.failed} failed)` : ''}`,
      ),
  });
}

/** The configured ring, or the one `npm start` generated in the data folder. */
function payloadKeysOf(config: AppConfig): Pick<AppConfig, 'PAYLOAD_KEYS' | 'PAYLOAD_KEYS_FILE'> {
  if (config.PAYLOAD_KEYS || config.PAYLOAD_KEYS_FILE) return config;
  const file = defaultPayloadKeyRingFile(config.dataDir);
  return fs.existsSync(file) ? { PAYLOAD_KEYS: undefined, PAYLOAD_KEYS_FILE: file } : config;
}

async function main(): Promise<number> {
  const print = (line: string) => process.stdout.write(`[publish-calendar] ${line}\n`);
  let args: PublishArgs;
  let calendar: Calendar;
  try {
    args = parsePublishArgs(process.argv.slice(2));
    calendar = readCalendarFile(args.calendarFile);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  const databaseUrl = config.DATABASE_URL ?? embeddedAppDatabaseUrl(config.dataDir);
  if (!databaseUrl) {
    process.stderr.write(
      `需要数据库以记录发布 / a database is needed to record the publication: set DATABASE_URL or run npm start (data folder ${config.dataDir})\n`,
    );
    return 2;
  }
  const db = await createDataSource({ url: databaseUrl, poolSize: 1 }).initialize();
  try {
    const { firstPublication } = await recordCalendarPublication(db, calendar, args);
    print(
      `已记录发布 / publication recorded (${firstPublication ? 'new version' : 'version published again'})`,
    );
  } catch (error) {
    if (!(error instanceof PublicationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  } finally {
    await db.destroy();
  }
  const dataConverter = dataConverterFromConfig(payloadKeysOf(config));
  const connection = await Connection.connect(
    temporalConnectionOptions(config, requireTemporalAddress(config)),
  );
  try {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter });
    const result = await publishCalendar(client, calendar, {
      query: args.query,
      strategy: args.strategy,
      print,
    });
    process.stdout.write(`${JSON.stringify({ calendarVersion: calendar.version, ...result })}\n`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    await connection.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
