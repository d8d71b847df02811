import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { type Satisfaction } from '../../../libs/domain/src/case/vocabulary';
import { TemporalClientHolder } from '../../../libs/nest/src';
import {
  deferPublicRating,
  markPublicRatingDelivered,
  type PendingPublicRating,
  pendingPublicRatings,
} from '../../../libs/persistence/src';
import { petitionerRatingUpdate } from '../../../workflows/case-messages';
import { caseWorkflowId } from '../../../workflows/workflow-ids';

/** How the relay runs; tests may shorten it. */
export interface PublicRatingRelayOptions {
  /** Pause between two looks at the table (ms). */
  intervalMs: number;
  /** How long one delivery may wait for the case's workflow (ms): no worker, and it is tried again later. */
  deliveryTimeoutMs: number;
  /** The longest wait before a failed delivery is tried again (s). */
  maxRetryDelaySeconds: number;
  batchSize: number;
}

export const PUBLIC_RATING_RELAY_OPTIONS = Symbol('PUBLIC_RATING_RELAY_OPTIONS');

const DEFAULTS: PublicRatingRelayOptions = {
  intervalMs: 1_000,
  deliveryTimeoutMs: 10_000,
  maxRetryDelaySeconds: 5,
  batchSize: 20,
};

/**
 * Delivers the petitioner's own ratings (stored by the public app, which has no Temporal connection) into
 * each case's workflow, exactly once: the Update is keyed by the rating's id and the workflow records a
 * rating id once; the row is marked delivered afterwards. A delivery that fails for want of a worker or a
 * connection stays pending and is tried again, so a rating accepted while the workers were down reaches
 * its case when they are back. A refusal by the case (a counter rating came first) is final and recorded.
 */
@Injectable()
export class PublicRatingRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublicRatingRelay.name);
  private readonly options: PublicRatingRelayOptions;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly temporal: TemporalClientHolder,
    @Optional() @Inject(PUBLIC_RATING_RELAY_OPTIONS) options?: Partial<PublicRatingRelayOptions>,
  ) {
    this.options = { ...DEFAULTS, ...(options ?? {}) };
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One look at the table: every due rating, oldest first. Answers how many were delivered. */
  async relayDue(): Promise<number> {
    let delivered = 0;
    for (const rating of await pendingPublicRatings(this.db, this.options.batchSize)) {
      if (this.stopped) break;
      if (await this.deliver(rating)) delivered++;
    }
    return delivered;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayDue()
        .then(() => undefined)
        .catch((error) => this.logger.warn(`public ratings: relay pass failed: ${String(error)}`))
        .finally(() => this.schedule(this.options.intervalMs));
    }, delayMs);
    this.timer.unref?.();
  }

  private async deliver(rating: PendingPublicRating): Promise<boolean> {
    const client = this.temporal.client;
    try {
      const result = await this.temporal.connection.withDeadline(
        Date.now() + this.options.deliveryTimeoutMs,
        () =>
          client.workflow.getHandle(caseWorkflowId(rating.caseNumber)).executeUpdate(petitionerRatingUpdate, {
            args: [
              {
                ratingId: rating.id,
                replySeq: rating.replySeq,
                satisfaction: rating.satisfaction as Satisfaction,
                comment: rating.comment,
                submittedAt: rating.submittedAt.toISOString(),
              },
            ],
            updateId: `petitioner-rating-${rating.id}`,
          }),
      );
      await markPublicRatingDelivered(this.db, rating.id, 'recorded', result.eventSeq);
      return true;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        // The case refused it, for good: a counter rating reached the case first.
        const code = error.cause.type ?? 'REFUSED';
        const outcome = code === 'SATISFACTION_ALREADY_RECORDED' ? 'alreadyRated' : 'refused';
        this.logger.warn(`public rating ${rating.id} on ${rating.caseNumber} refused by the case: ${code}`);
        await markPublicRatingDelivered(this.db, rating.id, outcome, null);
        return false;
      }
      if (error instanceof WorkflowNotFoundError) {
        this.logger.warn(`public rating ${rating.id}: the workflow of ${rating.caseNumber} has ended`);
        await markPublicRatingDelivered(this.db, rating.id, 'refused', null);
        return false;
      }
      // No worker, no connection, a timeout: keep it and try again.
      await deferPublicRating(this.db, rating.id, String(error), this.options.maxRetryDelaySeconds);
      return false;
    }
  }
}
