/** How a petition reached the office (来源渠道). */
export const CASE_CHANNELS = ['letter', 'visit', 'online', 'phone', 'leaderReception', 'transferred', 'assigned'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_CHANNEL_LABELS: Record<CaseChannel, string> = {
  letter: '来信',
  visit: '来访',
  online: '网上信访',
  phone: '电话',
  leaderReception: '领导接待日',
  transferred: '上级转送',
  assigned: '上级交办',
};

/** 建议意见 / 检举控告 / 申诉求决 */
export const CASE_CATEGORIES = ['suggestion', 'accusation', 'grievance'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_CATEGORY_LABELS: Record<CaseCategory, string> = {
  suggestion: '建议意见',
  accusation: '检举控告',
  grievance: '申诉求决',
};
