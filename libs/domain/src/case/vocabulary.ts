/** The fixed vocabularies of a case, each with its Chinese label (one name per concept). */

export const CASE_CATEGORIES = ['suggestion', 'accusation', 'grievance'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_CATEGORY_LABELS: Readonly<Record<CaseCategory, string>> = {
  suggestion: '建议意见',
  accusation: '检举控告',
  grievance: '申诉求决',
};

export const CASE_CHANNELS = [
  'letter',
  'visit',
  'online',
  'phone',
  'leaderReception',
  'transferred',
  'assigned',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const CASE_CHANNEL_LABELS: Readonly<Record<CaseChannel, string>> = {
  letter: '来信',
  visit: '来访',
  online: '网上信访',
  phone: '电话',
  leaderReception: '领导接待日',
  transferred: '上级转送',
  assigned: '上级交办',
};

/** The five duties of the package team (五包). */
export const DUTY_KINDS = [
  'investigate',
  'explainPolicy',
  'resolve',
  'replyAndSettle',
  'followUpVisit',
] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export const DUTY_LABELS: Readonly<Record<DutyKind, string>> = {
  investigate: '包调查核实',
  explainPolicy: '包政策解释',
  resolve: '包解决问题',
  replyAndSettle: '包答复息诉',
  followUpVisit: '包回访',
};

/**
 * Outcome of a handling opinion (信访处理意见书), and likewise of review and re-review opinions, in the
 * words of art. 32 of the 2022 Regulation: 予以支持 (support), 解释说明 (explain), 不予支持 (not support).
 * New opinions take only these.
 */
export const REPLY_OUTCOMES = ['support', 'explain', 'notSupport'] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];
/**
 * Outcomes of the engine's wording before art. 32 (部分支持): still on old opinions and in committed
 * workflow histories, so they stay readable; a new opinion refuses them (OUTCOME_RETIRED).
 */
export const LEGACY_REPLY_OUTCOMES = ['partlySupport'] as const;
export type LegacyReplyOutcome = (typeof LEGACY_REPLY_OUTCOMES)[number];
/** Every outcome an opinion on record may carry: art. 32's three, then the legacy ones. */
export const RECORDED_REPLY_OUTCOMES = [...REPLY_OUTCOMES, ...LEGACY_REPLY_OUTCOMES] as const;
export type RecordedReplyOutcome = (typeof RECORDED_REPLY_OUTCOMES)[number];
export const REPLY_OUTCOME_LABELS: Readonly<Record<RecordedReplyOutcome, string>> = {
  support: '予以支持',
  explain: '解释说明',
  notSupport: '不予支持',
  partlySupport: '部分支持（旧）',
};

export function isLegacyReplyOutcome(value: unknown): value is LegacyReplyOutcome {
  return (LEGACY_REPLY_OUTCOMES as readonly unknown[]).includes(value);
}

export const SATISFACTION_LEVELS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, string>> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
};

/** How a written opinion reached the petitioner (送达方式). */
export const DELIVERY_METHODS = [
  'inPerson',
  'post',
  'electronic',
  'leftAtResidence',
  'publicNotice',
] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  inPerson: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  leftAtResidence: '留置送达',
  publicNotice: '公告送达',
};

/** The written opinions whose delivery is recorded; each opens the petitioner's next window. */
export const OPINION_DOCUMENTS = ['reply', 'reviewOpinion', 'reReviewOpinion'] as const;
export type OpinionDocument = (typeof OPINION_DOCUMENTS)[number];
export const OPINION_DOCUMENT_LABELS: Readonly<Record<OpinionDocument, string>> = {
  reply: '信访处理意见书',
  reviewOpinion: '复查意见书',
  reReviewOpinion: '复核意见书',
};

/** Why a matter is not accepted (不予受理). */
export const NOT_ACCEPT_REASONS = [
  'lawfulChannel',
  'concludedSameFacts',
  'handledBelow',
  'notPetitionMatter',
] as const;
export type NotAcceptReason = (typeof NOT_ACCEPT_REASONS)[number];
export const NOT_ACCEPT_REASON_LABELS: Readonly<Record<NotAcceptReason, string>> = {
  lawfulChannel: '应通过诉讼、仲裁、行政复议等法定途径解决',
  concludedSameFacts: '复核终结后以同一事实和理由再次提出',
  handledBelow: '下级机关正在办理中',
  notPetitionMatter: '不属于信访事项',
};

export const SUPERVISION_KINDS = ['order', 'reminder'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];
export const SUPERVISION_KIND_LABELS: Readonly<Record<SupervisionKind, string>> = {
  order: '督办',
  reminder: '催办',
};

/** The sending unit's decision on a receiving unit's misroute objection (art. 23). */
export const OBJECTION_DECISIONS = ['uphold', 'overrule'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];
export const OBJECTION_DECISION_LABELS: Readonly<Record<ObjectionDecision, string>> = {
  uphold: '异议成立',
  overrule: '异议不成立，退回办理',
};

/** Why a person has an interest in the case (art. 28): a party, a relative, named in the petition, other. */
export const RECUSAL_GROUNDS = ['party', 'relative', 'namedInPetition', 'other'] as const;
export type RecusalGround = (typeof RECUSAL_GROUNDS)[number];
export const RECUSAL_GROUND_LABELS: Readonly<Record<RecusalGround, string>> = {
  party: '系信访事项当事人',
  relative: '系当事人近亲属',
  namedInPetition: '为信访事项所涉人员',
  other: '其他利害关系',
};

/** The decision on a petitioner's request for recusal: 决定回避, or 驳回申请. */
export const RECUSAL_DECISIONS = ['recuse', 'dismiss'] as const;
export type RecusalDecision = (typeof RECUSAL_DECISIONS)[number];
export const RECUSAL_DECISION_LABELS: Readonly<Record<RecusalDecision, string>> = {
  recuse: '决定回避',
  dismiss: '驳回申请',
};
