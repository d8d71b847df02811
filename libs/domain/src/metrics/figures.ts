import { RECORDED_REPLY_OUTCOMES, type RecordedReplyOutcome, REPLY_OUTCOME_LABELS } from '../case/vocabulary';
import { ESCALATION_ROLE_LABELS } from '../org/escalation-recipients';
import { DEFAULT_POLICY } from '../policy/default-policy';

/**
 * What supervisors measure (domain.md): each figure is a numerator over a denominator, both counted in
 * cases, so every figure drills down to exactly the cases it counts. A unit's figures count the cases
 * it is responsible for (before the six defines, the unit holding the case), its subtree included.
 */
export interface FigureDefinition {
  key: string;
  /** '中文 / English'. */
  label: string;
  /** What the numerator and the denominator count, '中文 / English'. */
  definition: { numerator: string; denominator: string };
}

const ACTIVE_CASES =
  '期间内在办的案件（期间结束前登记、期间开始时尚未结束）/ cases open at some time in the period (registered before its end, not ended before its start)';
const REPLIED_IN_PERIOD = '期间内答复的案件 / cases replied in the period';

/** The escalation levels reported: those of the national policy's ladder. */
export const ESCALATION_LEVELS: readonly number[] = DEFAULT_POLICY.escalationLadder.map(
  (_, index) => index + 1,
);

export function escalationFigureKey(level: number): string {
  return `escalationLevel${level}`;
}

const ESCALATION_FIGURES: FigureDefinition[] = DEFAULT_POLICY.escalationLadder.map((step, index) => ({
  key: escalationFigureKey(index + 1),
  label: `第${index + 1}级超期升级（${ESCALATION_ROLE_LABELS[step.recipient]}）/ escalations, level ${index + 1} (${step.recipient})`,
  definition: {
    numerator: `期间内升级到第${index + 1}级的案件 / cases escalated to level ${index + 1} in the period`,
    denominator: ACTIVE_CASES,
  },
}));

export function outcomeFigureKey(stage: 'review' | 'reReview', outcome: RecordedReplyOutcome): string {
  return `${stage}${outcome[0].toUpperCase()}${outcome.slice(1)}`;
}

function outcomeFigures(
  stage: 'review' | 'reReview',
  zh: '复查' | '复核',
  en: 'review' | 're-review',
): FigureDefinition[] {
  // Art. 32's three, then the legacy 'partlySupport' so opinions from before its wording still count.
  return RECORDED_REPLY_OUTCOMES.map((outcome) => ({
    key: outcomeFigureKey(stage, outcome),
    label: `${zh}结果：${REPLY_OUTCOME_LABELS[outcome]} / ${en} outcome: ${outcome}`,
    definition: {
      numerator: `期间内作出${zh}意见且结果为“${REPLY_OUTCOME_LABELS[outcome]}”的案件 / ${en}s decided in the period with this outcome`,
      denominator: `期间内作出${zh}意见的案件 / ${en}s decided in the period`,
    },
  }));
}

/** Every figure, in the order a report shows them. */
export const METRIC_FIGURES: readonly FigureDefinition[] = [
  {
    key: 'onTimeTriage',
    label: '按期分流率 / on-time triage rate',
    definition: {
      numerator: '在分流期限内分流的案件 / cases triaged by their triage deadline',
      denominator:
        '分流期限在期间内的案件；尚未分流且已超期的计为逾期，期限未到且未分流的暂不计入 / cases whose triage deadline falls in the period; still-open overdue ones count as late, those not yet due are not counted yet',
    },
  },
  {
    key: 'onTimeCompletion',
    label: '按期办结率 / on-time completion rate',
    definition: {
      numerator:
        '在办理期限（含延期）内答复的案件 / cases replied by their (possibly extended) handling deadline',
      denominator:
        '办理期限在期间内的案件；尚未答复且已超期的计为逾期 / cases whose handling deadline falls in the period; still-open overdue ones count as late',
    },
  },
  {
    key: 'overdue',
    label: '超期案件 / overdue cases',
    definition: {
      numerator:
        '期间内曾超过分流或办理期限仍未分流、答复的案件 / cases past their triage or handling deadline, not yet triaged or replied, at some time in the period',
      denominator: ACTIVE_CASES,
    },
  },
  {
    key: 'extensions',
    label: '延期 / extensions',
    definition: {
      numerator: '期间内批准延期的案件 / cases granted an extension in the period',
      denominator: ACTIVE_CASES,
    },
  },
  ...ESCALATION_FIGURES,
  {
    key: 'supervisionOrders',
    label: '督办 / supervision orders',
    definition: {
      numerator: '期间内被督办的案件 / cases given a supervision order in the period',
      denominator: ACTIVE_CASES,
    },
  },
  {
    key: 'reminders',
    label: '催办 / reminders',
    definition: {
      numerator: '期间内被催办的案件 / cases sent a reminder in the period',
      denominator: ACTIVE_CASES,
    },
  },
  {
    key: 'participation',
    label: '参评率 / participation rate',
    definition: {
      numerator: '其中已作满意度评价的案件 / of those, cases with a satisfaction answer',
      denominator: REPLIED_IN_PERIOD,
    },
  },
  {
    key: 'satisfaction',
    label: '满意率 / satisfaction rate',
    definition: {
      numerator: '评价为满意或基本满意的案件 / answers satisfied or basically satisfied',
      denominator: '期间内答复且已作评价的案件 / cases replied in the period with a satisfaction answer',
    },
  },
  {
    key: 'repeatPetition',
    label: '重复信访率 / repeat-petition rate',
    definition: {
      numerator:
        '其中就同一事项至少又来信访一次的案件 / of those, cases with at least one repeat visit on the same matter',
      denominator: '期间内登记的案件 / cases registered in the period',
    },
  },
  {
    key: 'reviewRequests',
    label: '复查申请率 / review requests',
    definition: {
      numerator: '其中申请复查的案件 / of those, cases whose petitioner asked for review',
      denominator: REPLIED_IN_PERIOD,
    },
  },
  ...outcomeFigures('review', '复查', 'review'),
  {
    key: 'reReviewRequests',
    label: '复核申请率 / re-review requests',
    definition: {
      numerator: '其中申请复核的案件 / of those, cases whose petitioner asked for re-review',
      denominator: '期间内作出复查意见的案件 / reviews decided in the period',
    },
  },
  ...outcomeFigures('reReview', '复核', 're-review'),
];

export const METRIC_FIGURE_KEYS: readonly string[] = METRIC_FIGURES.map((figure) => figure.key);

export function figureDefinition(key: string): FigureDefinition | undefined {
  return METRIC_FIGURES.find((figure) => figure.key === key);
}

/** The part of a figure a drill-down lists. */
export const FIGURE_PARTS = ['numerator', 'denominator'] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];

/** A figure's value: the rate is numerator ÷ denominator to four places, null when nothing is counted. */
export function figureRate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}
