/**
 * The statutory clocks of the 2022 Regulations on Letters and Visits Work (《信访工作条例》).
 * Law, not policy: a policy's clocks are checked against these limits (see policy-rules.ts).
 */
import type { DeadlineMode } from '../clock';

export const CLOCK_NAMES = [
  'triage',
  'transferNotice',
  'misrouteObjection',
  'handling',
  'reviewRequest',
  'reviewDecision',
  'reReviewRequest',
  'reReviewDecision',
  'delivery',
] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

/**
 * 'duty': an office's obligation; a jurisdiction may shorten it, never lengthen it.
 * 'right': the petitioner's window to ask for review; a jurisdiction may not shorten it.
 */
export type ClockKind = 'duty' | 'right';

export interface StatutoryClock {
  days: number;
  mode: DeadlineMode;
  kind: ClockKind;
  article: string;
  /** What runs, in Chinese and English. */
  description: string;
}

export const STATUTORY_CLOCKS: Readonly<Record<ClockName, StatutoryClock>> = {
  triage: {
    days: 15,
    mode: 'calendar',
    kind: 'duty',
    article: 'art. 22',
    description: '收到信访事项后分流 / triage from receipt',
  },
  transferNotice: {
    days: 15,
    mode: 'calendar',
    kind: 'duty',
    article: 'art. 23',
    description: '接收转送、交办事项后告知信访人 / notify the petitioner after receiving a transfer',
  },
  misrouteObjection: {
    days: 5,
    mode: 'working',
    kind: 'duty',
    article: 'art. 23',
    description: '对不属于本单位的转送事项提出异议 / object that a transferred matter is not ours',
  },
  handling: {
    days: 60,
    mode: 'calendar',
    kind: 'duty',
    article: 'art. 34',
    description: '自受理之日起办结 / handle from acceptance',
  },
  reviewRequest: {
    days: 30,
    mode: 'calendar',
    kind: 'right',
    article: 'art. 35',
    description: '收到处理意见后申请复查 / request review after the reply is delivered',
  },
  reviewDecision: {
    days: 30,
    mode: 'calendar',
    kind: 'duty',
    article: 'art. 35',
    description: '复查决定 / decide the review',
  },
  reReviewRequest: {
    days: 30,
    mode: 'calendar',
    kind: 'right',
    article: 'art. 36',
    description: '收到复查意见后申请复核 / request re-review after the review opinion',
  },
  reReviewDecision: {
    days: 30,
    mode: 'calendar',
    kind: 'duty',
    article: 'art. 36',
    description: '复核决定（听证时间不计入）/ decide the re-review (hearing time not counted)',
  },
  // The Regulation sets no days of its own for delivering a written opinion (arts. 32, 35, 36 run the
  // petitioner's windows from delivery); the policy sets them, at most as long as the window that follows.
  delivery: {
    days: 30,
    mode: 'calendar',
    kind: 'duty',
    article: 'art. 32',
    description: '出具书面意见后送达信访人 / deliver the written opinion to the petitioner',
  },
};

/** What staff read for each clock (时限名称). */
export const CLOCK_LABELS: Readonly<Record<ClockName, string>> = {
  triage: '分流时限',
  transferNotice: '转送告知时限',
  misrouteObjection: '异议时限',
  handling: '办理时限',
  reviewRequest: '复查申请期限',
  reviewDecision: '复查时限',
  reReviewRequest: '复核申请期限',
  reReviewDecision: '复核时限',
  delivery: '送达时限',
};

/** The one extension of the handling clock (art. 34): at most 30 days. */
export const STATUTORY_EXTENSION = { maxDays: 30, mode: 'calendar', article: 'art. 34' } as const;

/** At most 5 representatives for a collective visit (art. 20). */
export const STATUTORY_MAX_COLLECTIVE_REPRESENTATIVES = 5;

/**
 * A working-day clock replacing a calendar-day duty of S days must have at most ⌊S/3⌋ working days.
 * Checked against the official tables 2004–2026 (policy-rules.spec.ts): the longest span of 5 working
 * days is 15 calendar days (Spring Festival 2020), of 10 is 22, of 20 is 38.
 */
export const WORKING_DAYS_PER_CALENDAR_DAYS_BOUND = 1 / 3;
