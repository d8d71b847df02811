import { type EntityManager } from 'typeorm';
import { type ReceptionRef } from '../../../../libs/domain/src/case/case-state';
import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import { findReceptionSession, isInUnitLine, type ReceptionSession } from '../../../../libs/persistence/src';
import { receptionError } from './reception-errors';

const FIELD = 'receptionSessionId';

/** What a registration says about the reception session it happened in. */
export interface ReceptionClaim {
  receptionSessionId?: string;
  channel: string;
}

/**
 * A registration in a leader's reception session: the session exists, lies in the clerk's unit line, is
 * on the day the petition was received, and its leader still holds a leader role; the channel says so.
 * Every refusal is 422 naming `receptionSessionId` (or `channel`).
 */
export async function checkReceptionForRegistration(
  db: EntityManager,
  claim: ReceptionClaim,
  clerkUnitCode: string,
  receivedAt: Date,
  timeZone: string,
): Promise<void> {
  if (claim.receptionSessionId === undefined) return;
  const session = await findReceptionSession(db, claim.receptionSessionId);
  if (!session) throw receptionError('RECEPTION_SESSION_UNKNOWN', FIELD);
  if (!(await isInUnitLine(db, session.unitCode, clerkUnitCode)))
    throw receptionError('RECEPTION_SESSION_OUT_OF_SCOPE', FIELD);
  if (session.date !== localDateAt(receivedAt.getTime(), timeZone))
    throw receptionError('RECEPTION_SESSION_OTHER_DAY', FIELD);
  if (session.leader.role === null) throw receptionError('RECEPTION_LEADER_UNAVAILABLE', FIELD);
  if (claim.channel !== 'leaderReception') throw receptionError('RECEPTION_CHANNEL_MISMATCH', 'channel');
}

/** The session and its leader as the case records them (the leader becomes the package leader). */
export async function receptionRefFor(
  db: EntityManager,
  receptionSessionId: string | null,
): Promise<ReceptionRef | undefined> {
  if (!receptionSessionId) return undefined;
  const session = await findReceptionSession(db, receptionSessionId);
  if (!session?.leader.role) return undefined;
  return { sessionId: session.id, leader: leaderOf(session) };
}

function leaderOf(session: ReceptionSession): ReceptionRef['leader'] {
  const { userId, name, unitCode, role } = session.leader;
  return { userId, name, unitCode, role: role! };
}
