import { type EntityManager } from 'typeorm';
import { caseVisibleTo, type CaseViewer } from './case-visibility';

/** A new petition as repeat detection compares it with the petitioner's earlier cases. */
export interface RepeatProbe {
  /** Blind index of the petitioner's document number. */
  idNumberBidx: string | null;
  name: string;
  /** Blind index of the phone: with the name, a second way to recognise the petitioner. */
  phoneBidx: string | null;
  category: string;
  /** The unit where the matter arises. */
  matterUnitCode: string;
  subject: string;
  content: string;
  /** Policy: the least similarity (0–1) for the same matter. */
  threshold: number;
  /** The clerk judged this earlier case not the same matter. */
  notRepeatOf: string | null;
  /** Only cases the registering clerk may see are compared (accusations never leak to the accused). */
  viewer: CaseViewer;
}

/** An earlier case of the same petitioner on the same matter: open, or concluded after re-review. */
export interface EarlierMatter {
  caseNumber: string;
  status: string;
  similarity: number;
  /** When the case ended (for a concluded case: its conclusion). */
  endedAt: Date | null;
  /** Where the earlier case is, for the skip-level rule (art. 19). */
  registeringUnitCode: string;
  holdingUnitCode: string;
  responsibleUnitCode: string | null;
}

/**
 * The petitioner's earlier case on the same matter: same petitioner (document number, or name and
 * phone), same category, the matter's unit being the earlier case's matter or responsible unit, and
 * subject and content at least `threshold` alike. An open case comes first, then a concluded one; cases
 * closed, not accepted or withdrawn never make a petition a repeat.
 */
export async function findEarlierSameMatter(
  db: Pick<EntityManager, 'query'>,
  probe: RepeatProbe,
): Promise<EarlierMatter | null> {
  if (!probe.idNumberBidx && !probe.phoneBidx) return null;
  const rows: {
    case_number: string;
    status: string;
    similarity: number;
    ended_at: Date | null;
    registering_unit_code: string;
    holding_unit_code: string | null;
    responsible_unit_code: string | null;
  }[] = await db.query(
    `SELECT c.case_number, c.status, m.similarity, f.ended_at,
              c.registering_unit_code, c.holding_unit_code, c.responsible_unit_code
       FROM case_submissions s
       JOIN cases c ON c.case_number = s.case_number
       LEFT JOIN case_metric_facts f ON f.case_number = c.case_number
       CROSS JOIN LATERAL (
         SELECT petition_similarity(s.subject || ' ' || s.content, $6::text || ' ' || $7::text) AS similarity
       ) m
       WHERE (s.petitioner_id_number_bidx = $1
              OR (s.petitioner_phone_bidx = $3 AND btrim(s.petitioner_name) = btrim($2)))
         AND s.category = $4
         AND $5::varchar IN (s.unit_code, c.responsible_unit_code)
         AND c.status NOT IN ('notAccepted', 'closed', 'withdrawn')
         AND ($9::varchar IS NULL OR c.case_number <> $9)
         AND ${caseVisibleTo('$10', { unitParam: '$11' })}
         AND m.similarity >= $8::real
       ORDER BY c.status = 'concluded', m.similarity DESC, c.registered_at DESC
       LIMIT 1`,
    [
      probe.idNumberBidx,
      probe.name,
      probe.phoneBidx,
      probe.category,
      probe.matterUnitCode,
      probe.subject,
      probe.content,
      probe.threshold,
      probe.notRepeatOf,
      probe.viewer.userId,
      probe.viewer.unitCode,
    ],
  );
  const [row] = rows;
  return row
    ? {
        caseNumber: row.case_number,
        status: row.status,
        similarity: row.similarity,
        endedAt: row.ended_at,
        registeringUnitCode: row.registering_unit_code,
        holdingUnitCode: row.holding_unit_code ?? row.registering_unit_code,
        responsibleUnitCode: row.responsible_unit_code,
      }
    : null;
}

/** The lower case a skip-level petition was referred to (art. 19), with its status as it stands now. */
export interface SkipLevelReferral {
  caseNumber: string;
  /** The lower unit the petition was referred to. */
  referredToUnitCode: string | null;
  status: string;
  holdingUnitCode: string | null;
  responsibleUnitCode: string | null;
  updatedAt: Date;
}

/**
 * For a case the higher level registered and referred down (art. 19): the lower case it is linked to,
 * read live from the read model, so the registering level keeps seeing how the matter is handled.
 */
export async function skipLevelReferralOf(
  db: Pick<EntityManager, 'query'>,
  caseNumber: string,
): Promise<SkipLevelReferral | null> {
  const [row]: {
    case_number: string;
    handled_below_unit_code: string | null;
    status: string;
    holding_unit_code: string | null;
    responsible_unit_code: string | null;
    updated_at: Date;
  }[] = await db.query(
    `SELECT c.case_number, s.handled_below_unit_code, c.status, c.holding_unit_code, c.responsible_unit_code,
            c.updated_at
     FROM case_submissions s JOIN cases c ON c.case_number = s.handled_below_in
     WHERE s.case_number = $1`,
    [caseNumber],
  );
  return row
    ? {
        caseNumber: row.case_number,
        referredToUnitCode: row.handled_below_unit_code,
        status: row.status,
        holdingUnitCode: row.holding_unit_code,
        responsibleUnitCode: row.responsible_unit_code,
        updatedAt: row.updated_at,
      }
    : null;
}
