/**
 * `npm run -s build && node dist/scripts/publish-calendar.js --calendar <file.json> [--by <admin user id>] [--query '<filter>'] [--strategy auto|batch|list]`
 *
 * Publishes a calendar (next year's holiday table) to every open case: validates the file, stores the
 * version in `calendars`, makes it in force for new registrations everywhere (units with a calendar of
 * their own keep theirs) and records `calendar.publish` in the administrative audit (by the named
 * administrator, else `system`), then signals `calendarUpdated` to all running petition cases through
 * libs/temporal/src/calendar-publication.ts (shared with POST /api/admin/calendars), printing progress.
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
  resolvePublisher,
} from '../libs/persistence/src';
import { type FanOutStrategy, requireTemporalAddress, temporalConnectionOptions } from '../libs/temporal/src';
import {
  publishCalendar,
  recordCalendarPublication as storeCalendarPublication,
} from '../libs/temporal/src/calendar-publication';
import { dataConverterFromConfig, defaultPayloadKeyRingFile } from '../libs/temporal/src/codec';

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

/** Stores the version and records who published it (not in force anywhere: the script's main does that). */
export async function recordCalendarPublication(
  db: DataSource,
  calendar: Calendar,
  args: Pick<PublishArgs, 'by' | 'query' | 'strategy'>,
): Promise<{ firstPublication: boolean }> {
  return storeCalendarPublication(db, {
    calendar,
    actorId: await resolvePublisher(db, args.by),
    details: publicationDetails(args),
  });
}

function publicationDetails(args: Pick<PublishArgs, 'query' | 'strategy'>): Record<string, unknown> {
  return { strategy: args.strategy, ...(args.query === undefined ? {} : { query: args.query }) };
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
  const dataConverter = dataConverterFromConfig(payloadKeysOf(config));
  let connection: Connection | undefined;
  try {
    const actorId = await resolvePublisher(db, args.by);
    connection = await Connection.connect(temporalConnectionOptions(config, requireTemporalAddress(config)));
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter });
    const { fanOut } = await publishCalendar(
      db,
      client,
      {
        calendar,
        actorId,
        inForceFor: { unitCode: null },
        caseQuery: args.query,
        strategy: args.strategy,
        details: publicationDetails(args),
      },
      { timeZone: config.TIME_ZONE, print },
    );
    process.stdout.write(`${JSON.stringify({ calendarVersion: calendar.version, ...fanOut })}\n`);
    return fanOut.failed > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof PublicationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  } finally {
    await connection?.close();
    await db.destroy();
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
