/**
 * The one vocabulary of the timeline (zh-CN first, English beside): every event type a case records,
 * the labels of the fields its details carry and of every coded value among them. The console, the
 * timeline API, its CSV export and the inbox all read it from here, so a screen and a file never differ.
 */
import { CASE_ACTION_LABELS, type CaseActionType } from './actions';
import { CASE_EVENT_TYPES, type CaseEventType } from './case-events';
import {
  RECORDED_EVENT_TYPES,
  type EventPayload,
  type RecordedEventType,
  SYSTEM_EVENT_TYPES,
  type SystemEventType,
  EVENT_TYPES,
  isRecordedEventType,
} from './event-types';
import { SIX_DEFINE_LABELS } from './case-state';
import { CASE_STATUS_LABELS } from './status';
import {
  CASE_CATEGORY_LABELS,
  CASE_CHANNEL_LABELS,
  DELIVERY_METHOD_LABELS,
  DUTY_LABELS,
  NOT_ACCEPT_REASON_LABELS,
  OBJECTION_DECISION_LABELS,
  OPINION_DOCUMENT_LABELS,
  RECUSAL_DECISION_LABELS,
  RECUSAL_GROUND_LABELS,
  REPLY_OUTCOME_LABELS,
  SATISFACTION_LABELS,
  SUPERVISION_KIND_LABELS,
} from './vocabulary';
import { ESCALATION_ROLE_LABELS } from '../org/escalation-recipients';
import { ROLE_LABELS } from '../org/roles';
import { CLOCK_LABELS } from '../policy/statute';
import { NATIONAL_PAUSE_REASONS } from '../policy/policy';

// The event types themselves live in event-types.ts; re-exported for this vocabulary's readers.
export { RECORDED_EVENT_TYPES, SYSTEM_EVENT_TYPES, type RecordedEventType, type SystemEventType };

const SYSTEM_EVENT_LABELS: Readonly<Record<SystemEventType, { zh: string; en: string }>> = {
  deadlineWarning: { zh: '临期提醒', en: 'Deadline warning' },
  deadlineEscalated: { zh: '超期升级', en: 'Escalated as overdue' },
  deadlineRecomputed: { zh: '时限重算', en: 'Deadline recomputed' },
  feedbackDueWarning: { zh: '交办反馈临期', en: 'Feedback due soon' },
  feedbackOverdue: { zh: '交办反馈逾期', en: 'Feedback overdue' },
  repeatVisitRecorded: { zh: '重复来访', en: 'Repeat visit' },
  repeatVisitEscalated: { zh: '重复来访升级', en: 'Repeat visit escalated' },
  policyMigrated: { zh: '政策迁移', en: 'Policy migrated' },
  receiptBackdated: { zh: '补登收到时间', en: 'Receipt backdated' },
  clockResumed: { zh: '恢复计时', en: 'Clock resumed' },
};

const ACTION_EVENT_LABELS_EN: Readonly<Record<CaseActionType, string>> = {
  register: 'Registered',
  accept: 'Accepted',
  transfer: 'Transferred',
  assignDown: 'Assigned down',
  notAccept: 'Not accepted',
  objectMisroute: 'Misroute objected',
  decideObjection: 'Objection decided',
  reportCompletion: 'Completion reported',
  defineSix: 'Six defines set',
  reassign: 'Six defines changed',
  recordDuty: 'Duty recorded',
  requestExtension: 'Extension requested',
  approveExtension: 'Extension decided',
  pauseClock: 'Clock paused',
  resumeClock: 'Clock resumed',
  reply: 'Opinion issued',
  recordDelivery: 'Delivery recorded',
  recordSatisfaction: 'Satisfaction recorded',
  requestReview: 'Review requested',
  decideReview: 'Review decided',
  requestReReview: 'Re-review requested',
  decideReReview: 'Re-review decided',
  withdraw: 'Withdrawn',
  close: 'Closed',
  instruct: 'Instruction given',
  superviseOrder: 'Supervision ordered',
  remind: 'Reminder sent',
  declareInterest: 'Own interest declared',
  requestRecusal: 'Recusal requested',
  decideRecusal: 'Recusal decided',
};

function eventLabels(language: 'zh' | 'en'): Readonly<Record<RecordedEventType, string>> {
  const labels = {} as Record<RecordedEventType, string>;
  for (const [action, event] of Object.entries(CASE_EVENT_TYPES) as [CaseActionType, CaseEventType][]) {
    labels[event] = language === 'zh' ? CASE_ACTION_LABELS[action] : ACTION_EVENT_LABELS_EN[action];
  }
  for (const type of SYSTEM_EVENT_TYPES) labels[type] = SYSTEM_EVENT_LABELS[type][language];
  return labels;
}

