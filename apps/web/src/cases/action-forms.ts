/**
 * The form of every staff action: its fields, by the names of the action's request body
 * (apps/api/src/actions/action-dtos.ts; a unit test compares them with the OpenAPI schemas).
 */
import { RECUSAL_DECISIONS, RECUSAL_GROUNDS } from '../../../../libs/domain/src/case/vocabulary';
import type { Role } from '../../../../libs/domain/src/org/roles';

export type FieldKind =
  | { kind: 'text' }
  | { kind: 'textarea' }
  | { kind: 'unit' }
  | { kind: 'date' }
  | { kind: 'instant' }
  | { kind: 'number'; min: number; max: number }
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'list' }
  /** People chosen by name from the staff directory (GET /api/staff), of these roles (any when empty). */
  | { kind: 'staff'; roles: readonly Role[]; multiple: boolean }
  /** References chosen among the case's attachments (by file name); others may be typed. */
  | { kind: 'evidence' };

export type ActionField = FieldKind & { name: string; required: boolean };

const text = (name: string, required = true): ActionField => ({ name, required, kind: 'text' });
const textarea = (name: string, required = true): ActionField => ({ name, required, kind: 'textarea' });
const unit = (name: string): ActionField => ({ name, required: true, kind: 'unit' });
const date = (name: string, required = true): ActionField => ({ name, required, kind: 'date' });
const instant = (name: string, required = true): ActionField => ({ name, required, kind: 'instant' });
const staff = (name: string, roles: readonly Role[], required = true, multiple = false): ActionField => ({
  name,
  required,
  kind: 'staff',
  roles,
  multiple,
});
const evidence = (name: string): ActionField => ({ name, required: true, kind: 'evidence' });
const choice = (name: string, options: readonly string[]): ActionField => ({
  name,
  required: true,
  kind: 'choice',
  options,
});

const REASON = [textarea('reason')];
/** Art. 32's outcomes only: the retired 'partlySupport' is refused for new opinions. */
const OPINION = [choice('outcome', ['support', 'explain', 'notSupport']), textarea('reasons')];
/** A review or re-review request, optionally received earlier than entered (then with the reason). */
const REVIEW_REQUEST = [
  textarea('reason'),
  instant('receivedAt', false),
  textarea('receivedAtReason', false),
];

export const ACTION_FORMS = {
  accept: [],
  transfer: [unit('toUnitCode'), textarea('reason')],
  assignDown: [unit('toUnitCode'), textarea('reason'), date('feedbackDueDate')],
  notAccept: [
    choice('reason', ['lawfulChannel', 'concludedSameFacts', 'handledBelow', 'notPetitionMatter']),
    textarea('explanation'),
    text('legalChannel', false),
  ],
  objectMisroute: REASON,
  decideObjection: [choice('decision', ['uphold', 'overrule']), textarea('reason')],
  reportCompletion: [textarea('summary'), evidence('evidenceRefs')],
  defineSix: [
    unit('responsibleUnitCode'),
    staff('handlerUserId', ['handler']),
    staff('packageLeaderUserId', ['packageLeader'], false),
    textarea('resolutionPlan'),
    textarea('targetOutcome'),
    date('completionDeadline'),
  ],
  reassign: [
    textarea('reason'),
    { name: 'responsibleUnitCode', required: false, kind: 'unit' },
    staff('handlerUserId', ['handler'], false),
    staff('packageLeaderUserId', ['packageLeader'], false),
    textarea('resolutionPlan', false),
    textarea('targetOutcome', false),
    date('completionDeadline', false),
  ],
  recordDuty: [
    choice('duty', ['investigate', 'explainPolicy', 'resolve', 'replyAndSettle', 'followUpVisit']),
    staff('performedByUserIds', [], true, true),
    date('performedOn'),
    textarea('summary'),
    evidence('evidenceRefs'),
  ],
  requestExtension: [textarea('reason'), { name: 'days', required: true, kind: 'number', min: 1, max: 30 }],
  approveExtension: [{ name: 'granted', required: true, kind: 'boolean' }, textarea('note', false)],
  pauseClock: [choice('reasonCode', ['reReviewHearing']), textarea('reason')],
  resumeClock: [],
  reply: OPINION,
  recordDelivery: [
    choice('document', ['reply', 'reviewOpinion', 'reReviewOpinion']),
    choice('method', ['inPerson', 'post', 'electronic', 'leftAtResidence', 'publicNotice']),
    date('deliveredOn'),
  ],
  recordSatisfaction: [choice('satisfaction', ['satisfied', 'basicallySatisfied', 'dissatisfied'])],
  requestReview: REVIEW_REQUEST,
  decideReview: OPINION,
  requestReReview: REVIEW_REQUEST,
  decideReReview: OPINION,
  withdraw: REASON,
  close: [textarea('note', false)],
  instruct: [textarea('text')],
  superviseOrder: [textarea('text'), date('dueDate', false)],
  remind: [textarea('text')],
  declareInterest: [choice('ground', RECUSAL_GROUNDS), textarea('explanation', false)],
  requestRecusal: [staff('userId', []), choice('ground', RECUSAL_GROUNDS), textarea('explanation', false)],
  decideRecusal: [staff('userId', []), choice('decision', RECUSAL_DECISIONS), textarea('reason')],
} as const satisfies Record<string, readonly ActionField[]>;

export type StaffAction = keyof typeof ACTION_FORMS;
export const STAFF_ACTIONS = Object.keys(ACTION_FORMS) as StaffAction[];
