import * as path from 'node:path';
import { z } from 'zod';

/**
 * Typed, validated configuration read from the environment once at start-up.
 * A bad value stops start-up with one line naming the variable.
 */
const portSchema = z.coerce.number().int().min(1).max(65535);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A payload key ID: short, printable, safe in payload metadata and file names. */
export const PAYLOAD_KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const AES_256_KEY_BYTES = 32;

/**
 * The payload key ring as stored (file or inline JSON): one active key encrypts, every listed key
 * decrypts, so a key can be rotated without losing old histories. Messages never echo key material.
 */
export const payloadKeyRingSchema = z
  .object({
    activeKeyId: z.string().regex(PAYLOAD_KEY_ID_PATTERN, 'must be a key ID ([A-Za-z0-9._-], ≤ 64)'),
    keys: z.record(
      z.string().regex(PAYLOAD_KEY_ID_PATTERN, 'key IDs must match [A-Za-z0-9._-], ≤ 64'),
      z
        .string()
        .refine(
          (value) =>
            /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === AES_256_KEY_BYTES,
          'must be 32 bytes in base64 (AES-256)',
        ),
    ),
  })
  .strict()
  .refine((ring) => Object.hasOwn(ring.keys, ring.activeKeyId), {
    message: 'activeKeyId must name one of the keys',
    path: ['activeKeyId'],
  });

export type PayloadKeyRingJson = z.infer<typeof payloadKeyRingSchema>;

export interface PayloadKeyRingIssue {
  path: PropertyKey[];
  message: string;
}

/** Parses key-ring JSON text; issues carry no part of the text (it is secret). */
export function parsePayloadKeyRingText(
  text: string,
): { ring: PayloadKeyRingJson; issues?: undefined } | { ring?: undefined; issues: PayloadKeyRingIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { issues: [{ path: [], message: 'is not valid JSON ({"activeKeyId": …, "keys": {…}})' }] };
  }
  const parsed = payloadKeyRingSchema.safeParse(json);
  if (parsed.success) return { ring: parsed.data };
  return { issues: parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) };
}

