import { EVENT_TYPES } from '../../../../libs/domain/src/case/event-types';
import type { TimelineEntry } from '../api/types';
import { currentSixDefines } from './case-summary';
import type { NamedPerson } from './five-duties';

/** One recusal (回避, art. 28) as the timeline tells it: who, why, how, and where it stands. */
export interface RecusalView {
  person: NamedPerson & { unitCode: string | null };
  kind: 'selfDeclared' | 'requested';
  ground: string;
  explanation: string | null;
  status: 'pending' | 'recused' | 'dismissed';
  at: string;
  /** The decision's reason, once a request is decided. */
  reason: string | null;
}

/** A six-defines seat held by a recused person: the next reassignment must name someone else. */
export interface SeatToFill {
  field: 'handler' | 'packageLeader';
  person: NamedPerson;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function personOf(value: unknown): RecusalView['person'] | null {
  const candidate = value as { userId?: unknown; name?: unknown; unitCode?: unknown } | null | undefined;
  if (typeof candidate?.userId !== 'string') return null;
  return {
    userId: candidate.userId,
    name: text(candidate.name) ?? candidate.userId,
    unitCode: text(candidate.unitCode),
  };
}

/** Every recusal in order: a self-declaration is in force at once; a request until its decision. */
export function recusalsFrom(timeline: readonly TimelineEntry[]): RecusalView[] {
  const recusals: RecusalView[] = [];
  for (const entry of timeline) {
    const person = personOf(entry.details.person);
    if (!person) continue;
    if (entry.type === EVENT_TYPES.interestDeclared || entry.type === EVENT_TYPES.recusalRequested) {
      recusals.push({
        person,
        kind: entry.type === EVENT_TYPES.interestDeclared ? 'selfDeclared' : 'requested',
        ground: text(entry.details.ground) ?? '',
        explanation: text(entry.details.explanation),
        status: entry.type === EVENT_TYPES.interestDeclared ? 'recused' : 'pending',
        at: entry.occurredAt,
        reason: null,
      });
    } else if (entry.type === EVENT_TYPES.recusalDecided) {
      const pending = recusals.find(
        (recusal) => recusal.status === 'pending' && recusal.person.userId === person.userId,
      );
      if (!pending) continue;
      pending.status = entry.details.decision === 'recuse' ? 'recused' : 'dismissed';
      pending.reason = text(entry.details.reason);
    }
  }
  return recusals;
}

/** The six-defines seats that recused people still hold (a reassignment is due). */
export function seatsToFill(timeline: readonly TimelineEntry[]): SeatToFill[] {
  const defines = currentSixDefines(timeline);
  if (!defines) return [];
  const recused = new Set(
    recusalsFrom(timeline)
      .filter((recusal) => recusal.status === 'recused')
      .map((recusal) => recusal.person.userId),
  );
  const seats: SeatToFill[] = [];
  for (const field of ['handler', 'packageLeader'] as const) {
    const person = defines[field];
    if (person && recused.has(person.userId)) seats.push({ field, person });
  }
  return seats;
}
