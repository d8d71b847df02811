import { type MigrationInterface, type QueryRunner } from 'typeorm';

const TRIAGE_DECISIONS = `('caseAccepted', 'caseTransferred', 'caseAssignedDown', 'caseNotAccepted')`;
const FINAL_STATUSES = `('notAccepted', 'closed', 'concluded', 'withdrawn')`;
const DEADLINE_EVENTS = `('deadlineWarning', 'deadlineEscalated', 'deadlineRecomputed')`;

/**
 * The supervisors' metric facts: per case, its deadlines and when they were met, its reply, satisfaction,
 * review and re-review; and the countable occurrences (extensions granted, escalation levels, supervision
 * orders, reminders) with their times. Kept by the recording transaction from now on; backfilled here
 * from the event log. The event log does not hold the deadlines themselves (the workflow's view of the
 * clock is not part of the hashed event): a backfilled deadline is the running clock's for an open case,
 * else the last one a warning, escalation or recomputation named; a case with neither stays without it
 * and is left out of the on-time figures.
 */
export class CaseMetrics1764400000007 implements MigrationInterface {
  name = 'CaseMetrics1764400000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_metric_facts (
        case_number varchar(64) PRIMARY KEY REFERENCES cases(case_number),
        triage_due_at timestamptz,
        triaged_at timestamptz,
        handling_due_at timestamptz,
        replied_at timestamptz,
        ended_at timestamptz,
        satisfaction varchar(24),
        review_requested_at timestamptz,
        review_decided_at timestamptz,
        review_outcome varchar(24),
        re_review_requested_at timestamptz,
        re_review_decided_at timestamptz,
        re_review_outcome varchar(24)
      )`);
    await db.query(`
      CREATE TABLE case_metric_occurrences (
        case_number varchar(64) NOT NULL REFERENCES cases(case_number),
        seq int NOT NULL,
        kind varchar(32) NOT NULL,
        level int,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (case_number, seq)
      )`);
    await db.query(
      `CREATE INDEX case_metric_occurrences_kind_time ON case_metric_occurrences (kind, occurred_at)`,
    );
    await backfillCaseMetrics(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_metric_occurrences`);
    await db.query(`DROP TABLE case_metric_facts`);
  }
}

/**
 * Derives the facts of cases that have none from the event log (idempotent: existing rows and
 * occurrences are kept; repeat visits are recounted).
 */
export async function backfillCaseMetrics(db: Pick<QueryRunner, 'query'>): Promise<void> {
  const lastOf = (type: string, field: string) =>
    `(array_agg(e.payload->>'${field}' ORDER BY e.seq DESC) FILTER (WHERE e.type = '${type}'))[1]`;
  const firstAt = (condition: string) => `min(e.occurred_at) FILTER (WHERE ${condition})`;
  const added: { case_number: string }[] = await db.query(`
      INSERT INTO case_metric_facts (case_number, triaged_at, replied_at, ended_at, satisfaction,
        review_requested_at, review_decided_at, review_outcome,
        re_review_requested_at, re_review_decided_at, re_review_outcome)
      SELECT c.case_number,
        ${firstAt(`e.type IN ${TRIAGE_DECISIONS}`)},
        ${firstAt(`e.type = 'replyIssued'`)},
        ${firstAt(`e.payload->>'status' IN ${FINAL_STATUSES}`)},
        ${lastOf('satisfactionRecorded', 'satisfaction')},
        ${firstAt(`e.type = 'reviewRequested'`)},
        ${firstAt(`e.type = 'reviewDecided'`)},
        ${lastOf('reviewDecided', 'outcome')},
        ${firstAt(`e.type = 'reReviewRequested'`)},
        ${firstAt(`e.type = 'reReviewDecided'`)},
        ${lastOf('reReviewDecided', 'outcome')}
      FROM cases c LEFT JOIN case_events e ON e.case_number = c.case_number
      WHERE NOT EXISTS (SELECT 1 FROM case_metric_facts known WHERE known.case_number = c.case_number)
      GROUP BY c.case_number
      RETURNING case_number`);
  const namedDeadline = (clock: string, before: string) => `(
      SELECT coalesce(e.payload->>'dueAt', e.payload->>'endsAt')::timestamptz FROM case_events e
      WHERE e.case_number = f.case_number AND e.type IN ${DEADLINE_EVENTS} AND e.payload->>'clock' = '${clock}'
        AND (${before} IS NULL OR e.occurred_at <= ${before})
      ORDER BY e.seq DESC LIMIT 1)`;
  await db.query(
    `
      UPDATE case_metric_facts f SET
        triage_due_at = coalesce(
          CASE WHEN c.clock = 'triage' AND f.triaged_at IS NULL THEN c.due_at END,
          ${namedDeadline('triage', 'f.triaged_at')}),
        handling_due_at = coalesce(
          CASE WHEN c.clock = 'handling' THEN c.due_at END,
          ${namedDeadline('handling', 'f.replied_at')})
      FROM cases c WHERE c.case_number = f.case_number AND f.case_number = ANY($1)`,
    [added.map((row) => row.case_number)],
  );
  await db.query(`
      INSERT INTO case_metric_occurrences (case_number, seq, kind, level, occurred_at)
      SELECT e.case_number, e.seq,
        CASE e.type WHEN 'deadlineEscalated' THEN 'escalated' WHEN 'extensionDecided' THEN 'extensionGranted' ELSE e.type END,
        CASE WHEN e.type = 'deadlineEscalated' THEN (e.payload->>'level')::int END,
        e.occurred_at
      FROM case_events e JOIN cases c ON c.case_number = e.case_number
      WHERE e.type IN ('deadlineEscalated', 'supervisionOrdered', 'reminderSent')
         OR (e.type = 'extensionDecided' AND e.payload->>'granted' = 'true')
      ON CONFLICT (case_number, seq) DO NOTHING`);
  await db.query(`
      UPDATE cases c SET repeat_visits = r.visits FROM (
        SELECT linked.case_number, count(DISTINCT e.case_number)::int AS visits
        FROM case_events e,
          jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.payload->'linkedCaseNumbers') = 'array'
            THEN e.payload->'linkedCaseNumbers' ELSE '[]'::jsonb END) AS linked(case_number)
        WHERE e.type = 'caseRegistered' AND linked.case_number <> e.case_number
        GROUP BY linked.case_number
      ) r WHERE c.case_number = r.case_number`);
}
