import { type EntityManager } from 'typeorm';
import { localDateAt } from '../../../domain/src/clock/time-zone';
import { REPLY_OUTCOME_LABELS, NOT_ACCEPT_REASON_LABELS } from '../../../domain/src/case/vocabulary';
import { bodyAbove, bodyName, type HandlingBody, unitBody } from '../../../domain/src/org/bodies';
import { DEFAULT_POLICY } from '../../../domain/src/policy/default-policy';
import { type Policy } from '../../../domain/src/policy/policy';
import { type NoticeKind } from '../../../notices/src/notice-fields';
import { EVENT_TYPES, type EventPayload, type RecordedEventType } from '../../../domain/src/case/event-types';
import { type CaseEventInput } from '../../../domain/src/case/recorded-event';
import { loadUnitTree } from '../unit-tree';

/** What issuing needs from the configuration. */
export interface NoticeSettings {
  timeZone: string;
  bodiesAboveTop: readonly string[];
}

/** A notice's data as stored: every field of its kind but the query code, which stays encrypted elsewhere. */
export type NoticeSnapshot = Record<string, string | number>;

const FALLBACK_BODY_ABOVE = '上一级机关';
const FALLBACK_LEGAL_CHANNEL = '通过诉讼、仲裁、行政复议等法定途径提出';

/** An earlier event of the case, of one type, with the payload that type records. */
interface EarlierEvent<T extends RecordedEventType> {
  type: T;
  occurred_at: Date;
  actor_unit: string | null;
  payload: EventPayload<T>;
}

/**
 * Computes the data one notice prints, from the event, the case as recorded so far (inside the
 * recording transaction, before the event is applied to the read model) and the engine's deadlines.
 */
export class NoticeSnapshotBuilder {
  private readonly localDate: (at: Date | string) => string;

  constructor(
    private readonly tx: EntityManager,
    private readonly event: CaseEventInput,
    private readonly settings: NoticeSettings,
  ) {
    this.localDate = (at) => localDateAt(new Date(at).getTime(), settings.timeZone);
  }

  /** Null when the case is not in the read model (an event recorded outside a registered case's life). */
  async build(kind: NoticeKind): Promise<NoticeSnapshot | null> {
    const [submission] = await this.tx.query(
      `SELECT s.petitioner_name, c.subject, c.received_at, to_char(c.due_last_day, 'YYYY-MM-DD') AS due_last_day, c.responsible_unit_code, c.holding_unit_code
       FROM case_submissions s JOIN cases c ON c.case_number = s.case_number WHERE s.case_number = $1`,
      [this.event.caseNumber],
    );
    if (!submission) return null;
    const issuedOn = this.localDate(this.event.occurredAt);
    const common = {
      caseNumber: this.event.caseNumber,
      petitionerName: submission.petitioner_name as string,
      subject: submission.subject as string,
      receivedOn: this.localDate(submission.received_at),
      issuingUnit: await this.unitName(this.event.actor.unitCode ?? submission.holding_unit_code),
      issuedOn,
    };
    const payload = this.event.payload;
    switch (kind) {
      case 'acceptance':
        return { ...common, acceptedOn: issuedOn, replyDueOn: this.event.view?.dueLastDay ?? '' };
      case 'notAccepted':
        return {
          ...common,
          reason: text(payload.explanation) || NOT_ACCEPT_REASON_LABELS[payload.reason as 'lawfulChannel'],
          legalChannel: text(payload.legalChannel) || FALLBACK_LEGAL_CHANNEL,
        };
      case 'transfer':
        return {
          ...common,
          receivingUnit: await this.unitName(String(payload.toUnitCode)),
          transferredOn: issuedOn,
        };
      case 'extension': {
        const request = await this.latest(EVENT_TYPES.extensionRequested);
        return {
          ...common,
          originalDueOn: submission.due_last_day ?? '',
          extendedDueOn: this.event.view?.dueLastDay ?? '',
          reason: text(request?.payload.reason),
        };
      }
      case 'handlingOpinion': {
        // Review goes above the original handling body recorded on the opinion (art. 35), else the issuer's unit.
        const handlingUnitCode = this.event.payload.handlingUnitCode;
        const handler = unitBody(
          typeof handlingUnitCode === 'string'
            ? handlingUnitCode
            : (this.event.actor.unitCode ?? submission.responsible_unit_code),
        );
        return {
          ...common,
          // Issued in the name of the original handling body, whichever of its staff or units wrote it.
          ...(typeof handlingUnitCode === 'string'
            ? { issuingUnit: await this.unitName(handlingUnitCode) }
            : {}),
          ...this.opinion(),
          reviewBody: await this.nameAbove(handler),
          reviewWindowDays: (await this.policy()).clocks.reviewRequest.days,
        };
      }
      case 'reviewOpinion': {
        const [reply, request] = [
          await this.latest(EVENT_TYPES.replyIssued),
          await this.latest(EVENT_TYPES.reviewRequested),
        ];
        const body = request?.payload.body;
        return {
          ...common,
          ...(body ? { issuingUnit: await this.bodyName(body) } : {}),
          reviewedUnit: await this.unitName(
            originalHandlingUnit(reply) ?? reply?.actor_unit ?? submission.responsible_unit_code,
          ),
          reviewedOpinionOn: reply ? this.localDate(reply.occurred_at) : '',
          requestedOn: request ? this.localDate(requestReceivedAt(request)) : '',
          ...this.opinion(),
          reReviewBody: body ? await this.nameAbove(body) : FALLBACK_BODY_ABOVE,
          reReviewWindowDays: (await this.policy()).clocks.reReviewRequest.days,
        };
      }
      case 'reReviewOpinion': {
        const [reviewRequest, decision, request] = [
          await this.latest(EVENT_TYPES.reviewRequested),
          await this.latest(EVENT_TYPES.reviewDecided),
          await this.latest(EVENT_TYPES.reReviewRequested),
        ];
        const reviewBody = reviewRequest?.payload.body;
        const body = request?.payload.body;
        return {
          ...common,
          ...(body ? { issuingUnit: await this.bodyName(body) } : {}),
          reviewedUnit: reviewBody ? await this.bodyName(reviewBody) : '',
          reviewedOpinionOn: decision ? this.localDate(decision.occurred_at) : '',
          requestedOn: request ? this.localDate(requestReceivedAt(request)) : '',
          ...this.opinion(),
        };
      }
    }
  }

