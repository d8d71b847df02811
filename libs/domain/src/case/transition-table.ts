import { Role } from '../org/roles';
import { CaseActionType } from './actions';
import { CASE_STATUSES, CaseStatus, isFinalStatus } from './status';

/** A status change: `from: null` is the start (no case yet). */
export interface CaseTransition {
  readonly from: CaseStatus | null;
  readonly action: CaseActionType;
  readonly to: CaseStatus;
}

const TRIAGE: readonly CaseStatus[] = ['registered', 'transferred', 'assigned'];
/** A case may be withdrawn until it has ended, whichever way. */
const WITHDRAWABLE: readonly CaseStatus[] = CASE_STATUSES.filter((status) => !isFinalStatus(status));

/** Every status change the machine allows, in lifecycle order. */
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  { from: null, action: 'register', to: 'registered' },
  ...TRIAGE.flatMap((from): CaseTransition[] => [
    { from, action: 'accept', to: 'accepted' },
    { from, action: 'transfer', to: 'transferred' },
    { from, action: 'assignDown', to: 'assigned' },
    { from, action: 'notAccept', to: 'notAccepted' },
  ]),
  { from: 'transferred', action: 'objectMisroute', to: 'registered' },
  { from: 'assigned', action: 'objectMisroute', to: 'registered' },
  { from: 'accepted', action: 'defineSix', to: 'inHandling' },
  { from: 'inHandling', action: 'reply', to: 'replied' },
  { from: 'replied', action: 'requestReview', to: 'underReview' },
  { from: 'replied', action: 'close', to: 'closed' },
  // A request received within its window but recorded after the lapse closed the case reopens it.
  { from: 'closed', action: 'requestReview', to: 'underReview' },
  { from: 'underReview', action: 'decideReview', to: 'reviewed' },
  { from: 'reviewed', action: 'requestReReview', to: 'underReReview' },
  { from: 'reviewed', action: 'close', to: 'closed' },
  { from: 'closed', action: 'requestReReview', to: 'underReReview' },
  { from: 'underReReview', action: 'decideReReview', to: 'concluded' },
  ...WITHDRAWABLE.map((from): CaseTransition => ({ from, action: 'withdraw', to: 'withdrawn' })),
];

const OVERSIGHT: readonly CaseActionType[] = ['instruct', 'superviseOrder', 'remind'];
const CLOCK: readonly CaseActionType[] = ['pauseClock', 'resumeClock'];
const EXTENSION: readonly CaseActionType[] = ['requestExtension', 'approveExtension'];
const AFTER_REPLY: readonly CaseActionType[] = ['recordDuty', 'recordSatisfaction', 'reportCompletion'];
/** Recusal (art. 28): open while the case is, whatever its stage. */
const RECUSAL: readonly CaseActionType[] = ['declareInterest', 'requestRecusal', 'decideRecusal'];

/** Actions that record something on the case without changing its status. */
export const IN_PLACE_ACTIONS: Readonly<Record<CaseStatus, readonly CaseActionType[]>> = {
  registered: ['decideObjection', ...CLOCK, ...OVERSIGHT, ...RECUSAL],
  transferred: [...CLOCK, ...OVERSIGHT, ...RECUSAL],
  assigned: [...CLOCK, ...OVERSIGHT, ...RECUSAL],
  accepted: [...EXTENSION, ...CLOCK, ...OVERSIGHT, ...RECUSAL],
  inHandling: ['reassign', 'recordDuty', ...EXTENSION, ...CLOCK, ...OVERSIGHT, ...RECUSAL],
  replied: ['recordDelivery', ...AFTER_REPLY, ...OVERSIGHT, ...RECUSAL],
  underReview: [...AFTER_REPLY, ...CLOCK, ...OVERSIGHT, ...RECUSAL],
  reviewed: ['recordDelivery', ...AFTER_REPLY, ...OVERSIGHT, ...RECUSAL],
  underReReview: [...AFTER_REPLY, ...CLOCK, ...OVERSIGHT, ...RECUSAL],
  closed: [...AFTER_REPLY],
  concluded: ['recordDelivery', ...AFTER_REPLY],
  notAccepted: [],
  withdrawn: [],
};

/** Who may perform each action; `system` is the workflow acting on a lapsed clock. */
export const ACTION_ROLES: Readonly<Record<CaseActionType, readonly (Role | 'system')[]>> = {
  register: ['clerk'],
  accept: ['clerk', 'unitLeader'],
  transfer: ['clerk', 'unitLeader'],
  assignDown: ['clerk', 'unitLeader'],
  notAccept: ['clerk', 'unitLeader'],
  objectMisroute: ['clerk', 'unitLeader'],
  decideObjection: ['unitLeader'],
  reportCompletion: ['clerk', 'handler', 'unitLeader'],
  defineSix: ['unitLeader', 'packageLeader'],
  reassign: ['unitLeader', 'packageLeader'],
  recordDuty: ['handler', 'unitLeader', 'packageLeader'],
  requestExtension: ['handler', 'packageLeader'],
  approveExtension: ['unitLeader'],
  pauseClock: ['clerk', 'handler', 'unitLeader'],
  resumeClock: ['clerk', 'handler', 'unitLeader'],
  reply: ['handler', 'unitLeader', 'packageLeader'],
  recordDelivery: ['clerk', 'handler'],
  recordSatisfaction: ['clerk', 'handler'],
  requestReview: ['clerk'],
  decideReview: ['clerk', 'unitLeader', 'packageLeader'],
  requestReReview: ['clerk'],
  decideReReview: ['clerk', 'unitLeader', 'packageLeader'],
  withdraw: ['clerk', 'handler'],
  close: ['clerk', 'unitLeader', 'system'],
  instruct: ['unitLeader', 'packageLeader'],
  superviseOrder: ['supervisor'],
  remind: ['supervisor'],
  declareInterest: ['clerk', 'handler', 'unitLeader', 'packageLeader', 'supervisor'],
  requestRecusal: ['clerk', 'handler', 'unitLeader'],
  decideRecusal: ['unitLeader'],
};

/** The status an action leads to from a status (the same status for in-place actions); undefined if not allowed. */
export function nextStatus(from: CaseStatus | null, action: CaseActionType): CaseStatus | undefined {
  const change = CASE_TRANSITIONS.find((t) => t.from === from && t.action === action);
  if (change) return change.to;
  return from !== null && IN_PLACE_ACTIONS[from].includes(action) ? from : undefined;
}

/** Every action allowed in a status (`null`: before registration), status changes first. */
export function allowedActions(from: CaseStatus | null): CaseActionType[] {
  const changing = CASE_TRANSITIONS.filter((t) => t.from === from).map((t) => t.action);
  const inPlace = from === null ? [] : IN_PLACE_ACTIONS[from];
  return [...new Set([...changing, ...inPlace])];
}
