import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, bodyOf, currentAccessToken } from '../api/client';
import type { Inbox, InboxAnnouncement } from '../api/types';

const INBOX_KEY = ['inbox'] as const;

export function useInbox() {
  return useQuery({ queryKey: INBOX_KEY, queryFn: () => bodyOf<Inbox>(api.GET('/api/inbox')) });
}

export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      bodyOf<{ unread: number }>(api.POST('/api/inbox/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

/** Acknowledges all of one's items, or all of one case's. */
export function useAcknowledgeAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (caseNumber?: string) =>
      bodyOf<{ acknowledged: number; unread: number }>(
        api.POST('/api/inbox/acknowledge', { body: caseNumber ? { caseNumber } : {} }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

export type StreamState = 'connecting' | 'live' | 'retrying';

/**
 * Listens to /api/inbox/stream while signed in. EventSource cannot send the bearer token, so a
 * fetch-based client is used; each announced item makes the inbox list load again.
 */
export function useInboxStream(onItem: (item: InboxAnnouncement) => void): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const token = currentAccessToken();

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    void fetchEventSource('/api/inbox/stream', {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
      openWhenHidden: true,
      onopen: async (response) => {
        if (!response.ok) throw new Error(`inbox stream: HTTP ${response.status}`);
        setState('live');
        // Items that arrived while the stream was down.
        await queryClient.invalidateQueries({ queryKey: INBOX_KEY });
      },
      onmessage: (message) => {
        if (message.event !== 'inboxItem') return;
        onItem(JSON.parse(message.data) as InboxAnnouncement);
        void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
      },
      onerror: () => {
        setState('retrying');
        return 5000; // retry after this many milliseconds
      },
    });
    return () => controller.abort();
    // onItem is a notification callback; a new one must not reopen the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, queryClient]);

  return state;
}
