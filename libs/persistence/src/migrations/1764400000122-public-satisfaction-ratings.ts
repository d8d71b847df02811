import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The petitioner's own satisfaction rating through the public progress query (art. 21):
 * - `public_satisfaction_ratings`: what the public app accepted, durably, before it reaches the case.
 *   The public role may only INSERT (no read, no change); unique per case and reply, so a retried post
 *   never doubles. The worker's relay delivers each into the case's workflow and marks it delivered.
 * - on the read model, what the public app needs to offer the rating: the reply's event sequence, its
 *   delivery date and whether a satisfaction answer is recorded (from the counter or online).
 */
export class PublicSatisfactionRatings1764400000122 implements MigrationInterface {
  name = 'PublicSatisfactionRatings1764400000122';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE public_satisfaction_ratings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number varchar(64) NOT NULL REFERENCES cases (case_number),
        reply_seq int NOT NULL,
        satisfaction varchar(24) NOT NULL
          CHECK (satisfaction IN ('satisfied', 'basicallySatisfied', 'dissatisfied')),
        comment text CHECK (comment IS NULL OR char_length(comment) <= 500),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        delivered_at timestamptz,
        outcome varchar(32),
        event_seq int,
        UNIQUE (case_number, reply_seq)
      )`);
    await db.query(`
      CREATE INDEX public_satisfaction_ratings_pending ON public_satisfaction_ratings (next_attempt_at)
      WHERE delivered_at IS NULL`);
    await db.query(`
      ALTER TABLE cases
        ADD COLUMN reply_seq int,
        ADD COLUMN reply_delivered_on date,
        ADD COLUMN satisfaction_recorded_at timestamptz`);
    // Cases recorded before: the same columns from their timelines.
    await db.query(`
      UPDATE cases c SET
        reply_seq = (SELECT max(e.seq) FROM case_events e
                     WHERE e.case_number = c.case_number AND e.type = 'replyIssued'),
        reply_delivered_on = (SELECT (e.payload ->> 'deliveredOn')::date FROM case_events e
                              WHERE e.case_number = c.case_number AND e.type = 'deliveryRecorded'
                                AND e.payload ->> 'document' = 'reply'
                              ORDER BY e.seq DESC LIMIT 1),
        satisfaction_recorded_at = (SELECT max(e.occurred_at) FROM case_events e
                                    WHERE e.case_number = c.case_number AND e.type = 'satisfactionRecorded')
      WHERE EXISTS (SELECT 1 FROM case_events e WHERE e.case_number = c.case_number AND e.type = 'replyIssued')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cases DROP COLUMN reply_seq, DROP COLUMN reply_delivered_on, DROP COLUMN satisfaction_recorded_at`);
    await db.query(`DROP TABLE public_satisfaction_ratings`);
  }
}
