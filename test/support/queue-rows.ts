import { type DataSource } from 'typeorm';
import { uniqueId } from './stack';

export interface QueueRow {
  overdueLevel?: number;
  dueAt?: Date | null;
  holdingUnit?: string;
  handlerUserId?: string | null;
  packageLeaderUserId?: string | null;
  registeredAt?: Date;
  petitionerName?: string;
  caseNumber?: string;
}

/**
 * Read-model rows written straight into the tables (owner connection), to test the queue's order and
 * paging at sizes where a workflow per row would be slow. The case is held by and scoped to `unit`.
 */
export async function insertQueueRows(db: DataSource, unit: string, rows: QueueRow[]): Promise<string[]> {
  const numbers = rows.map((row) => row.caseNumber ?? `${unit}-2026-${uniqueId(8)}`);
  const now = new Date();
  const column = <T>(pick: (row: QueueRow, i: number) => T) => rows.map(pick);
  await db.query(
    `INSERT INTO case_submissions (case_number, channel, category, subject, content, petitioner_name, unit_code, registering_unit_code, received_at, submitted_at)
     SELECT n, 'letter', 'grievance', '队列测试', '队列测试内容', p, $2, $2, r, r
     FROM unnest($1::varchar[], $3::varchar[], $4::timestamptz[]) AS v(n, p, r)`,
    [numbers, unit, column((row) => row.petitionerName ?? '某某'), column((row) => row.registeredAt ?? now)],
  );
  await db.query(
    `INSERT INTO cases (case_number, workflow_id, status, category, channel, subject, unit_code, registering_unit_code, holding_unit_code,
                        handler_user_id, package_leader_user_id, clock, due_at, overdue_level, received_at, registered_at, event_count, last_event_hash, updated_at)
     SELECT n, 'wf-' || n, 'inHandling', 'grievance', 'letter', '队列测试', $2, $2, h, u, l,
            CASE WHEN d IS NULL THEN NULL ELSE 'handling' END, d, o, r, r, 0, repeat('0', 64), r
     FROM unnest($1::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::timestamptz[], $7::int[], $8::timestamptz[])
       AS v(n, h, u, l, d, o, r)`,
    [
      numbers,
      unit,
      column((row) => row.holdingUnit ?? unit),
      column((row) => row.handlerUserId ?? null),
      column((row) => row.packageLeaderUserId ?? null),
      column((row) => row.dueAt ?? null),
      column((row) => row.overdueLevel ?? 0),
      column((row) => row.registeredAt ?? now),
    ],
  );
  return numbers;
}

/** The urgency order the queue promises: overdue level DESC, due time ASC (none last), case number ASC. */
export function byUrgency(
  a: { overdueLevel: number; dueAt: string | null; caseNumber: string },
  b: { overdueLevel: number; dueAt: string | null; caseNumber: string },
): number {
  if (a.overdueLevel !== b.overdueLevel) return b.overdueLevel - a.overdueLevel;
  const due = (row: { dueAt: string | null }) => (row.dueAt ? Date.parse(row.dueAt) : Infinity);
  if (due(a) !== due(b)) return due(a) - due(b);
  return a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0;
}
