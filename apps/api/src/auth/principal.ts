import { type Principal as Actor } from '../../../../libs/domain/src/org/principal';
import { type Role } from '../../../../libs/domain/src/org/roles';

/**
 * Who is calling: resolved from the bearer token by AuthGuard. A session, not an actor: it holds all the
 * caller's roles; `actingAs` maps it, at the edge, to the domain's one actor (libs/domain/src/case/actor.ts).
 */
export interface Principal {
  userId: string;
  username: string;
  name: string;
  unitCode: string;
  roles: string[];
  /** The session the token belongs to (for logout and "revoke my other sessions"). */
  sessionId: string;
}

/** The caller as the domain's actor, acting in one of their roles (which role is the caller's business). */
export function actingAs(user: Principal, role: Role): Actor {
  return { userId: user.userId, name: user.name, role, unitCode: user.unitCode };
}

/** Where AuthGuard leaves the principal on the request. */
export const PRINCIPAL_KEY = 'principal';

export interface RequestWithPrincipal {
  [PRINCIPAL_KEY]?: Principal;
}
