import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CASE_EVENT_TYPES } from '../../../../libs/domain/src/case/case-events';
import { EVENT_TYPES } from '../../../../libs/domain/src/case/event-types';
import type { CaseDetail, PetitionerView, TimelineEntry } from '../api/types';
import { useStaffDirectory } from '../common/StaffSelect';
import { useUnitDirectory } from '../common/UnitTreeSelect';
import { formatOfficeTime } from '../common/office-time';
import { useAttachments } from '../cases/CaseAttachments';
import { currentSixDefines } from '../cases/case-summary';
import { detailText } from '../cases/timeline-details';
import { useCaseDetail, usePetitioner, useTimeline } from '../cases/use-case';
import { PRINT_SHEETS, type PrintSheet } from './print-sheets';

const ACTION_OF_EVENT: Record<string, string> = Object.fromEntries(
  Object.entries(CASE_EVENT_TYPES).map(([action, event]) => [event, action]),
);

interface SheetData {
  detail: CaseDetail;
  petitioner: PetitionerView | undefined;
  timeline: TimelineEntry[];
  unitName(code: string | null | undefined): string;
  personName(userId: string): string;
  /** An attachment reference as its file name. */
  fileName(ref: string): string;
}

interface SheetRow {
  label: string;
  value: ReactNode;
  wide?: boolean;
  tall?: boolean;
}

