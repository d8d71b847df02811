/**
 * The recorded-event vocabulary lives in libs/domain; these names stay for the workflow's callers.
 * Actors are the domain's one `Actor` (SYSTEM_ACTOR, PETITIONER_ACTOR, a Principal), recorded as
 * `recordedActorOf(actor)` by the EventRecorder.
 */
export {
  type CaseEventInput,
  type CaseView,
  type ChainHead,
  GENESIS_HASH,
} from '../libs/domain/src/case/recorded-event';
