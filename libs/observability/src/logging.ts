import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Writable } from 'node:stream';
import { type Options } from 'pino-http';
import pinoPretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';
type NestLogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

const PINO_LEVELS: Record<NestLogLevel, string> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's request id is kept only if it is short and plain (it goes into every log line). */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id when acceptable, else a new UUID; answered in the response's X-Request-Id. */
export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The path alone: query strings (searches by a petitioner's name or phone) never reach the logs. */
export function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0]!;
}

/**
 * pino-http's options for our apps: one JSON line per request with its id, method, path, status and
 * time; no headers (authorization, cookies), no bodies, no query strings. The stream defaults to
 * process.stdout (so a test can capture it); `pretty` renders the same lines readably.
 */
export function pinoHttpOptions(settings: {
  level: NestLogLevel;
  format: LogFormat;
  stream?: Writable;
}): Options {
  const destination = settings.stream ?? process.stdout;
  const stream =
    settings.format === 'pretty'
      ? pinoPretty({
          sync: true,
          destination,
          colorize: process.stdout.isTTY === true,
          ignore: 'pid,hostname',
          singleLine: true,
        })
      : destination;
  return {
    level: PINO_LEVELS[settings.level],
    stream,
    genReqId: requestIdFor,
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (request: { id: unknown; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        path: pathOnly(request.url),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  };
}
