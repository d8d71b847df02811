import { DUTY_KINDS, type DutyKind } from '../../../../libs/domain/src/case/vocabulary';
import { EVENT_TYPES } from '../../../../libs/domain/src/case/event-types';
import type { TimelineEntry } from '../api/types';

/** A person as the case's events name them. */
export interface NamedPerson {
  userId: string;
  name: string;
}

/** One recorded progress of a duty, from its `dutyRecorded` event. */
export interface DutyProgress {
  seq: number;
  performedBy: NamedPerson[];
  performedOn: string;
  summary: string;
  evidenceRefs: string[];
  recordedAt: string;
  recordedBy: string;
}

export interface DutyChecklistItem {
  duty: DutyKind;
  done: boolean;
  /** Recorded progress, earliest first. */
  progress: DutyProgress[];
  /** Replying and settling, and the follow-up visit, come only after the handling opinion (答复). */
  waitsForReply: boolean;
}

/** Duties the domain records only once the handling opinion is issued (libs/domain handling-actions). */
const AFTER_REPLY: readonly DutyKind[] = ['replyAndSettle', 'followUpVisit'];

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function people(value: unknown): NamedPerson[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((person): person is { userId: string; name?: string } => typeof person?.userId === 'string')
    .map((person) => ({ userId: person.userId, name: person.name ?? person.userId }));
}

function progressOf(entry: TimelineEntry): DutyProgress {
  const { details } = entry;
  return {
    seq: entry.seq,
    performedBy: people(details.performedBy),
    performedOn: String(details.performedOn ?? ''),
    summary: String(details.summary ?? ''),
    evidenceRefs: strings(details.evidenceRefs),
    recordedAt: entry.occurredAt,
    recordedBy: entry.actorId,
  };
}

/** The five duties (五包) in their order, each with what the case's timeline records of it. */
export function dutyChecklist(timeline: readonly TimelineEntry[]): DutyChecklistItem[] {
  const replied = timeline.some((entry) => entry.type === EVENT_TYPES.replyIssued);
  const recorded = timeline.filter((entry) => entry.type === EVENT_TYPES.dutyRecorded);
  return DUTY_KINDS.map((duty) => {
    const progress = recorded.filter((entry) => entry.details.duty === duty).map(progressOf);
    return {
      duty,
      done: progress.length > 0,
      progress,
      waitsForReply: !replied && AFTER_REPLY.includes(duty),
    };
  });
}
