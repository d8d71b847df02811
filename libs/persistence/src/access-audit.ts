import { type EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/** Audits a staff member opening an accusation case, with the reason they gave. */
export async function recordAccusationCaseRead(
  db: Queryable,
  read: { userId: string; caseNumber: string; reason: string },
): Promise<void> {
  await db.query(
    `INSERT INTO access_audit (user_id, action, case_number, reason) VALUES ($1, 'readAccusationCase', $2, $3)`,
    [read.userId, read.caseNumber, read.reason],
  );
}

/** Audits a staff member revealing a petitioner's personal data in plain, with the reason they gave. */
export async function recordPersonalDataReveal(
  db: Queryable,
  reveal: { userId: string; caseNumber: string; reason: string; clientAddress: string | undefined },
): Promise<void> {
  await db.query(
    `INSERT INTO access_audit (user_id, action, case_number, reason, client_address) VALUES ($1, 'revealPersonalData', $2, $3, $4)`,
    [reveal.userId, reveal.caseNumber, reveal.reason, reveal.clientAddress ?? null],
  );
}