export const configSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('var'),
  DATABASE_URL: optionalString,
  MIGRATION_DATABASE_URL: optionalString,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PG_PORT: portSchema.optional(),
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('petition'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('petition-cases'),
  TEMPORAL_TLS: booleanFlag,
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_TLS_CA_PATH: optionalString,
  TEMPORAL_TLS_SERVER_NAME: optionalString,
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_PORT: portSchema.optional(),
  TEMPORAL_UI_PORT: portSchema.optional(),
  TEMPORAL_HEADLESS: booleanFlag,
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_TEST_SERVER_PATH: optionalString,
  WORKFLOW_BUNDLE_PATH: optionalString,
  /** Case workflows kept in the worker's memory between tasks; see worker-sizing.ts for the heap cap it goes with. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(250),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(100),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(1).default(40),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** `json`: one JSON object a line (pino), for log collectors; `pretty`: the same, readable (`npm start` on a terminal). */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** Where the metrics endpoints listen (Prometheus scrapes `/metrics`); apart from the app's own port. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** The API's request metrics on this port; unset, the API serves no metrics. */
  METRICS_PORT: portSchema.optional(),
  /** The worker's metrics (the Temporal SDK's and the cases') on this port; unset, none. */
  WORKER_METRICS_PORT: portSchema.optional(),
  /** OTLP/HTTP collector (e.g. http://collector:4318): traces are exported there; unset, tracing is off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString,
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** External bodies above the top unit, nearest first: where reviews of the top unit's cases go. */
  BODIES_ABOVE_TOP: z
    .string()
    .default('市信访局,省信访局')
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  REQUEST_BODY_LIMIT: z.string().default('256kb'),
  /**
   * Behind a reverse proxy: which hops to trust for the client address (Express "trust proxy": a hop
   * count, or addresses/subnets). Unset, the direct peer's address is used (rate limits, access audit).
   */
  TRUST_PROXY: optionalString.transform((value) =>
    value !== undefined && /^\d+$/.test(value) ? Number(value) : value,
  ),
  /** Payload encryption key ring (JSON, see payloadKeyRingSchema) given inline, e.g. injected from a secret store. */
  PAYLOAD_KEYS: optionalString.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const { ring, issues } = parsePayloadKeyRingText(value);
    for (const issue of issues ?? []) ctx.addIssue({ code: 'custom', ...issue });
    return ring;
  }),
  /** Path of a JSON key-ring file (a mounted secret); `npm start` generates one in the data folder when embedded. */
  PAYLOAD_KEYS_FILE: optionalString,
  /** Key of the blind indexes over petitioners' ID numbers and phones (base64, at least 32 bytes). */
  BLIND_INDEX_KEY: optionalString.refine(
    (value) => value === undefined || Buffer.from(value, 'base64').length >= 32,
    {
      message: '须为至少32字节的 base64 / must be base64 of at least 32 bytes',
    },
  ),
  /** A file holding BLIND_INDEX_KEY; `npm start` generates one in the data folder when PostgreSQL is embedded. */
  BLIND_INDEX_KEY_FILE: optionalString,
  /** Roles (comma-separated) whose users may log in without a TOTP second factor; by default none may. */
  TOTP_OPTIONAL_ROLES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    ),
  /** Absolute lifetime of an access token (hours), however active its session. */
  SESSION_LIFETIME_HOURS: z.coerce.number().positive().max(24).default(8),
  /** A session unused for this long (minutes) is over; every use refreshes it. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30),
  /** How often (seconds) an open live stream (SSE) re-checks its session, ending after logout or idle. */
  STREAM_SESSION_CHECK_SECONDS: z.coerce.number().positive().max(300).default(15),
  /** Lifetime (minutes) of a half-logged-in challenge (second factor, enrolment, password change). */
  AUTH_CHALLENGE_MINUTES: z.coerce.number().positive().max(60).default(5),
  /** Failed logins within LOGIN_LOCKOUT_WINDOW_MINUTES that lock the account. */
  LOGIN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** How long (minutes) a locked account stays locked. */
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** Login requests per client address, and per username, in each LOGIN_RATE_WINDOW_SECONDS (shared in PostgreSQL). */
  LOGIN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_RATE_LIMIT_PER_USERNAME: z.coerce.number().int().min(1).default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  /** Exports (timeline CSV) per client address in each EXPORT_RATE_WINDOW_SECONDS, counted in PostgreSQL across instances. */
  EXPORT_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  EXPORT_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  /** The largest file (bytes) a case attachment may be; larger uploads answer 413 ATTACHMENT_TOO_LARGE. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /** A TTF/OTF/TTC font with Chinese glyphs for written notices; unset → the pinned font in `.tools/fonts`. */
  NOTICE_FONT_PATH: optionalString,
  /** Which face of a font collection (.ttc) to use, by PostScript name; unset → the collection's first face. */
  NOTICE_FONT_FACE: optionalString,
  /** The public progress query app (apps/public): its own listen address, apart from the staff API. */
  PUBLIC_PORT: portSchema.default(3001),
  PUBLIC_HOST: z.string().default('127.0.0.1'),
  /** Progress queries per client address, and per case number, in each PUBLIC_QUERY_RATE_WINDOW_SECONDS (shared in PostgreSQL). */
  PUBLIC_QUERY_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  PUBLIC_QUERY_RATE_LIMIT_PER_CASE: z.coerce.number().int().min(1).default(10),
  PUBLIC_QUERY_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(600),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface AppConfig extends RawConfig {
  /** Absolute path of the data folder (embedded PostgreSQL, Temporal SQLite, keys). */
  dataDir: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = issue.path.join('.');
    throw new ConfigError(`配置错误 / invalid configuration: ${variable}: ${issue.message}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}

/** The environment variables the configuration understands, for deployment-file checks and docs. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(configSchema.shape);
