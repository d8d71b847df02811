export * from './time-values';
export * from './vocabulary';
export * from './status';
export * from './actor';
export * from './case-state';
export * from './actions';
export * from './facts';
export * from './case-errors';
export * from './case-events';
export * from './transition-table';
export * from './six-defines-rules';
export * from './decide';
export * from './state-diagram';
export { MAX_REPRESENTATIVES } from './registration';
export { caseUnitOf } from './actor-checks';
export { originalHandlingUnitOf } from './opinion-actions';
export { caseAssigneesOf, packageLeaderOf } from './case-assignees';
export {
  interestOf,
  isRecused,
  pendingRecusalOf,
  recusalDecidingUnit,
  recusalsOf,
  seatsToReplace,
  INTEREST_BASIS_LABELS,
  type InterestBasis,
  type SeatToReplace,
} from './recusal';
export * from './skip-level';
export * from './petitioner-rating';
export * from './allowed-now';
export * from './event-payloads';
export * from './event-types';
export * from './event-vocabulary';
export * from './recorded-event';
export * from './workflow-checks';
export * from './inbox-titles';
