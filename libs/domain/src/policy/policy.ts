/**
 * Policy as data: every clock of the case, its warnings, the escalation ladder, repeat-petition
 * escalation and the collective-visit limit. Versioned; a case keeps the version it started under.
 *
 * Durations (warnings before a due time, escalation delays after it) are ISO-8601 strings restricted
 * to weeks/days/hours/minutes/seconds, e.g. 'P3D', 'PT4H', 'PT30S' (see clock/duration.ts).
 */
import type { z } from 'zod';
import { lazyZod } from '../lazy-zod';
import { once } from '../once';
import {
  DEADLINE_MODES,
  DeadlineMode,
  IsoDuration,
  MAX_DEADLINE_DAYS,
  MS_PER_DAY,
  durationMsOf,
  isIsoDuration,
} from '../clock';
import { clockStatuteProblem, extensionStatuteProblem } from './policy-rules';
import {
  CLOCK_NAMES,
  ClockName,
  STATUTORY_CLOCKS,
  STATUTORY_MAX_COLLECTIVE_REPRESENTATIVES,
} from './statute';

export const ESCALATION_RECIPIENTS = ['handler', 'unitLeader', 'packageLeader', 'supervisionOffice'] as const;
export type EscalationRecipient = (typeof ESCALATION_RECIPIENTS)[number];

export interface ClockPolicy {
  days: number;
  mode: DeadlineMode;
  /** Warn this long before the due time (endsAt), e.g. ['P3D', 'P1D']. */
  warnBefore: IsoDuration[];
}

export interface ExtensionPolicy {
  /** The one extension of the handling clock is at most this long. */
  maxDays: number;
  mode: DeadlineMode;
}

export interface EscalationLevel {
  recipient: EscalationRecipient;
  /** Delay after the due time; levels are ordered by non-decreasing delay. */
  after: IsoDuration;
}

/** How a pause's time is excluded from its clock. */
export const PAUSE_COUNTINGS = ['wholeDays', 'elapsed'] as const;
export type PauseCounting = (typeof PAUSE_COUNTINGS)[number];

/**
 * A lawful reason to pause a clock (e.g. hearing time in a re-review, Regulation art. 36): a clock pauses
 * only for a reason its policy lists, with the legal basis cited.
 */
export interface PauseReason {
  /** Stable code, e.g. 'reReviewHearing'. */
  code: string;
  /** What staff read, Chinese first. */
  label: string;
  /** The article that excludes this time from the period. */
  legalBasis: string;
  /** The office clocks it may pause. */
  clocks: ClockName[];
  /** 'wholeDays': any part of a day costs a day; 'elapsed': the time it took, exactly. */
  counting: PauseCounting;
}

export interface RepeatEscalationRule {
  /** The n-th repeat petition on the same matter (1 = the first repeat). */
  repeatCount: number;
  recipient: EscalationRecipient;
}

export interface Policy {
  version: string;
  /** Who set it, e.g. '全国' or '浙江省'. */
  jurisdiction?: string;
  /** The version this one overrides. */
  basedOn?: string;
  clocks: Record<ClockName, ClockPolicy>;
  extension: ExtensionPolicy;
  escalationLadder: EscalationLevel[];
  /** The only reasons a clock may be paused for. */
  pauseReasons: PauseReason[];
  repeatEscalation: RepeatEscalationRule[];
  /**
   * How alike (0–1, character-bigram overlap of subject and content) a new petition must be to an open
   * case of the same petitioner, category and matter unit to count as a repeat visit on it.
   */
  repeatSimilarityThreshold: number;
  maxCollectiveRepresentatives: number;
}

/** The delivery clock a policy published before it existed uses. */
export const DEFAULT_DELIVERY_CLOCK: ClockPolicy = { days: 5, mode: 'working', warnBefore: ['P1D'] };