/** 事件名称: what the timeline, the CSV and the inbox call each event. */
export const EVENT_TYPE_LABELS = eventLabels('zh');
/** The same in English, for the console's English texts. */
export const EVENT_TYPE_LABELS_EN = eventLabels('en');

/** The Chinese label of an event type; an unknown (future) type is named as such, never shown bare. */
export function eventTypeLabel(type: string): string {
  return isRecordedEventType(type) ? EVENT_TYPE_LABELS[type] : `其他事件（${type}）`;
}

/** What the timeline calls each field an event's details may carry (and the fields nested in them). */
export const EVENT_FIELD_LABELS = {
  reasonCode: '暂停依据',
  legalBasis: '法律依据',
  counting: '扣除方式',
  toUnitCode: '接收单位',
  fromUnitCode: '交办单位',
  holdingUnitCode: '现办理单位',
  reason: '理由',
  feedbackDueDate: '反馈期限',
  late: '逾期反馈',
  explanation: '说明',
  legalChannel: '法定途径',
  responsibleUnitCode: '责任单位',
  handlerUserId: '责任人',
  packageLeaderUserId: '包案领导',
  resolutionPlan: '化解方案',
  targetOutcome: '化解目标',
  completionDeadline: '办结时限',
  duty: '五包事项',
  performedByUserIds: '履职人员',
  performedBy: '履职人员',
  performedOn: '履职日期',
  summary: '情况摘要',
  evidenceRefs: '佐证材料',
  attachmentRefs: '附件',
  days: '延期天数',
  granted: '同意',
  note: '备注',
  outcome: '处理结果',
  reasons: '理由与依据',
  document: '文书',
  method: '送达方式',
  deliveredOn: '送达日期',
  satisfaction: '满意度',
  text: '内容',
  dueDate: '期限',
  clock: '时限',
  dueAt: '到期时间',
  previousEndsAt: '原到期时间',
  endsAt: '新到期时间',
  lastDay: '最后一日',
  cause: '原因',
  policyVersion: '策略版本',
  calendarVersion: '日历版本',
  level: '等级',
  channel: '来源渠道',
  subject: '标题',
  category: '类别',
  receivedAt: '收到时间',
  matterUnitCode: '问题发生地单位',
  registeringUnitCode: '登记单位',
  recipients: '接收人',
  recipientRole: '接收角色',
  visitNumber: '重复来访次序',
  similarity: '相似度',
  defines: '六定',
  changes: '调整内容',
  collective: '多人来访',
  headcount: '来访人数',
  handler: '责任人',
  packageLeader: '包案领导',
  ground: '回避事由',
  userId: '人员',
  decision: '决定',
  person: '人员',
  replacementNeeded: '须另行指定',
  description: '情况',
  body: '办理机关',
  endedWithPhase: '随阶段结束',
  pausedAt: '暂停时间',
  accused: '被检举控告对象',
  unitCodes: '单位',
  userIds: '人员',
  reception: '领导接待日',
  leader: '接待领导',
  notRepeatOf: '非重复信访',
  caseNumber: '案件编号',
  linkedCaseNumbers: '关联案件',
  kind: '类型',
  name: '名称',
  code: '编码',
  fromPolicyVersion: '原策略版本',
  toPolicyVersion: '新策略版本',
  receivedAtReason: '补登原因',
  backdated: '补登（收到早于录入）',
  handlingUnitCode: '原办理机关',
  reopenedClosure: '撤销的办结',
  by: '评价人',
  comment: '评价意见',
  replySeq: '所评答复',
  ratingId: '评价编号',
  submittedAt: '提交时间',
  skipLevel: '越级',
  skipLevelCaseNumber: '越级案件编号',
  fromVersion: '原版本',
  toVersion: '新版本',
} as const satisfies Readonly<Record<string, string>>;

const PAUSE_REASON_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  NATIONAL_PAUSE_REASONS.map((reason) => [reason.code, reason.label.split(' / ')[0]]),
);

