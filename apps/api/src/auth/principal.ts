/** Who is calling: resolved from the bearer token by AuthGuard. */
export interface Principal {
  userId: string;
  username: string;
  name: string;
  unitCode: string;
  roles: string[];
  /** The session the token belongs to (for logout and "revoke my other sessions"). */
  sessionId: string;
}

/** Where AuthGuard leaves the principal on the request. */
export const PRINCIPAL_KEY = 'principal';

export interface RequestWithPrincipal {
  [PRINCIPAL_KEY]?: Principal;
}
