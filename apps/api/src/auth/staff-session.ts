import { type Principal } from '../../../../libs/domain/src/org/principal';
import { type Role } from '../../../../libs/domain/src/org/roles';

/**
 * 登录会话 / Who is signed in: resolved from the bearer token by AuthGuard. A session, not an actor: it
 * holds all the staff member's roles; `actingAs` maps it, at the edge, to the domain's one actor (a
 * `Principal` in one role, libs/domain/src/case/actor.ts).
 */
export interface StaffSession {
  userId: string;
  username: string;
  name: string;
  unitCode: string;
  roles: string[];
  /** The session the token belongs to (for logout and "revoke my other sessions"). */
  sessionId: string;
}

/** The signed-in staff member as the domain's actor, acting in one of their roles (the caller picks it). */
export function actingAs(session: StaffSession, role: Role): Principal {
  return { userId: session.userId, name: session.name, role, unitCode: session.unitCode };
}

/** Where AuthGuard leaves the session on the request. */
export const STAFF_SESSION_KEY = 'staffSession';

export interface RequestWithStaffSession {
  [STAFF_SESSION_KEY]?: StaffSession;
}
