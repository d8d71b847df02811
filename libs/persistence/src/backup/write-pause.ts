import { Client, type ClientBase } from 'pg';

/**
 * Runs `snapshot` while no transaction can write to any table of the schema: one transaction holds an
 * EXCLUSIVE lock on every table (reads go on; writers wait). A write that committed
 * before is in both stores' copies or is redone by its retried activity (idempotent by case and
 * sequence); none can commit between the PostgreSQL and the Temporal copies.
 * Deadlocks and lock time-outs (a long transaction in the way) are retried a few times.
 */
export async function withWritesPaused<T>(
  ownerUrl: string,
  snapshot: (client: ClientBase) => Promise<T>,
  options: { lockTimeoutMs?: number; attempts?: number } = {},
): Promise<{ result: T; pausedMs: number }> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString: ownerUrl, application_name: 'petition-backup' });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = ${Math.round(options.lockTimeoutMs ?? 10_000)}`);
      const { rows } = await client.query<{ name: string }>(
        `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
      const started = Date.now();
      try {
        await client.query(`LOCK TABLE ${rows.map((row) => row.name).join(', ')} IN EXCLUSIVE MODE`);
      } catch (error) {
        const code = (error as { code?: string }).code;
        // 40P01 deadlock, 55P03 lock not available (lock_timeout)
        if ((code === '40P01' || code === '55P03') && attempt < attempts) {
          await client.query('ROLLBACK').catch(() => undefined);
          continue;
        }
        throw error;
      }
      const result = await snapshot(client);
      await client.query('COMMIT');
      return { result, pausedMs: Date.now() - started };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
