import { condition } from '@temporalio/workflow';
import { EVENT_TYPES, repeatEscalationRecipient, repeatVisitTitle, SYSTEM_ACTOR } from '../libs/domain/src';
import { type RepeatVisitRequest, type RepeatVisitResult } from './case-messages';
import { notify, recipientsFor } from './case-notifications';
import { type CaseRun } from './case-run';

/** Repeat visits: the same petitioner again on this open case's matter, each recorded once by visit id. */
export class RepeatVisits {
  /** The visits recorded so far, by visit id in order (carried through continue-as-new). */
  readonly ids: string[];
  private recorded: number;

  constructor(
    private readonly run: CaseRun,
    carriedIds: readonly string[] = [],
  ) {
    this.ids = [...carriedIds];
    this.recorded = this.ids.length;
  }

  async record(request: RepeatVisitRequest): Promise<RepeatVisitResult> {
    const { run } = this;
    const known = this.ids.indexOf(request.visitId);
    if (known >= 0) {
      // The same visit again (a retried request): answer once the first one is recorded.
      await condition(() => this.recorded > known);
      return { status: run.registered.status, repeatVisits: known + 1, lastSeq: run.recorder.chain.count };
    }
    this.ids.push(request.visitId);
    const visitNumber = this.ids.length;
    const current = run.registered;
    run.revision++;
    let lastSeq = await run.record(EVENT_TYPES.repeatVisitRecorded, request.actor, {
      status: current.status,
      visitId: request.visitId,
      visitNumber,
      channel: request.channel,
      receivedAt: request.receivedAt,
      similarity: request.similarity,
      registeringUnitCode: request.actor.unitCode,
      // A skip-level petition (art. 19) names the higher level's case; a same-level visit is as before.
      ...(request.skipLevelCaseNumber
        ? { skipLevel: true, skipLevelCaseNumber: request.skipLevelCaseNumber }
        : {}),
    });
    const recipientRole = repeatEscalationRecipient(run.policy, visitNumber);
    if (recipientRole) {
      const recipients = recipientsFor(recipientRole, current, run.directory, run.unitTree);
      lastSeq = await run.record(EVENT_TYPES.repeatVisitEscalated, SYSTEM_ACTOR, {
        status: current.status,
        visitNumber,
        recipientRole,
        recipients,
      });
      const caseNumber = run.input.register.caseNumber;
      await notify(
        caseNumber,
        lastSeq,
        'repeatVisit',
        visitNumber,
        repeatVisitTitle(visitNumber),
        recipients,
      );
    }
    this.recorded = Math.max(this.recorded, visitNumber);
    return { status: current.status, repeatVisits: visitNumber, lastSeq };
  }
}