/** Label and value cells, two pairs a row; a pair with `wide` takes the whole row. */
function SheetTable(props: { rows: SheetRow[] }) {
  const rows: (typeof props.rows)[] = [];
  for (const row of props.rows) {
    const last = rows[rows.length - 1];
    if (!row.wide && last && last.length === 1 && !last[0]!.wide) last.push(row);
    else rows.push([row]);
  }
  return (
    <table className="sheet-table">
      <tbody>
        {rows.map((cells, index) => (
          <tr key={index} className={cells.some((cell) => cell.tall) ? 'sheet-tall' : undefined}>
            {cells.map((cell) => [
              <th key={`${cell.label}-label`}>{cell.label}</th>,
              <td key={`${cell.label}-value`} colSpan={cell.wide || cells.length === 1 ? 3 : 1}>
                {cell.value || '\u00a0'}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Signatures(props: { labels: string[] }) {
  return (
    <div className="sheet-signatures">
      {props.labels.map((label) => (
        <span key={label}>
          {label}：<span className="sheet-blank" />
        </span>
      ))}
    </div>
  );
}

function useSheetData(caseNumber: string) {
  const detail = useCaseDetail(caseNumber);
  const petitioner = usePetitioner(caseNumber);
  const timeline = useTimeline(caseNumber);
  const units = useUnitDirectory();
  const staff = useStaffDirectory(undefined, '');
  const attachments = useAttachments(caseNumber);
  const fileNames = new Map((attachments.data ?? []).map((file) => [file.ref, file.fileName]));
  const unitNames = new Map((units.data ?? []).map((unit) => [unit.code, unit.name]));
  const staffNames = new Map((staff.data ?? []).map((entry) => [entry.id, entry.name]));
  const ready =
    !!detail.data && !!timeline.data && !units.isPending && !staff.isPending && !petitioner.isPending;
  const data: SheetData | undefined =
    ready && detail.data && timeline.data
      ? {
          detail: detail.data,
          petitioner: petitioner.data,
          timeline: timeline.data,
          unitName: (code) => (code ? (unitNames.get(code) ?? code) : ''),
          personName: (userId) => staffNames.get(userId) ?? userId,
          fileName: (ref) => fileNames.get(ref) ?? ref,
        }
      : undefined;
  return { data, failed: detail.isError || timeline.isError };
}

function petitionerCell(petitioner: PetitionerView | undefined): string {
  if (!petitioner) return '';
  return [petitioner.name, petitioner.idNumber, petitioner.phone].filter(Boolean).join('　');
}

function RegistrationSheet({ data }: { data: SheetData }) {
  const { t } = useTranslation();
  const { detail } = data;
  const registered = data.timeline.find((entry) => entry.type === EVENT_TYPES.caseRegistered);
  return (
    <SheetTable
      rows={[
        { label: t('print.caseNumber'), value: detail.caseNumber },
        { label: t('print.channel'), value: t(`channel.${detail.channel}`, detail.channel) },
        { label: t('print.receivedAt'), value: formatOfficeTime(detail.receivedAt) },
        { label: t('print.registeredAt'), value: formatOfficeTime(detail.registeredAt) },
        { label: t('print.petitioner'), value: petitionerCell(data.petitioner), wide: true },
        { label: t('print.address'), value: data.petitioner?.address ?? '', wide: true },
        ...(data.petitioner?.collective
          ? [
              {
                label: t('print.headcount'),
                value: t('print.headcountValue', {
                  count: data.petitioner.collective.headcount,
                  names: data.petitioner.collective.representatives.map((r) => r.name).join('、'),
                }),
                wide: true,
              },
            ]
          : []),
        { label: t('print.category'), value: t(`category.${detail.category}`, detail.category) },
        { label: t('print.matterUnit'), value: data.unitName(detail.unitCode) },
        { label: t('print.subject'), value: detail.subject, wide: true },
        { label: t('print.content'), value: t('print.contentOnFile'), wide: true, tall: true },
        { label: t('print.registeringUnit'), value: data.unitName(detail.registeringUnitCode) },
        {
          label: t('print.registeredBy'),
          value: registered ? data.personName(registered.actorId) : '',
        },
        { label: t('print.status'), value: t(`status.${detail.status}`, detail.status) },
        { label: t('print.dueLastDay'), value: detail.dueLastDay ?? '' },
        { label: t('print.handlingNote'), value: '', wide: true, tall: true },
      ]}
    />
  );
}

/** The rows a handling sheet opens with: which case, when received, from whom, about what. */
function caseHeadRows(data: SheetData, t: TFunction): SheetRow[] {
  return [
    { label: t('print.caseNumber'), value: data.detail.caseNumber },
    { label: t('print.receivedAt'), value: formatOfficeTime(data.detail.receivedAt) },
    { label: t('print.petitioner'), value: petitionerCell(data.petitioner), wide: true },
    { label: t('print.subject'), value: data.detail.subject, wide: true },
  ];
}

function AssignmentSheet({ data }: { data: SheetData }) {
  const { t } = useTranslation();
  const { detail } = data;
  const assigned = [...data.timeline]
    .reverse()
    .find(
      (entry) => entry.type === EVENT_TYPES.caseAssignedDown || entry.type === EVENT_TYPES.caseTransferred,
    );
  const defines = currentSixDefines(data.timeline);
  return (
    <>
      <SheetTable
        rows={[
          ...caseHeadRows(data, t),
          {
            label: t('print.assigningUnit'),
            value: data.unitName(assigned?.actorUnit ?? detail.registeringUnitCode),
          },
          {
            label: t('print.receivingUnit'),
            value: data.unitName(
              (assigned?.details.toUnitCode as string | undefined) ??
                detail.responsibleUnitCode ??
                detail.holdingUnitCode,
            ),
          },
          { label: t('print.assignedAt'), value: assigned ? formatOfficeTime(assigned.occurredAt) : '' },
          {
            label: t('print.feedbackDue'),
            value: (assigned?.details.feedbackDueDate as string | undefined) ?? '',
          },
          {
            label: t('print.assignmentOpinion'),
            value: (assigned?.details.reason as string | undefined) ?? '',
            wide: true,
            tall: true,
          },
          { label: t('print.handler'), value: defines?.handler?.name ?? '' },
          { label: t('print.packageLeader'), value: defines?.packageLeader?.name ?? '' },
          { label: t('print.resolutionPlan'), value: defines?.resolutionPlan ?? '', wide: true },
          {
            label: t('print.completionDeadline'),
            value: defines?.completionDeadline ?? detail.dueLastDay ?? '',
          },
          { label: t('print.dueLastDay'), value: detail.dueLastDay ?? '' },
          { label: t('print.feedback'), value: '', wide: true, tall: true },
        ]}
      />
      <Signatures labels={[t('print.assignedBy'), t('print.receivedBy'), t('print.receivedOn')]} />
    </>
  );
}

function InstructionSheet({ data }: { data: SheetData }) {
  const { t } = useTranslation();
  const { detail } = data;
  const instructions = data.timeline.filter((entry) => entry.type === EVENT_TYPES.instructionGiven);
  return (
    <>
      <SheetTable
        rows={[
          ...caseHeadRows(data, t),
          {
            label: t('print.responsibleUnit'),
            value: data.unitName(detail.responsibleUnitCode ?? detail.holdingUnitCode),
          },
          { label: t('print.status'), value: t(`status.${detail.status}`, detail.status) },
          ...(instructions.length === 0
            ? [{ label: t('print.instruction'), value: '', wide: true, tall: true }]
            : instructions.map((entry, index) => ({
                label:
                  instructions.length > 1
                    ? t('print.instructionN', { n: index + 1 })
                    : t('print.instruction'),
                value: (
                  <>
                    <div>{String(entry.details.text ?? '')}</div>
                    <div className="sheet-signed">
                      {data.personName(entry.actorId)}（{t(`role.${entry.actorRole}`, entry.actorRole)}
                      {entry.actorUnit ? ` · ${data.unitName(entry.actorUnit)}` : ''}）{' '}
                      {formatOfficeTime(entry.occurredAt)}
                    </div>
                  </>
                ),
                wide: true,
                tall: true,
              }))),
          { label: t('print.implementation'), value: '', wide: true, tall: true },
        ]}
      />
      <Signatures labels={[t('print.handledBy'), t('print.handledOn')]} />
    </>
  );
}

function TimelineSheet({ data }: { data: SheetData }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="sheet-meta">
        {t('print.caseNumber')}：{data.detail.caseNumber}
        {'\u3000'}
        {t('print.subject')}：{data.detail.subject}
      </div>
      <table className="sheet-table sheet-timeline">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('print.time')}</th>
            <th>{t('print.event')}</th>
            <th>{t('print.actor')}</th>
            <th>{t('print.details')}</th>
          </tr>
        </thead>
        <tbody>
          {data.timeline.map((entry) => (
            <tr key={entry.seq}>
              <td>{entry.seq}</td>
              <td className="sheet-nowrap">{formatOfficeTime(entry.occurredAt)}</td>
              <td>
                {t(`event.${entry.type}`, {
                  defaultValue: t(`action.${ACTION_OF_EVENT[entry.type] ?? entry.type}`, entry.type),
                })}
                {entry.status && entry.fromStatus !== entry.status
                  ? `（${t(`status.${entry.status}`, entry.status)}）`
                  : ''}
              </td>
              <td>
                {data.personName(entry.actorId)} · {t(`role.${entry.actorRole}`, entry.actorRole)}
                {entry.actorUnit ? ` · ${data.unitName(entry.actorUnit)}` : ''}
              </td>
              <td>{printedDetails(entry, data, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Details holding a code of a fixed vocabulary, printed by its label: detail → message group. */
const CODED_DETAILS: Record<string, string> = {
  channel: 'channel',
  category: 'category',
  status: 'status',
  duty: 'choice',
  outcome: 'choice',
  satisfaction: 'choice',
  ground: 'choice',
  decision: 'choice',
  reason: 'choice',
  document: 'choice',
  method: 'choice',
  reasonCode: 'choice',
};
const HIDDEN_DETAILS = new Set(['caseNumber', 'contentRef', 'petitionerRefs', 'changes']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** An event's details as an office reads them: labels, vocabulary names, local times, files by name. */
function printedDetails(entry: TimelineEntry, data: SheetData, t: TFunction): string {
  const value = (key: string, raw: unknown): string => {
    if (CODED_DETAILS[key] && typeof raw === 'string') return t(`${CODED_DETAILS[key]}.${raw}`, raw);
    if (typeof raw === 'string' && INSTANT.test(raw)) return formatOfficeTime(raw);
    if (typeof raw === 'string' && raw.startsWith('attachment:')) return data.fileName(raw);
    if (/UnitCode$/.test(key) && typeof raw === 'string') return data.unitName(raw);
    if (Array.isArray(raw) && raw.every((item) => typeof item === 'string'))
      return raw.map((item) => value(key, item)).join('、');
    return detailText(raw, (field) => t(`field.${field}`, field));
  };
  return Object.entries(entry.details)
    .filter(([key]) => !HIDDEN_DETAILS.has(key))
    .map(([key, raw]) => `${t(`field.${key}`, key)}：${value(key, raw)}`)
    .join('；');
}

const SHEETS: Record<PrintSheet, (props: { data: SheetData }) => ReactNode> = {
  registration: RegistrationSheet,
  assignment: AssignmentSheet,
  instruction: InstructionSheet,
  timeline: TimelineSheet,
};

/**
 * A sheet an office files, as a clean A4 page without the console's menus: 来信来访登记表, 交办单,
 * 领导批示单 or the case's timeline, with Chinese labels, office-local times and names.
 */
export function PrintSheetPage() {
  const { t } = useTranslation();
  const { caseNumber = '', sheet = '' } = useParams();
  const known = (PRINT_SHEETS as readonly string[]).includes(sheet) ? (sheet as PrintSheet) : 'registration';
  const { data, failed } = useSheetData(caseNumber);
  const Sheet = SHEETS[known];
  return (
    <div className="print-page">
      <Space className="print-toolbar no-print">
        <Link to={`/cases/${encodeURIComponent(caseNumber)}`}>{t('print.back')}</Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('print.print')}
        </Button>
      </Space>
      <article className="print-sheet" data-testid="print-sheet" data-sheet={known}>
        <h1>{t(`print.title.${known}`)}</h1>
        {failed ? <p>{t('state.error')}</p> : data ? <Sheet data={data} /> : <Spin />}
        {data && (
          <footer className="sheet-footer">
            {t('print.printedAt', { at: formatOfficeTime(new Date().toISOString()) })}
          </footer>
        )}
      </article>
    </div>
  );
}
