import { type DataSource } from 'typeorm';

export interface RateLimitHit {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

/**
 * Counts one request under `key` in a fixed window of `windowSeconds`, atomically in PostgreSQL, so
 * every API instance sees the same counter. Windows are aligned on the database clock.
 */
export async function hitRateLimit(
  db: DataSource,
  key: string,
  windowSeconds: number,
): Promise<RateLimitHit> {
  const [row] = await db.query(
    `INSERT INTO rate_limits (key, window_start, count)
     VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
     RETURNING count,
       ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry_after`,
    [key, windowSeconds],
  );
  return { count: Number(row.count), retryAfterSeconds: Math.max(1, Number(row.retry_after)) };
}

/** Drops windows that ended more than a day ago. */
export async function pruneRateLimits(db: DataSource): Promise<void> {
  await db.query(`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`);
}
