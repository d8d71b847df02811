import { condition } from '@temporalio/workflow';
import { applyPetitionerRating, EVENT_TYPES, isRecordedRating, PETITIONER_ACTOR } from '../libs/domain/src';
import { type PetitionerRatingRequest, type PetitionerRatingResult } from './case-messages';
import { type CaseRun } from './case-run';
import { workflowNow } from './event-recorder';

/** The petitioner's own rating (art. 21), relayed from the public progress query; once per rating id. */
export class PetitionerRatings {
  private eventSeq: number | null = null;
  private inFlight = false;

  constructor(private readonly run: CaseRun) {}

  async record(request: PetitionerRatingRequest): Promise<PetitionerRatingResult> {
    const { run } = this;
    const current = run.registered;
    if (isRecordedRating(current, request.ratingId)) {
      // The same rating delivered again (a retried relay): answer once the first one is recorded.
      // (After a continue-as-new the sequence is no longer known here: null; the timeline has it.)
      await condition(() => !this.inFlight);
      return { status: current.status, eventSeq: this.eventSeq };
    }
    run.state = applyPetitionerRating(current, { ...request, channel: 'publicQuery' }, workflowNow());
    run.revision++;
    this.inFlight = true;
    let eventSeq: number;
    try {
      eventSeq = await run.record(EVENT_TYPES.satisfactionRecorded, PETITIONER_ACTOR, {
        status: current.status,
        fromStatus: current.status,
        satisfaction: request.satisfaction,
        by: 'petitioner',
        channel: 'publicQuery',
        comment: request.comment,
        replySeq: request.replySeq,
        ratingId: request.ratingId,
        submittedAt: request.submittedAt,
      });
    } finally {
      this.inFlight = false;
    }
    this.eventSeq = eventSeq;
    run.publishSearchAttributes();
    return { status: current.status, eventSeq };
  }
}
