import { useQuery } from '@tanstack/react-query';
import { api, bodyOf } from '../api/client';
import type {
  CaseDetail,
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
