import type { TimelineEntry } from '../api/types';

/** A timeline entry as the API sends it, for tests of what the workspace reads from the timeline. */
export function timelineEntry(
  fields: Pick<TimelineEntry, 'seq' | 'type' | 'details' | 'occurredAt' | 'actorId' | 'actorRole'>,
): TimelineEntry {
  return {
    actorUnit: 'QX',
    fromStatus: 'inHandling',
    status: 'inHandling',
    hash: `h${fields.seq}`,
    notices: [],
    typeLabel: fields.type,
    occurredAtLocal: fields.occurredAt,
    actorName: '工作人员',
    actorRoleLabel: fields.actorRole,
    actorUnitName: null,
    fromStatusLabel: null,
    statusLabel: null,
    detailLines: [],
    ...fields,
  };
}
