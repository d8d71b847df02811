import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** A satisfaction rating the petitioner gave through the public progress query (art. 21). */
export interface PublicRatingInput {
  caseNumber: string;
  /** The reply (its replyIssued event's sequence) the rating answers. */
  replySeq: number;
  satisfaction: string;
  comment: string | null;
}

export interface PendingPublicRating extends PublicRatingInput {
  id: string;
  submittedAt: Date;
  attempts: number;
}

/** How a stored rating ended: recorded on the case, or refused there (a counter rating came first). */
export type PublicRatingOutcome = 'recorded' | 'alreadyRated' | 'refused';

/**
 * Stores the rating, durably, as the public role may: INSERT only. True when stored now; false when this
 * reply already has an online rating (a second post never doubles and never replaces the first).
 */
export async function storePublicRating(db: Queryable, rating: PublicRatingInput): Promise<boolean> {
  // RETURNING names no column: the public role holds no SELECT on the table.
  const rows: { stored: number }[] = await db.query(
    `WITH stored AS (
       INSERT INTO public_satisfaction_ratings (case_number, reply_seq, satisfaction, comment)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1
     ) SELECT count(*)::int AS stored FROM stored`,
    [rating.caseNumber, rating.replySeq, rating.satisfaction, rating.comment],
  );
  return rows[0]!.stored === 1;
}

/** Ratings not yet delivered into their case, oldest first, whose next attempt is due. */
export async function pendingPublicRatings(db: Queryable, limit: number): Promise<PendingPublicRating[]> {
  const rows: {
    id: string;
    case_number: string;
    reply_seq: number;
    satisfaction: string;
    comment: string | null;
    submitted_at: Date;
    attempts: number;
  }[] = await db.query(
    `SELECT id, case_number, reply_seq, satisfaction, comment, submitted_at, attempts
     FROM public_satisfaction_ratings
     WHERE delivered_at IS NULL AND next_attempt_at <= now()
     ORDER BY submitted_at, id LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    caseNumber: row.case_number,
    replySeq: row.reply_seq,
    satisfaction: row.satisfaction,
    comment: row.comment,
    submittedAt: row.submitted_at,
    attempts: row.attempts,
  }));
}

/** Marks the rating delivered, once (a second relay finding it delivered changes nothing). */
export async function markPublicRatingDelivered(
  db: Queryable,
  id: string,
  outcome: PublicRatingOutcome,
  eventSeq: number | null,
): Promise<void> {
  await db.query(
    `UPDATE public_satisfaction_ratings SET delivered_at = now(), outcome = $2, event_seq = $3, last_error = NULL
     WHERE id = $1 AND delivered_at IS NULL`,
    [id, outcome, eventSeq],
  );
}

/** Leaves the rating pending and tries again later: after 1, 2, 4 … seconds, at most `maxDelaySeconds`. */
export async function deferPublicRating(
  db: Queryable,
  id: string,
  error: string,
  maxDelaySeconds: number,
): Promise<void> {
  await db.query(
    `UPDATE public_satisfaction_ratings
     SET attempts = attempts + 1, last_error = left($2, 500),
         next_attempt_at = now() + make_interval(secs => least(power(2, attempts), $3::int))
     WHERE id = $1 AND delivered_at IS NULL`,
    [id, error, maxDelaySeconds],
  );
}

/** Does the case have an online rating not yet delivered? It came first: a counter rating then waits it out. */
export async function hasPendingPublicRating(db: Queryable, caseNumber: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM public_satisfaction_ratings WHERE case_number = $1 AND delivered_at IS NULL LIMIT 1`,
    [caseNumber],
  );
  return rows.length > 0;
}
