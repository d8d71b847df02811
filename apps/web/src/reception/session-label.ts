import type { ReceptionSession } from '../api/types';

/** A session as one line: its day, leader and place, then its unit (what a clerk chooses it by). */
export function sessionLabel(session: ReceptionSession): string {
  return `${session.date} · ${session.leader.name} · ${session.place} · ${session.unitName}`;
}