  private opinion(): { outcome: string; opinion: string } {
    const outcome = this.event.payload.outcome as keyof typeof REPLY_OUTCOME_LABELS;
    return {
      outcome: REPLY_OUTCOME_LABELS[outcome] ?? String(outcome),
      opinion: text(this.event.payload.reasons),
    };
  }

  private async latest<T extends RecordedEventType>(type: T): Promise<EarlierEvent<T> | undefined> {
    const [row] = await this.tx.query(
      `SELECT type, occurred_at, actor_unit, payload FROM case_events
       WHERE case_number = $1 AND type = $2 AND seq < $3 ORDER BY seq DESC LIMIT 1`,
      [this.event.caseNumber, type, this.event.seq],
    );
    return row;
  }

  private async unitName(code: string | null): Promise<string> {
    if (!code) return '';
    const [row] = await this.tx.query(`SELECT name FROM units WHERE code = $1`, [code]);
    return row?.name ?? code;
  }

  private async bodyName(body: HandlingBody): Promise<string> {
    return body.kind === 'external' ? body.name : this.unitName(body.code);
  }

  /** The body one level up (where a review or re-review goes); a plain description when the tree has none. */
  private async nameAbove(body: HandlingBody): Promise<string> {
    const anchor = body.kind === 'unit' ? body.code : this.event.actor.unitCode;
    if (!anchor) return FALLBACK_BODY_ABOVE;
    try {
      const tree = await loadUnitTree(this.tx, anchor, this.settings.bodiesAboveTop);
      return bodyName(tree, bodyAbove(tree, body));
    } catch {
      return FALLBACK_BODY_ABOVE;
    }
  }

  private async policy(): Promise<Policy> {
    const version = this.event.view?.policyVersion;
    if (!version || version === DEFAULT_POLICY.version) return DEFAULT_POLICY;
    const [row] = await this.tx.query(`SELECT document FROM policies WHERE version = $1`, [version]);
    return (row?.document as Policy | undefined) ?? DEFAULT_POLICY;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The original handling body (art. 35) recorded on a handling opinion's event, when it was. */
function originalHandlingUnit(
  reply: EarlierEvent<typeof EVENT_TYPES.replyIssued> | undefined,
): string | undefined {
  const code = reply?.payload.handlingUnitCode;
  return typeof code === 'string' ? code : undefined;
}

/** A review or re-review request was made when it was received (back-dated), else when recorded. */
function requestReceivedAt(
  request: EarlierEvent<typeof EVENT_TYPES.reviewRequested | typeof EVENT_TYPES.reReviewRequested>,
): Date {
  const receivedAt = request.payload.receivedAt;
  return typeof receivedAt === 'string' ? new Date(receivedAt) : request.occurred_at;
}
