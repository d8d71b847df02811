import { type EntityManager } from 'typeorm';
import { NOTICE_KINDS } from '../../../notices/src/notice-fields';
import { type CaseEventInput } from '../../../domain/src/case/recorded-event';
import { noticeKindOf } from './notice-events';
import { NoticeSnapshotBuilder, type NoticeSettings } from './notice-snapshot';
import { currentNoticeTemplate } from './notice-templates';

/**
 * Issues the notice the event calls for, inside the event's recording transaction: the data snapshot
 * with the engine's dates and the template version in force. Idempotent by (case, event, kind), like the event.
 */
export async function issueNoticeFor(
  tx: EntityManager,
  event: CaseEventInput,
  settings: NoticeSettings,
): Promise<void> {
  const kind = noticeKindOf(event);
  if (!kind) return;
  const data = await new NoticeSnapshotBuilder(tx, event, settings).build(kind);
  if (!data) return;
  const template = await currentNoticeTemplate(tx, kind);
  await tx.query(
    `INSERT INTO notices (case_number, event_seq, kind, title, issued_at, data, template_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_number, event_seq, kind) DO NOTHING`,
    [event.caseNumber, event.seq, kind, NOTICE_KINDS[kind].label, event.occurredAt, data, template.version],
  );
}
