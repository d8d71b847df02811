/** How pressing a case is: by its escalation level first, then by how soon its running clock ends. */
export type Urgency = 'overdue' | 'dueSoon' | 'running' | 'none';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Within this much of the due time a clock shows as due soon (the policies warn from three days). */
export const DUE_SOON_MS = 3 * DAY_MS;

export interface ClockedCase {
  dueAt: string | null;
  overdueLevel: number;
}

export function urgencyOf(item: ClockedCase, now: number): Urgency {
  if (item.overdueLevel > 0) return 'overdue';
  if (!item.dueAt) return 'none';
  const left = Date.parse(item.dueAt) - now;
  if (left <= 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'dueSoon' : 'running';
}

export const URGENCY_COLOURS: Record<Urgency, string> = {
  overdue: 'red',
  dueSoon: 'orange',
  running: 'green',
  none: 'default',
};

/** Higher overdue level first; then the earliest due time; cases with no running clock last. */
export function byUrgency(a: ClockedCase, b: ClockedCase): number {
  if (a.overdueLevel !== b.overdueLevel) return b.overdueLevel - a.overdueLevel;
  if (a.dueAt === b.dueAt) return 0;
  if (a.dueAt === null) return 1;
  if (b.dueAt === null) return -1;
  return Date.parse(a.dueAt) - Date.parse(b.dueAt);
}

/** Time left (negative: overdue) split for display as days, hours and minutes. */
export function timeLeft(
  dueAt: string,
  now: number,
): { overdue: boolean; days: number; hours: number; minutes: number } {
  const left = Date.parse(dueAt) - now;
  const total = Math.floor(Math.abs(left) / 60_000);
  return {
    overdue: left < 0,
    days: Math.floor(total / (24 * 60)),
    hours: Math.floor((total % (24 * 60)) / 60),
    minutes: total % 60,
  };
}
