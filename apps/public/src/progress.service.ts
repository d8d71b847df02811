import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../../libs/config/src';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../libs/domain/src/case/status';
import { type Satisfaction } from '../../../libs/domain/src/case/vocabulary';
import { localDateAt } from '../../../libs/domain/src/clock/time-zone';
import { hitRateLimit } from '../../../libs/persistence/src/auth';
import { APP_CONFIG } from '../../../libs/nest/src';
import {
  caseNotices,
  PersonalDataProtector,
  queryCodeMatches,
  storedNotice,
  type StoredNotice,
  storePublicRating,
} from '../../../libs/persistence/src';
import { type ErrorCode } from '../../../libs/domain/src/errors';
import { ApiError } from '../../api/src/http/api-error';

/** The deadlines a petitioner is told about; the units' internal windows (e.g. objections) are left out. */
const PUBLIC_DEADLINES: Readonly<Record<string, string>> = {
  triage: '决定是否受理 / decision on acceptance',
  transferNotice: '告知是否受理 / notice of acceptance after transfer',
  handling: '办理并答复 / handling and reply',
  reviewRequest: '可申请复查至 / you may ask for a review until',
  reviewDecision: '复查决定 / review decision',
  reReviewRequest: '可申请复核至 / you may ask for a re-review until',
  reReviewDecision: '复核决定 / re-review decision',
};

/**
 * The petitioner's own rating of the reply (art. 21), once the reply is issued: `awaitingDelivery` until
 * its delivery is recorded, then `open`, then `rated` (at the counter or online, whichever came first).
 */
export type PublicRatingStatus = 'awaitingDelivery' | 'open' | 'rated';

export interface PublicProgress {
  caseNumber: string;
  status: { code: string; label: string };
  receivedOn: string;
  deadlines: { kind: string; label: string; lastDay: string }[];
  notices: { id: string; kind: string; title: string; issuedOn: string }[];
  /** Present once the reply is issued. */
  rating?: { status: PublicRatingStatus; label: string };
}

/** The answer to a rating the public app stored: it is recorded and will reach the case. */
export interface RatingReceipt {
  caseNumber: string;
  status: 'recorded';
  satisfaction: Satisfaction;
  message: string;
}

const RATING_LABELS: Readonly<Record<PublicRatingStatus, string>> = {
  awaitingDelivery: '答复送达后可评价 / you may rate the reply once it is delivered',
  open: '可对答复进行满意度评价 / you may rate the reply',
  rated: '已评价 / rated',
};

interface RatingRow {
  status: string;
  reply_seq: number | null;
  reply_delivered_on: string | null;
  satisfaction_recorded_at: Date | null;
}

function ratingStatusOf(row: RatingRow): PublicRatingStatus | null {
  if (row.reply_seq === null) return null;
  if (row.satisfaction_recorded_at !== null) return 'rated';
  return row.reply_delivered_on === null ? 'awaitingDelivery' : 'open';
}

/** The refusals of a rating, each a stable code (the domain's, where the case would refuse the same). */
const RATING_REFUSALS = {
  REPLY_NOT_DELIVERED:
    '答复尚未送达，送达后方可评价 / the reply has not been delivered yet; you may rate it once it is',
  SATISFACTION_ALREADY_RECORDED:
    '该答复已评价，评价已记录，不能重复评价 / this reply has already been rated; the rating is recorded',
} as const satisfies Partial<Record<ErrorCode, string>>;

function refuseRating(code: keyof typeof RATING_REFUSALS): ApiError {
  return new ApiError(code, RATING_REFUSALS[code]);
}

/** Wrong code and unknown case: the one answer, so it tells nothing about which part was wrong. */
function notFound(): ApiError {
  return new ApiError(
    'PROGRESS_NOT_FOUND',
    '案件编号或查询码不正确 / the case number or query code is not correct',
  );
}

