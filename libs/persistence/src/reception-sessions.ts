import { type EntityManager } from 'typeorm';
import { type Role } from '../../domain/src/org/roles';
import { type CaseViewer, caseVisibleTo } from './case-visibility';
import { unitLineCtes } from './unit-tree';

type Queryable = Pick<EntityManager, 'query'>;

/** A published reception session (领导接待日), with its leader as the directory names them. */
export interface ReceptionSession {
  id: string;
  unitCode: string;
  unitName: string;
  leader: { userId: string; name: string; unitCode: string; role: Role | null };
  date: string;
  place: string;
  topics: string[];
  publishedBy: string;
  publishedAt: string;
}

export interface NewReceptionSession {
  unitCode: string;
  leaderUserId: string;
  date: string;
  place: string;
  topics: string[];
  publishedBy: string;
}

const SESSION_COLUMNS = `s.id::text AS id, s.unit_code, un.name AS unit_name, s.leader_user_id,
  lu.name AS leader_name, lu.unit_code AS leader_unit_code,
  (SELECT r.role FROM user_roles r WHERE r.user_id = s.leader_user_id AND r.role IN ('packageLeader', 'unitLeader')
     ORDER BY array_position(ARRAY['packageLeader', 'unitLeader']::varchar[], r.role) LIMIT 1) AS leader_role,
  to_char(s.session_date, 'YYYY-MM-DD') AS session_date, s.place, s.topics, s.published_by, s.published_at`;

const SESSION_FROM = `reception_sessions s JOIN units un ON un.code = s.unit_code JOIN users lu ON lu.id = s.leader_user_id`;

interface SessionRow {
  id: string;
  unit_code: string;
  unit_name: string;
  leader_user_id: string;
  leader_name: string;
  leader_unit_code: string;
  leader_role: Role | null;
  session_date: string;
  place: string;
  topics: string[];
  published_by: string;
  published_at: Date;
}

function toSession(row: SessionRow): ReceptionSession {
  return {
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    leader: {
      userId: row.leader_user_id,
      name: row.leader_name,
      unitCode: row.leader_unit_code,
      role: row.leader_role,
    },
    date: row.session_date,
    place: row.place,
    topics: row.topics,
    publishedBy: row.published_by,
    publishedAt: new Date(row.published_at).toISOString(),
  };
}

export async function insertReceptionSession(db: Queryable, session: NewReceptionSession): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO reception_sessions (unit_code, leader_user_id, session_date, place, topics, published_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
    [
      session.unitCode,
      session.leaderUserId,
      session.date,
      session.place,
      JSON.stringify(session.topics),
      session.publishedBy,
    ],
  );
  return row!.id;
}

/** One session by id; null when there is none (or the id is not a uuid). */
export async function findReceptionSession(db: Queryable, id: string): Promise<ReceptionSession | null> {
  const rows: SessionRow[] = await db.query(
    `SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM}
     WHERE s.id::text = $1`,
    [id],
  );
  return rows[0] ? toSession(rows[0]) : null;
}

/**
 * The sessions a staff member of `viewerUnitCode` sees: those of their unit, of the units above it (whose
 * schedule concerns them) and of the units below it, from `from` to `to` (dates, inclusive), by date.
 */
export async function listReceptionSessions(
  db: Queryable,
  viewerUnitCode: string,
  range: { from?: string; to?: string },
): Promise<ReceptionSession[]> {
  const rows: SessionRow[] = await db.query(
    `${unitLineCtes('$1')}
     SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM}
     WHERE s.unit_code IN (SELECT code FROM line)
       AND ($2::date IS NULL OR s.session_date >= $2::date)
       AND ($3::date IS NULL OR s.session_date <= $3::date)
     ORDER BY s.session_date, s.published_at, s.id
     LIMIT 500`,
    [viewerUnitCode, range.from ?? null, range.to ?? null],
  );
  return rows.map(toSession);
}

/** A case registered in a session, for its reception record. */
export interface ReceptionCase {
  caseNumber: string;
  petitionerName: string;
  subject: string;
  receivedAt: string;
  registeringUnitCode: string;
  status: string;
  holdingUnitCode: string | null;
}

/** The cases registered in the session that the viewer may see, earliest receipt first. */
export async function receptionSessionCases(
  db: Queryable,
  sessionId: string,
  viewer: CaseViewer,
): Promise<ReceptionCase[]> {
  const rows: {
    case_number: string;
    petitioner_name: string;
    subject: string;
    received_at: Date;
    registering_unit_code: string;
    status: string;
    holding_unit_code: string | null;
  }[] = await db.query(
    `SELECT s.case_number, s.petitioner_name, s.subject, s.received_at, s.registering_unit_code,
            c.status, c.holding_unit_code
     FROM case_submissions s JOIN cases c ON c.case_number = s.case_number
     WHERE s.reception_session_id::text = $1 AND ${caseVisibleTo('$2', { unitParam: '$3' })}
     ORDER BY s.received_at, s.case_number`,
    [sessionId, viewer.userId, viewer.unitCode],
  );
  return rows.map((row) => ({
    caseNumber: row.case_number,
    petitionerName: row.petitioner_name,
    subject: row.subject,
    receivedAt: new Date(row.received_at).toISOString(),
    registeringUnitCode: row.registering_unit_code,
    status: row.status,
    holdingUnitCode: row.holding_unit_code,
  }));
}

/** The unit of an active user holding a leader's role (unit or package leader), if they are one. */
export async function findActiveLeaderUnit(db: Queryable, userId: string): Promise<string | undefined> {
  const [leader]: { unit_code: string }[] = await db.query(
    `SELECT u.unit_code FROM users u
       WHERE u.id = $1 AND u.active
         AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN ('unitLeader', 'packageLeader'))`,
    [userId],
  );
  return leader?.unit_code;
}
