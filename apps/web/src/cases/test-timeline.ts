import type { TimelineEntry } from '../api/types';

/**
 * For specs: makes timeline entries numbered 1, 2, 3 … by one actor in QX, the case in handling;
 * `occurredAtOf(seq)` dates each unless the entry is given its own time.
 */
export function timelineEntryMaker(
  actor: { id: string; role: string },
  occurredAtOf: (seq: number) => string,
) {
  let seq = 0;
  return (type: string, details: Record<string, unknown>, occurredAt?: string): TimelineEntry => {
    seq += 1;
    return {
      seq,
      type,
      occurredAt: occurredAt ?? occurredAtOf(seq),
      actorId: actor.id,
      actorRole: actor.role,
      actorUnit: 'QX',
      fromStatus: 'inHandling',
      status: 'inHandling',
      details,
      hash: `h${seq}`,
      notices: [],
      typeLabel: type,
      occurredAtLocal: occurredAt ?? occurredAtOf(seq),
      actorName: '工作人员',
      actorRoleLabel: actor.role,
      actorUnitName: null,
      fromStatusLabel: null,
      statusLabel: null,
      detailLines: [],
    };
  };
}
