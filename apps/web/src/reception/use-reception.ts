import { useQuery } from '@tanstack/react-query';
import { api, bodyOf } from '../api/client';
import type { ReceptionRecord, ReceptionSession } from '../api/types';

/** Published reception days in the user's unit line, from `from` to `to` (YYYY-MM-DD, inclusive). */
export function useReceptionSessions(range: { from?: string; to?: string }, enabled = true) {
  return useQuery({
    queryKey: ['reception-sessions', range.from ?? null, range.to ?? null],
    enabled,
    queryFn: async () =>
      (
        await bodyOf<{ items: ReceptionSession[] }>(
          api.GET('/api/reception-sessions', { params: { query: range } }),
        )
      ).items,
  });
}

/** One session's reception record: the session and the cases registered in it that the user may see. */
export function useReceptionRecord(id: string) {
  return useQuery({
    queryKey: ['reception-sessions', 'record', id],
    queryFn: () =>
      bodyOf<ReceptionRecord>(api.GET('/api/reception-sessions/{id}', { params: { path: { id } } })),
  });
}
