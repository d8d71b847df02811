import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, bodyOf } from '../api/client';
import type {
  CaseDetail,
  CaseListPage,
  CaseListRow,
  ChainVerification,
  IssuedNotice,
  PetitionerView,
  TimelineEntry,
} from '../api/types';

const path = (caseNumber: string) => ({ params: { path: { caseNumber } } });

export function useCaseDetail(caseNumber: string) {
  return useQuery({
    queryKey: ['case', caseNumber],
    queryFn: () => bodyOf<CaseDetail>(api.GET('/api/cases/{caseNumber}', path(caseNumber))),
  });
}

export function useTimeline(caseNumber: string) {
  return useQuery({
    queryKey: ['case', caseNumber, 'timeline'],
    queryFn: () => bodyOf<TimelineEntry[]>(api.GET('/api/cases/{caseNumber}/timeline', path(caseNumber))),
  });
}

export function useNotices(caseNumber: string) {
  return useQuery({
    queryKey: ['case', caseNumber, 'notices'],
    queryFn: () => bodyOf<IssuedNotice[]>(api.GET('/api/cases/{caseNumber}/notices', path(caseNumber))),
  });
}

/** The petitioner and a collective visit's representatives, masked. */
export function usePetitioner(caseNumber: string) {
  return useQuery({
    queryKey: ['case', caseNumber, 'petitioner'],
    queryFn: () => bodyOf<PetitionerView>(api.GET('/api/cases/{caseNumber}/petitioner', path(caseNumber))),
  });
}

export function useVerification(caseNumber: string) {
  return useQuery({
    queryKey: ['case', caseNumber, 'verification'],
    queryFn: () =>
      bodyOf<ChainVerification>(api.GET('/api/cases/{caseNumber}/verification', path(caseNumber))),
  });
}

/**
 * The case's read-model row with its running clock. The detail endpoint does not carry the clock yet,
 * so the row comes from the case list: from the lists already loaded, else a search by its subject.
 */
export function useCaseRow(detail: CaseDetail | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['case', detail?.caseNumber, 'row', detail?.eventCount],
    enabled: !!detail,
    queryFn: async (): Promise<CaseListRow | null> => {
      const caseNumber = detail!.caseNumber;
      const loaded = queryClient
        .getQueriesData<{ pages: CaseListPage[] }>({ queryKey: ['cases'] })
        .flatMap(([, data]) => data?.pages.flatMap((page) => page.items) ?? []);
      const cached = loaded.find((row) => row.caseNumber === caseNumber && row.status === detail!.status);
      if (cached) return cached;
      if ([...detail!.subject].length < 2) return null;
      const found = await bodyOf<CaseListPage>(
        api.GET('/api/cases', { params: { query: { q: detail!.subject, limit: 100 } } }),
      );
      return found.items.find((row) => row.caseNumber === caseNumber) ?? null;
    },
  });
}