/**
 * The petitioner's progress query (Regulation art. 21): checked against the query code, rate-limited
 * per address and per case in PostgreSQL, and answering only what the petitioner may see.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly db: DataSource,
    private readonly protector: PersonalDataProtector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async progress(caseNumber: string, queryCode: string, address: string): Promise<PublicProgress> {
    await this.verify(caseNumber, queryCode, address);
    const [row] = await this.db.query(
      `SELECT status, received_at, clock, to_char(due_last_day, 'YYYY-MM-DD') AS due_last_day
       FROM cases WHERE case_number = $1`,
      [caseNumber],
    );
    if (!row) throw notFound();
    const label = PUBLIC_DEADLINES[row.clock as string];
    return {
      caseNumber,
      status: { code: row.status, label: CASE_STATUS_LABELS[row.status as CaseStatus] ?? row.status },
      receivedOn: this.localDate(row.received_at),
      deadlines: label && row.due_last_day ? [{ kind: row.clock, label, lastDay: row.due_last_day }] : [],
      notices: (await caseNotices(this.db, caseNumber)).map((notice) => ({
        id: notice.id,
        kind: notice.kind,
        title: notice.title,
        issuedOn: this.localDate(notice.issuedAt),
      })),
      ...(await this.ratingOf(caseNumber)),
    };
  }

  private async ratingOf(caseNumber: string): Promise<Pick<PublicProgress, 'rating'>> {
    const [row]: RatingRow[] = await this.db.query(
      `SELECT status, reply_seq, reply_delivered_on, satisfaction_recorded_at FROM cases WHERE case_number = $1`,
      [caseNumber],
    );
    const status = row ? ratingStatusOf(row) : null;
    return status ? { rating: { status, label: RATING_LABELS[status] } } : {};
  }

  /**
   * The petitioner's own rating (art. 21): after the reply's delivery, once per reply. Stored durably
   * here (insert only) and relayed into the case by the worker; a counter rating that came first, or an
   * earlier online rating of the same reply, refuses it.
   */
  async rate(
    caseNumber: string,
    queryCode: string,
    address: string,
    answer: { satisfaction: Satisfaction; comment?: string },
  ): Promise<RatingReceipt> {
    await this.verify(caseNumber, queryCode, address);
    const [row]: RatingRow[] = await this.db.query(
      `SELECT status, reply_seq, reply_delivered_on, satisfaction_recorded_at FROM cases WHERE case_number = $1`,
      [caseNumber],
    );
    if (!row) throw notFound();
    const status = ratingStatusOf(row);
    if (status === 'rated') throw refuseRating('SATISFACTION_ALREADY_RECORDED');
    if (status !== 'open' || row.status === 'withdrawn') throw refuseRating('REPLY_NOT_DELIVERED');
    const comment = answer.comment?.trim() || null;
    const stored = await storePublicRating(this.db, {
      caseNumber,
      replySeq: row.reply_seq!,
      satisfaction: answer.satisfaction,
      comment,
    });
    if (!stored) throw refuseRating('SATISFACTION_ALREADY_RECORDED');
    return {
      caseNumber,
      status: 'recorded',
      satisfaction: answer.satisfaction,
      message: '评价已记录，感谢你的参与 / your rating is recorded, thank you',
    };
  }

  async notice(caseNumber: string, queryCode: string, address: string, id: string): Promise<StoredNotice> {
    await this.verify(caseNumber, queryCode, address);
    const notice = await storedNotice(this.db, caseNumber, id);
    if (!notice) throw notFound();
    return notice;
  }

  /** Counts the attempt first (wrong codes count too), then compares the code in constant time. */
  private async verify(caseNumber: string, queryCode: string, address: string): Promise<void> {
    const window = this.config.PUBLIC_QUERY_RATE_WINDOW_SECONDS;
    const limits: [string, number][] = [
      [`progress:address:${address}`, this.config.PUBLIC_QUERY_RATE_LIMIT_PER_ADDRESS],
      [`progress:case:${caseNumber.toUpperCase()}`, this.config.PUBLIC_QUERY_RATE_LIMIT_PER_CASE],
    ];
    for (const [key, limit] of limits) {
      const { count, retryAfterSeconds } = await hitRateLimit(this.db, key, window);
      if (count > limit) {
        throw new ApiError(
          'RATE_LIMITED',
          `请求过于频繁，请${Math.ceil(retryAfterSeconds / 60)}分钟后再试 / too many requests, try again later`,
        );
      }
    }
    if (!(await queryCodeMatches(this.db, this.protector, caseNumber, queryCode))) throw notFound();
  }

  private localDate(at: Date | string): string {
    return localDateAt(new Date(at).getTime(), this.config.TIME_ZONE);
  }
}
