import {
  caseAssigneesOf,
  type CaseState,
  type DirectorySnapshot,
  resolveEscalationRecipients,
  type UnitTree,
} from '../libs/domain/src';
import { deliverNotifications } from './activities';
import { type NotificationInput } from './activity-types';
import { countInboxDeliveries } from './case-metrics';

export type RecipientRole = Parameters<typeof resolveEscalationRecipients>[0];

/** Who holds the role on this case now (vacancies and acting deputies resolved), with how they were reached. */
export function recipientsFor(
  role: RecipientRole,
  current: CaseState,
  directory: DirectorySnapshot,
  unitTree: UnitTree,
) {
  return resolveEscalationRecipients(role, caseAssigneesOf(current), directory, unitTree).map((resolved) => ({
    userId: resolved.person.userId,
    name: resolved.person.name,
    role: resolved.person.role,
    unitCode: resolved.person.unitCode,
    via: resolved.via,
  }));
}

/** Delivers one inbox item to each recipient (nothing when there is nobody to tell). */
export async function notify(
  caseNumber: string,
  eventSeq: number,
  kind: NotificationInput['kind'],
  level: number,
  title: string,
  recipients: NotificationInput['recipients'],
): Promise<void> {
  if (recipients.length === 0) return;
  const { delivered } = await deliverNotifications({
    caseNumber,
    eventSeq,
    kind,
    level,
    title,
    recipients: recipients.map(({ userId, name, role, unitCode }) => ({ userId, name, role, unitCode })),
  });
  countInboxDeliveries(kind, delivered);
}
