import { recordCaseEvent } from './activities';
import { type Actor, type EventPayload, type RecordedEventType, recordedActorOf } from '../libs/domain/src';
import { type CaseEventInput, type CaseView, type ChainHead, GENESIS_HASH } from './case-events';
import { TIMELINE_SUMMARY_LENGTH, type TimelineSummaryEntry } from './case-messages';

/** Workflow time (deterministic), ISO-8601 UTC. */
export const workflowNow = (): string => new Date(Date.now()).toISOString();

/**
 * The case's events, recorded one at a time in sequence: each waits for the one before (the recording
 * tail), is numbered by the chain head, and joins the timeline summary once stored.
 */
export class EventRecorder {
  readonly chain: ChainHead;
  readonly recentEvents: TimelineSummaryEntry[];
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight = 0;

  constructor(
    private readonly caseNumber: string,
    carried?: { chain: ChainHead; recentEvents?: TimelineSummaryEntry[] },
  ) {
    this.chain = carried?.chain ?? { count: 0, lastHash: GENESIS_HASH };
    this.recentEvents = [...(carried?.recentEvents ?? [])];
  }

  /** Nothing is being recorded (continue-as-new waits for it). */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  /** Settles once every recording started so far has settled. */
  drained(): Promise<unknown> {
    return this.tail;
  }

  /** Records one event after those before it; answers its sequence. `view`: the case as this event leaves it. */
  record<T extends RecordedEventType>(
    type: T,
    by: Actor,
    payload: EventPayload<T>,
    view: CaseView | undefined,
  ): Promise<number> {
    const actor = recordedActorOf(by);
    this.inFlight++;
    const run = this.tail.then(async () => {
      const event: CaseEventInput = {
        caseNumber: this.caseNumber,
        seq: this.chain.count + 1,
        type,
        actor,
        occurredAt: workflowNow(),
        payload: payload as Record<string, unknown>,
        view,
      };
      const recorded = await recordCaseEvent(event);
      this.chain.count = recorded.seq;
      this.chain.lastHash = recorded.hash;
      const status = typeof payload.status === 'string' ? payload.status : null;
      this.recentEvents.push({
        seq: recorded.seq,
        type,
        occurredAt: event.occurredAt,
        actorId: actor.id,
        status,
      });
      if (this.recentEvents.length > TIMELINE_SUMMARY_LENGTH) this.recentEvents.shift();
      return recorded.seq;
    });
    const settled = run.catch(() => undefined).finally(() => this.inFlight--);
    this.tail = settled;
    return run;
  }
}
