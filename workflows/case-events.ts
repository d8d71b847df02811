/** The recorded-event vocabulary lives in libs/domain; these names stay for the workflow's callers. */
export {
  type CaseEventInput,
  type CaseView,
  type ChainHead,
  GENESIS_HASH,
  type RecordedActor as Actor,
  RECORDED_PETITIONER_ACTOR as PETITIONER_ACTOR,
  RECORDED_SYSTEM_ACTOR as SYSTEM_ACTOR,
} from '../libs/domain/src/case/recorded-event';