/** Fields whose value is a code of a fixed vocabulary, and that vocabulary. */
const CODED_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: CASE_STATUS_LABELS,
  fromStatus: CASE_STATUS_LABELS,
  toStatus: CASE_STATUS_LABELS,
  channel: CASE_CHANNEL_LABELS,
  category: CASE_CATEGORY_LABELS,
  clock: CLOCK_LABELS,
  method: DELIVERY_METHOD_LABELS,
  document: OPINION_DOCUMENT_LABELS,
  duty: DUTY_LABELS,
  outcome: REPLY_OUTCOME_LABELS,
  satisfaction: SATISFACTION_LABELS,
  ground: RECUSAL_GROUND_LABELS,
  decision: { ...OBJECTION_DECISION_LABELS, ...RECUSAL_DECISION_LABELS },
  reason: NOT_ACCEPT_REASON_LABELS,
  reasonCode: PAUSE_REASON_LABELS,
  counting: { wholeDays: '按整日扣除', elapsed: '按实际时长扣除' },
  recipientRole: { ...ROLE_LABELS, ...ESCALATION_ROLE_LABELS },
  role: { ...ROLE_LABELS, system: '系统' },
  replacementNeeded: SIX_DEFINE_LABELS,
  cause: { policyMigrated: '政策迁移', calendarUpdated: '节假日日历更新' },
  kind: { ...SUPERVISION_KIND_LABELS, unit: '单位', external: '外部机关' },
  by: { petitioner: '信访人本人（网上评价）' },
};

/** The label of a coded value (e.g. method inPerson → 直接送达); the value itself when not coded. */
export function codedValueLabel(field: string, value: string): string {
  const labels = CODED_FIELDS[field];
  return labels && Object.prototype.hasOwnProperty.call(labels, value) ? labels[value] : value;
}

/** A role's Chinese name, the engine itself included. */
export function roleLabel(role: string): string {
  return codedValueLabel('role', role);
}

/** The names the details refer to by id: people by user id, units by code. */
export interface NameDirectory {
  personName(userId: string): string | undefined;
  unitName(unitCode: string): string | undefined;
}

/** One readable line of an event's details. */
export interface DescribedDetail {
  key: string;
  label: string;
  text: string;
}

/** Bookkeeping references, not something a reader of the timeline acts on. */
const HIDDEN_FIELDS = new Set([
  'caseNumber',
  'contentRef',
  'petitionerRefs',
  'representativeRefs',
  'visitId',
  'sessionId',
  'via',
  'ratingId',
]);

const isPersonField = (key: string): boolean => /(^u|U)serIds?$/.test(key);
const isUnitField = (key: string): boolean => /(^u|U)nitCodes?$/.test(key);
const isReferenceList = (key: string): boolean => /Refs$/.test(key);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A unit by name with its code beside: 东湖街道（DH）; the bare code when the directory does not know it. */
export function unitText(code: string, names: NameDirectory): string {
  const name = names.unitName(code);
  return name ? `${name}（${code}）` : code;
}

/** A person by name: 王五; the id when the directory does not know it ('系统' for the engine). */
export function personText(userId: string, names: NameDirectory): string {
  if (userId.startsWith('system:')) return '系统';
  return names.personName(userId) ?? userId;
}

/** A field the timeline has a label for. */
export type EventFieldName = keyof typeof EVENT_FIELD_LABELS;

function fieldLabel(key: string): string {
  return Object.prototype.hasOwnProperty.call(EVENT_FIELD_LABELS, key)
    ? EVENT_FIELD_LABELS[key as EventFieldName]
    : key;
}