/** The national reasons to pause: only the re-review hearing (art. 36); a jurisdiction may add its own. */
export const NATIONAL_PAUSE_REASONS: PauseReason[] = [
  {
    code: 'reReviewHearing',
    label: '复核听证 / re-review hearing',
    legalBasis: '《信访工作条例》第三十六条：听证所需时间不计算在规定的时限内 / Regulation art. 36',
    clocks: ['reReviewDecision'],
    counting: 'wholeDays',
  },
];

/** The threshold a policy without one (published before it existed) uses. */
export const DEFAULT_REPEAT_SIMILARITY_THRESHOLD = 0.3;

const POSITIVE_INTEGER = '必须为正整数 / must be a positive integer';

function buildPolicySchema() {
  const z = lazyZod();
  const positiveDays = z
    .int({ error: POSITIVE_INTEGER })
    .positive({ error: POSITIVE_INTEGER })
    .max(MAX_DEADLINE_DAYS, {
      error: `不得超过 ${MAX_DEADLINE_DAYS} / must be at most ${MAX_DEADLINE_DAYS}`,
    });

  const modeSchema = z.enum(DEADLINE_MODES, {
    error: '必须为 calendar 或 working / must be calendar or working',
  });

  const durationSchema = z
    .string({ error: '必须为时长字符串 / must be a duration string' })
    .refine(isIsoDuration, {
      error: '必须为 ISO-8601 时长，如 P3D、PT30M / must be an ISO-8601 duration such as P3D or PT30M',
    });

  const recipientSchema = z.enum(ESCALATION_RECIPIENTS, {
    error: `必须为 ${ESCALATION_RECIPIENTS.join('|')} 之一 / must be one of ${ESCALATION_RECIPIENTS.join('|')}`,
  });

  function clockSchema(name: ClockName) {
    return z
      .strictObject({ days: positiveDays, mode: modeSchema, warnBefore: z.array(durationSchema) })
      .superRefine((clock, ctx) => {
        // Only a well-formed day count is compared with the statute and the warnings.
        const daysValid =
          positiveDays.safeParse(clock.days).success && modeSchema.safeParse(clock.mode).success;
        const problem = daysValid ? clockStatuteProblem(name, clock.days, clock.mode) : undefined;
        if (problem) ctx.addIssue({ code: 'custom', path: ['days'], message: problem });
        const seen = new Set<number>();
        clock.warnBefore.forEach((offset, index) => {
          const ms = durationMsOf(offset) ?? 0;
          const path = ['warnBefore', index];
          if (ms <= 0)
            ctx.addIssue({ code: 'custom', path, message: '必须为正时长 / must be a positive duration' });
          else if (daysValid && ms >= clock.days * MS_PER_DAY) {
            ctx.addIssue({
              code: 'custom',
              path,
              message: '必须短于时限本身 / must be shorter than the clock itself',
            });
          } else if (seen.has(ms))
            ctx.addIssue({ code: 'custom', path, message: '提醒重复 / duplicate warning' });
          seen.add(ms);
        });
      });
  }

  const nonEmptyText = z
    .string({ error: '必须为文本 / must be text' })
    .min(1, { error: '不能为空 / must not be empty' });

  const clocksSchema = z.strictObject(
    Object.fromEntries(
      CLOCK_NAMES.map((name) => [
        name,
        // A policy published before the delivery clock existed gets the national one.
        name === 'delivery' ? clockSchema(name).default(DEFAULT_DELIVERY_CLOCK) : clockSchema(name),
      ]),
    ) as Record<ClockName, ReturnType<typeof clockSchema>>,
  );

  const pausableClocks = CLOCK_NAMES.filter((name) => STATUTORY_CLOCKS[name].kind === 'duty');
  const pauseReasonsSchema = z
    .array(
      z.strictObject({
        code: z
          .string({ error: '必须为文本 / must be text' })
          .regex(/^[A-Za-z][A-Za-z0-9]*$/, { error: '须为字母数字代码 / must be a letters-and-digits code' }),
        label: nonEmptyText,
        legalBasis: nonEmptyText,
        clocks: z
          .array(
            z.enum(pausableClocks as [ClockName, ...ClockName[]], {
              error: `只能暂停办理机关的时限：${pausableClocks.join('|')} / only an office's clock pauses: ${pausableClocks.join('|')}`,
            }),
          )
          .min(1, { error: '至少一个时限 / needs at least one clock' }),
        counting: z.enum(PAUSE_COUNTINGS, {
          error: '必须为 wholeDays 或 elapsed / must be wholeDays or elapsed',
        }),
      }),
    )
    .superRefine((reasons, ctx) => {
      const seen = new Set<string>();
      reasons.forEach((reason, index) => {
        if (seen.has(reason.code))
          ctx.addIssue({ code: 'custom', path: [index, 'code'], message: '代码重复 / duplicate code' });
        seen.add(reason.code);
      });
    })
    .default(NATIONAL_PAUSE_REASONS);

  const extensionSchema = z
    .strictObject({ maxDays: positiveDays, mode: modeSchema })
    .superRefine((extension, ctx) => {
      if (!positiveDays.safeParse(extension.maxDays).success || !modeSchema.safeParse(extension.mode).success)
        return;
      const problem = extensionStatuteProblem(extension.maxDays, extension.mode);
      if (problem) ctx.addIssue({ code: 'custom', path: ['maxDays'], message: problem });
    });

  const escalationLadderSchema = z
    .array(z.strictObject({ recipient: recipientSchema, after: durationSchema }))
    .min(1, { error: '至少需要一级 / needs at least one level' })
    .superRefine((ladder, ctx) => {
      ladder.forEach((level, index) => {
        if (index === 0) return;
        if ((durationMsOf(level.after) ?? 0) < (durationMsOf(ladder[index - 1].after) ?? 0)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'after'],
            message: '不得早于上一级 / must not be shorter than the previous level’s delay',
          });
        }
      });
    });

  const repeatEscalationSchema = z
    .array(
      z.strictObject({
        repeatCount: z.int({ error: POSITIVE_INTEGER }).positive({ error: POSITIVE_INTEGER }),
        recipient: recipientSchema,
      }),
    )
    .superRefine((rules, ctx) => {
      rules.forEach((rule, index) => {
        if (index > 0 && rule.repeatCount <= rules[index - 1].repeatCount) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'repeatCount'],
            message: '必须大于上一条 / must be greater than the previous threshold',
          });
        }
      });
    });

  return z.strictObject({
    version: nonEmptyText,
    jurisdiction: nonEmptyText.optional(),
    basedOn: nonEmptyText.optional(),
    clocks: clocksSchema,
    extension: extensionSchema,
    escalationLadder: escalationLadderSchema,
    pauseReasons: pauseReasonsSchema,
    repeatEscalation: repeatEscalationSchema,
    repeatSimilarityThreshold: z
      .number({ error: '必须为 0 到 1 之间的数 / must be a number between 0 and 1' })
      .gt(0, { error: '必须大于 0 / must be greater than 0' })
      .max(1, { error: '不得大于 1 / must be at most 1' })
      .default(DEFAULT_REPEAT_SIMILARITY_THRESHOLD),
    maxCollectiveRepresentatives: z
      .int({ error: POSITIVE_INTEGER })
      .positive({ error: POSITIVE_INTEGER })
      .max(STATUTORY_MAX_COLLECTIVE_REPRESENTATIVES, {
        error: `不得超过法定 ${STATUTORY_MAX_COLLECTIVE_REPRESENTATIVES} 人 / must not exceed the statutory ${STATUTORY_MAX_COLLECTIVE_REPRESENTATIVES} (art. 20)`,
      }),
  });
}

/** The policy document's schema, built on first use (see once.ts). */
export const policySchema = once(buildPolicySchema);

// The schema's output is exactly the Policy interface (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesPolicy: Same<z.output<ReturnType<typeof buildPolicySchema>>, Policy> = true;
void schemaMatchesPolicy;
