/**
 * The written notices (书面告知) and the fields each one may print. A template may use exactly these
 * placeholders: an administrator's edit that names anything else is refused, so no notice prints a blank.
 */

/** `text`: printed as given; `date`: a 'YYYY-MM-DD' local date, printed 2026年11月29日; `days`: a whole number. */
export type NoticeFieldType = 'text' | 'date' | 'days';

export interface NoticeFieldSpec {
  label: string;
  type: NoticeFieldType;
}

export const NOTICE_FIELDS = {
  caseNumber: { label: '案件编号 / case number', type: 'text' },
  petitionerName: { label: '信访人姓名 / petitioner name', type: 'text' },
  subject: { label: '信访事项 / subject of the petition', type: 'text' },
  receivedOn: { label: '收到信访事项日期 / date received', type: 'date' },
  issuingUnit: { label: '发文单位 / issuing unit', type: 'text' },
  issuedOn: { label: '发文日期 / date issued', type: 'date' },
  acceptedOn: { label: '受理日期 / date accepted', type: 'date' },
  replyDueOn: { label: '答复期限 / reply due by', type: 'date' },
  queryCode: { label: '查询码 / progress query code', type: 'text' },
  queryAddress: { label: '查询途径 / where to query', type: 'text' },
  reason: { label: '理由 / reason', type: 'text' },
  legalChannel: { label: '法定途径 / legal channel', type: 'text' },
  receivingUnit: { label: '接收单位 / receiving unit', type: 'text' },
  transferredOn: { label: '转送日期 / date transferred', type: 'date' },
  originalDueOn: { label: '原办理期限 / original due date', type: 'date' },
  extendedDueOn: { label: '延长后的办理期限 / extended due date', type: 'date' },
  outcome: {
    label: '处理结论（予以支持/解释说明/不予支持，《信访工作条例》第三十二条）/ outcome (art. 32)',
    type: 'text',
  },
  opinion: { label: '意见正文 / opinion text', type: 'text' },
  reviewBody: { label: '复查机关 / review body', type: 'text' },
  reviewWindowDays: { label: '请求复查期限（日）/ days to ask for review', type: 'days' },
  reviewedUnit: { label: '原处理（复查）机关 / unit whose opinion is reviewed', type: 'text' },
  reviewedOpinionOn: { label: '原意见日期 / date of the reviewed opinion', type: 'date' },
  requestedOn: { label: '请求复查（复核）日期 / date review was asked', type: 'date' },
  reReviewBody: { label: '复核机关 / re-review body', type: 'text' },
  reReviewWindowDays: { label: '请求复核期限（日）/ days to ask for re-review', type: 'days' },
} as const satisfies Record<string, NoticeFieldSpec>;

export type NoticeFieldName = keyof typeof NOTICE_FIELDS;

/** Printed on every notice: the addressee, the case, and the issuing unit and date at the bottom. */
export const COMMON_NOTICE_FIELDS = [
  'caseNumber',
  'petitionerName',
  'subject',
  'receivedOn',
  'issuingUnit',
  'issuedOn',
] as const satisfies readonly NoticeFieldName[];

interface NoticeKindSpec {
  label: string;
  fields: readonly NoticeFieldName[];
  optional?: readonly NoticeFieldName[];
}

export const NOTICE_KINDS = {
  acceptance: {
    label: '受理告知书',
    fields: ['acceptedOn', 'replyDueOn', 'queryCode'],
    optional: ['queryAddress'],
  },
  notAccepted: { label: '不予受理告知书', fields: ['reason', 'legalChannel'] },
  transfer: { label: '转送告知书', fields: ['receivingUnit', 'transferredOn'] },
  extension: { label: '延期告知书', fields: ['originalDueOn', 'extendedDueOn', 'reason'] },
  handlingOpinion: {
    label: '信访处理意见书',
    fields: ['outcome', 'opinion', 'reviewBody', 'reviewWindowDays'],
  },
  reviewOpinion: {
    label: '复查意见书',
    fields: [
      'reviewedUnit',
      'reviewedOpinionOn',
      'requestedOn',
      'outcome',
      'opinion',
      'reReviewBody',
      'reReviewWindowDays',
    ],
  },
  reReviewOpinion: {
    label: '复核意见书',
    fields: ['reviewedUnit', 'reviewedOpinionOn', 'requestedOn', 'outcome', 'opinion'],
  },
} as const satisfies Record<string, NoticeKindSpec>;

export type NoticeKind = keyof typeof NOTICE_KINDS;
export const NOTICE_KIND_NAMES = Object.keys(NOTICE_KINDS) as NoticeKind[];

type FieldValue<F extends NoticeFieldName> = (typeof NOTICE_FIELDS)[F]['type'] extends 'days'
  ? number
  : string;
type RequiredField<K extends NoticeKind> =
  (typeof COMMON_NOTICE_FIELDS)[number] | (typeof NOTICE_KINDS)[K]['fields'][number];
type OptionalField<K extends NoticeKind> = (typeof NOTICE_KINDS)[K] extends {
  optional: readonly (infer F extends NoticeFieldName)[];
}
  ? F
  : never;

/** What the engine supplies for one notice of kind K: dates as 'YYYY-MM-DD', already computed. */
export type NoticeData<K extends NoticeKind> = { [F in RequiredField<K>]: FieldValue<F> } & {
  [F in OptionalField<K>]?: FieldValue<F>;
};

/** The fields a notice of this kind requires and those it may leave out. */
export function noticeFieldsOf(kind: NoticeKind): {
  required: readonly NoticeFieldName[];
  optional: readonly NoticeFieldName[];
} {
  const spec: NoticeKindSpec = NOTICE_KINDS[kind];
  return { required: [...COMMON_NOTICE_FIELDS, ...spec.fields], optional: spec.optional ?? [] };
}

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === 'string' && Object.hasOwn(NOTICE_KINDS, value);
}
