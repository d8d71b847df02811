import {
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { type CaseActivities } from './activity-types';
import {
  type Actor,
  type CaseEventInput,
  type CaseRegisteredPayload,
  type ChainHead,
  GENESIS_HASH,
} from './case-events';

export interface PetitionCaseInput {
  caseNumber: string;
  channel: string;
  category: string;
  subject: string;
  unitCode: string;
  registeringUnitCode: string;
  /** The legal receipt time, ISO-8601. */
  receivedAt: string;
  registeredBy: Actor;
}

export interface CaseSnapshot {
  caseNumber: string;
  status: string;
  chain: ChainHead;
}

export interface RegistrationResult {
  caseNumber: string;
  status: string;
}

/** Answers once the CaseRegistered event is in PostgreSQL, so the caller can read its own write. */
export const registrationRecordedUpdate = defineUpdate<RegistrationResult>('registrationRecorded');
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');

const { recordCaseEvent } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    maximumInterval: '10 seconds',
    nonRetryableErrorTypes: ['SequenceGapError'],
  },
});

export const CASE_STATUS_REGISTERED = 'registered';

export async function petitionCase(input: PetitionCaseInput): Promise<void> {
  const chain: ChainHead = { count: 0, lastHash: GENESIS_HASH };
  let status = 'registering';

  /** One recording activity in flight at a time, so the per-case sequence has no gap. */
  async function record(type: string, actor: Actor, payload: Record<string, unknown>): Promise<void> {
    const event: CaseEventInput = {
      caseNumber: input.caseNumber,
      seq: chain.count + 1,
      type,
      actor,
      occurredAt: new Date().toISOString(),
      payload,
    };
    const recorded = await recordCaseEvent(event);
    chain.count = recorded.seq;
    chain.lastHash = recorded.hash;
  }

  setHandler(caseSnapshotQuery, () => ({ caseNumber: input.caseNumber, status, chain: { ...chain } }));
  setHandler(registrationRecordedUpdate, async () => {
    await condition(() => status === CASE_STATUS_REGISTERED);
    return { caseNumber: input.caseNumber, status };
  });

  const registered: CaseRegisteredPayload = {
    workflowId: workflowInfo().workflowId,
    channel: input.channel,
    category: input.category,
    subject: input.subject,
    unitCode: input.unitCode,
    registeringUnitCode: input.registeringUnitCode,
    receivedAt: input.receivedAt,
    status: CASE_STATUS_REGISTERED,
  };
  await record('CaseRegistered', input.registeredBy, registered);
  status = CASE_STATUS_REGISTERED;

  // The rest of the lifecycle (triage, six defines, clocks, reply, review, closure) arrives with the
  // case-workflow issue; until then a registered case waits here.
  await condition(() => false);
}
