import { EVENT_TYPES } from '../../../../libs/domain/src/case/event-types';
import type { TimelineEntry } from '../api/types';
import type { NamedPerson } from './five-duties';

/** The six defines (六定) as last set or changed. */
export interface SixDefinesView {
  packageLeader: NamedPerson | null;
  responsibleUnitCode: string | null;
  handler: NamedPerson | null;
  resolutionPlan: string | null;
  completionDeadline: string | null;
  targetOutcome: string | null;
  /** When they were set or last changed. */
  at: string;
}

export interface RepeatVisit {
  visitNumber: number;
  receivedAt: string;
  channel: string;
  recordedAt: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function person(value: unknown): NamedPerson | null {
  const candidate = value as { userId?: unknown; name?: unknown } | null | undefined;
  if (typeof candidate?.userId !== 'string') return null;
  return {
    userId: candidate.userId,
    name: typeof candidate.name === 'string' ? candidate.name : candidate.userId,
  };
}

/**
 * The current six defines: the `defines` of the latest `sixDefinesSet` or `sixDefinesReassigned` event
 * (a reassignment carries the whole set after the change); null while they are not set.
 */
export function currentSixDefines(timeline: readonly TimelineEntry[]): SixDefinesView | null {
  const latest = [...timeline]
    .reverse()
    .find(
      (entry) => entry.type === EVENT_TYPES.sixDefinesSet || entry.type === EVENT_TYPES.sixDefinesReassigned,
    );
  const defines = latest?.details.defines as Record<string, unknown> | undefined;
  if (!latest || !defines) return null;
  return {
    packageLeader: person(defines.packageLeader),
    responsibleUnitCode: text(defines.responsibleUnitCode),
    handler: person(defines.handler),
    resolutionPlan: text(defines.resolutionPlan),
    completionDeadline: text(defines.completionDeadline),
    targetOutcome: text(defines.targetOutcome),
    at: latest.occurredAt,
  };
}

/** The repeat visits recorded on the case (the same petitioner again on its matter), in order. */
export function repeatVisits(timeline: readonly TimelineEntry[]): RepeatVisit[] {
  return timeline
    .filter((entry) => entry.type === EVENT_TYPES.repeatVisitRecorded)
    .map((entry) => ({
      visitNumber: Number(entry.details.visitNumber),
      receivedAt: text(entry.details.receivedAt) ?? entry.occurredAt,
      channel: text(entry.details.channel) ?? '',
      recordedAt: entry.occurredAt,
    }));
}
