import { mayUse } from '../../../../libs/domain/src/org/permissions';
import { type Role } from '../../../../libs/domain/src/org/roles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, bodyOf, setAccessToken } from '../api/client';
import type { Me } from '../api/types';

const TOKEN_KEY = 'pce.accessToken';

interface Session {
  token: string | null;
  me: Me | undefined;
  loadingMe: boolean;
  /** Reading the signed-in user failed for another reason than an ended session (401 signs out). */
  meQuery: { isPending: boolean; isError: boolean; error: unknown; refetch(): unknown };
  signIn(token: string): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** The bearer token lives for the browser tab (sessionStorage); the user behind it comes from /api/auth/me. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));

  const forget = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    queryClient.clear();
  }, [queryClient]);

  // Set during render so the first queries of a restored session already carry the token.
  setAccessToken(token, forget);

  const me = useQuery({
    queryKey: ['me', token],
    queryFn: () => bodyOf<Me>(api.GET('/api/auth/me')),
    enabled: token !== null,
    staleTime: Infinity,
  });

  const signIn = useCallback(
    (newToken: string) => {
      sessionStorage.setItem(TOKEN_KEY, newToken);
      setAccessToken(newToken, forget);
      setToken(newToken);
    },
    [forget],
  );

  // Signing out forgets the page too: the next person on this tab starts at their own role's home,
  // not on the page (and cached data) of the one before.
  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    forget();
    void navigate('/', { replace: true });
  }, [forget, navigate]);

  const session = useMemo(
    () => ({ token, me: me.data, loadingMe: me.isPending && token !== null, meQuery: me, signIn, signOut }),
    [token, me, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function hasAnyRole(me: Me | undefined, roles: readonly Role[]): boolean {
  return !!me && mayUse(me.roles, roles);
}
