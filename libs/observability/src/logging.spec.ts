import { type IncomingMessage, type ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pathOnly, pinoHttpOptions, requestIdFor } from './logging';

function exchange(headers: Record<string, string> = {}) {
  const set: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (set[name] = value) };
  const id = requestIdFor({ headers } as unknown as IncomingMessage, response as unknown as ServerResponse);
  return { id, answered: set['X-Request-Id'] };
}

describe('requestIdFor', () => {
  it('keeps a plain caller id and answers it', () => {
    expect(exchange({ 'x-request-id': 'gw-1234.abc:9' })).toEqual({
      id: 'gw-1234.abc:9',
      answered: 'gw-1234.abc:9',
    });
  });

  it.each([['has space'], ['{"json":1}'], ['x'.repeat(129)]])('replaces %j by a new UUID', (given) => {
    const { id, answered } = exchange({ 'x-request-id': given });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(answered).toBe(id);
  });

  it('makes one when none is given, different each time', () => {
    expect(exchange().id).not.toBe(exchange().id);
  });
});

describe('pathOnly', () => {
  it('drops the query string', () => {
    expect(pathOnly('/api/cases?petitionerName=%E5%BC%A0&unit=D1')).toBe('/api/cases');
    expect(pathOnly('/api/health')).toBe('/api/health');
    expect(pathOnly(undefined)).toBe('');
  });
});

/** A stream that keeps what is written to it, one chunk per log line. */
function collectingStream(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('pinoHttpOptions', () => {
  it('maps LOG_LEVEL to pino levels and writes JSON to the given stream', () => {
    const { lines, stream } = collectingStream();
    const options = pinoHttpOptions({ level: 'log', format: 'json', stream });
    expect(options.level).toBe('info');
    expect(pinoHttpOptions({ level: 'verbose', format: 'json' }).level).toBe('trace');
    const logger = pino(
      { level: options.level, redact: options.redact, serializers: options.serializers },
      stream,
    );
    logger.info(
      {
        req: {
          id: 'r1',
          method: 'GET',
          url: '/api/cases?petitionerPhone=13900001111',
          headers: { authorization: 'Bearer t' },
        },
        res: { statusCode: 200, headers: { 'set-cookie': 'x' } },
      },
      'request completed',
    );
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      level: 30,
      req: { id: 'r1', method: 'GET', path: '/api/cases' },
      res: { statusCode: 200 },
    });
    expect(lines[0]).not.toMatch(/13900001111|Bearer|set-cookie|authorization/);
  });

  it('renders the same lines readably with LOG_FORMAT=pretty', () => {
    const { lines, stream } = collectingStream();
    const options = pinoHttpOptions({ level: 'log', format: 'pretty', stream });
    const logger = pino({ level: options.level, serializers: options.serializers }, options.stream);
    logger.info({ req: { id: 'r2', method: 'GET', url: '/api/cases?q=1' } }, 'request completed');
    const text = lines.join('');
    expect(text).toContain('request completed');
    expect(text).toContain('/api/cases');
    expect(text).not.toContain('q=1');
    expect(() => JSON.parse(text)).toThrow();
  });
});
