import { type EntityManager } from 'typeorm';
import { formatDocumentNumber } from '../../../notices/src/document-number';
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
  const documentNumber = await nextDocumentNumber(tx, event, String(data.issuedOn));
  await tx.query(
    `INSERT INTO notices (case_number, event_seq, kind, title, issued_at, data, template_version, document_number)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (case_number, event_seq, kind) DO NOTHING`,
    [
      event.caseNumber,
      event.seq,
      kind,
      NOTICE_KINDS[kind].label,
      event.occurredAt,
      data,
      template.version,
      documentNumber,
    ],
  );
}

/**
 * The 文号 of the notice: the acting unit's (else the holding unit's) next number in the year of issue,
 * by the unit's pattern. Taken in the event's own transaction, which runs only for a newly recorded
 * event, so a retried activity neither skips nor repeats a number.
 */
async function nextDocumentNumber(
  tx: EntityManager,
  event: CaseEventInput,
  issuedOn: string,
): Promise<string | null> {
  const [unit]: { code: string; name: string; short_name: string | null; pattern: string | null }[] =
    await tx.query(
      `SELECT u.code, u.name, u.short_name, u.notice_number_pattern AS pattern FROM units u
       WHERE u.code = COALESCE($1, (SELECT holding_unit_code FROM cases WHERE case_number = $2))`,
      [event.actor.unitCode ?? null, event.caseNumber],
    );
  if (!unit) return null;
  const year = Number(issuedOn.slice(0, 4));
  const [counter]: { last_value: number }[] = await tx.query(
    `INSERT INTO notice_number_counters (unit_code, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (unit_code, year) DO UPDATE SET last_value = notice_number_counters.last_value + 1
     RETURNING last_value`,
    [unit.code, year],
  );
  return formatDocumentNumber(unit.pattern, {
    unitShort: unit.short_name || unit.name,
    unitCode: unit.code,
    year,
    seq: Number(counter!.last_value),
  });
}