/** One detail value as a reader wants it, by the field it sits in. */
export function detailValueText(
  key: string,
  value: unknown,
  names: NameDirectory,
  formatInstant: (iso: string) => string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (isReferenceList(key)) return `${value.length} 份`;
    if (value.length === 0) return '—';
    return value.map((item) => detailValueText(key, item, names, formatInstant)).join('、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return key === 'similarity' ? `${Math.round(value * 100)}%` : String(value);
  if (typeof value === 'string') {
    if (isPersonField(key)) return personText(value, names);
    if (isUnitField(key)) return unitText(value, names);
    if (INSTANT.test(value)) return formatInstant(value);
    return codedValueLabel(key, value);
  }
  const record = value as Record<string, unknown>;
  // A person reference ({ userId, name, role, unitCode }): by name, with the unit's name.
  if (
    typeof record.name === 'string' &&
    (typeof record.userId === 'string' || typeof record.unitCode === 'string')
  ) {
    const unit =
      typeof record.unitCode === 'string' ? (names.unitName(record.unitCode) ?? record.unitCode) : '';
    return unit ? `${record.name}（${unit}）` : record.name;
  }
  // A handling body: a unit of the tree by name, or an outside body by its own name.
  if (record.kind === 'unit' && typeof record.code === 'string') return unitText(record.code, names);
  if (record.kind === 'external' && typeof record.name === 'string') return record.name;
  return Object.entries(record)
    .filter(([nested]) => !HIDDEN_FIELDS.has(nested) && !/Ref$/.test(nested))
    .map(([nested, item]) => `${fieldLabel(nested)}：${detailValueText(nested, item, names, formatInstant)}`)
    .join('；');
}

/** An event's details as labelled lines: codes by their labels, people and units by name, times local. */
export function describeEventDetails(
  details: Readonly<Record<string, unknown>>,
  names: NameDirectory,
  formatInstant: (iso: string) => string,
): DescribedDetail[] {
  return Object.entries(details)
    .filter(([key, value]) => !HIDDEN_FIELDS.has(key) && value !== undefined)
    .map(([key, value]) => ({
      key,
      label: fieldLabel(key),
      text: detailValueText(key, value, names, formatInstant),
    }));
}

/** The user ids and unit codes an event's details refer to, to look their names up once. */
export function referencedNames(details: unknown): { userIds: Set<string>; unitCodes: Set<string> } {
  const found = { userIds: new Set<string>(), unitCodes: new Set<string>() };
  const visit = (key: string, value: unknown): void => {
    if (Array.isArray(value)) return value.forEach((item) => visit(key, item));
    if (typeof value === 'string') {
      if (isPersonField(key)) found.userIds.add(value);
      else if (isUnitField(key)) found.unitCodes.add(value);
      return;
    }
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.kind === 'unit' && typeof record.code === 'string') found.unitCodes.add(record.code);
      for (const [nested, item] of Object.entries(record)) visit(nested, item);
    }
  };
  visit('', details);
  return found;
}

/** What an inbox item's title is built from: its event's structured fields, never the stored text. */
export interface InboxTitleFields {
  eventType: string | null;
  kind: string;
  level: number;
  clock: string | null;
  dueAt: string | null;
  dueDate: string | null;
  /** The unit a feedback is owed to, as text (name and code). */
  feedbackUnit: string | null;
  visitNumber: number | null;
}

/**
 * An inbox item's title in Chinese with local times, e.g. 超期升级 1 级：分流时限已于 2026-12-01 00:00 到期.
 * Undefined when its event carries nothing to build one from (the stored title then stands).
 */
export function inboxItemTitle(
  item: InboxTitleFields,
  formatInstant: (iso: string) => string,
): string | undefined {
  const clock = item.clock ? codedValueLabel('clock', item.clock) : '时限';
  switch (item.eventType) {
    case EVENT_TYPES.deadlineWarning:
      return item.dueAt ? `临期提醒：${clock}将于 ${formatInstant(item.dueAt)} 到期` : undefined;
    case EVENT_TYPES.deadlineEscalated:
      return item.dueAt
        ? `超期升级 ${item.level} 级：${clock}已于 ${formatInstant(item.dueAt)} 到期`
        : undefined;
    case EVENT_TYPES.feedbackDueWarning:
    case EVENT_TYPES.feedbackOverdue:
      return item.dueDate
        ? `${EVENT_TYPE_LABELS[item.eventType]}：应于 ${item.dueDate} 前向${item.feedbackUnit ?? '交办单位'}反馈`
        : undefined;
    case EVENT_TYPES.repeatVisitEscalated:
      return item.visitNumber ? `重复信访：本案第 ${item.visitNumber} 次重复来访` : undefined;
    default:
      return undefined;
  }
}

type KeysOfUnion<T> = T extends unknown ? keyof T : never;
/** Every field a recorded event's payload may carry, over all event types. */
type PayloadFieldName = { [T in RecordedEventType]: KeysOfUnion<EventPayload<T>> }[RecordedEventType];
/** Payload fields the timeline has no label for (the status fields are named by their values). */
type UnlabelledPayloadField = Exclude<
  PayloadFieldName,
  EventFieldName | 'status' | 'fromStatus' | 'contentRef' | 'petitionerRefs' | 'visitId'
>;
/**
 * A payload field (event-payloads.ts, event-types.ts) without a label or a place in HIDDEN_FIELDS does
 * not compile: the timeline would show its bare key.
 */
export const EVERY_PAYLOAD_FIELD_LABELLED: [UnlabelledPayloadField] extends [never]
  ? true
  : UnlabelledPayloadField = true;
