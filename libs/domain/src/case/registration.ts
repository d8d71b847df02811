import { assertPrincipal, Principal } from '../org/principal';
import { isLeaderRole } from '../org/roles';
import { RegisterAction } from './actions';
import { caseError } from './case-errors';
import { CaseState } from './case-state';
import { CaseFacts, requireFact } from './facts';
import { optionalText, requireInstant, requireOneOf, requireText, requireTextList } from './input-checks';
import { compareInstants, Instant } from './time-values';
import { CASE_CATEGORIES, CASE_CHANNELS } from './vocabulary';

/** At most five representatives for a collective visit (art. 20); a policy may lower it. */
export const MAX_REPRESENTATIVES = 5;

function checkCollective(collective: RegisterAction['collective'], max: number): void {
  if (collective === undefined || collective === null) return;
  const representatives = requireTextList(
    collective.representativeRefs,
    'collective.representativeRefs',
    '代表',
    1,
  );
  if (representatives.length > max) {
    throw caseError('TOO_MANY_REPRESENTATIVES', {
      zh: `多人来访推选代表不得超过 ${max} 人`,
      en: `a collective visit has at most ${max} representatives`,
      field: 'collective.representativeRefs',
    });
  }
  if (!Number.isInteger(collective.headcount) || collective.headcount < representatives.length) {
    throw caseError('FIELD_INVALID', {
      zh: '来访人数须为整数且不少于代表人数',
      en: 'headcount must be a whole number not below the number of representatives',
      field: 'collective.headcount',
    });
  }
}

/** A reception-day registration: the channel says so, and the session's leader holds a leader role. */
function checkReception(action: RegisterAction): void {
  if (action.reception === undefined || action.reception === null) return;
  requireText(action.reception.sessionId, 'reception.sessionId', '接待场次');
  assertPrincipal(action.reception.leader, 'reception.leader');
  if (!isLeaderRole(action.reception.leader.role)) {
    throw caseError('RECEPTION_LEADER_NOT_LEADER', {
      zh: '接待领导须担任领导职务',
      en: 'the receiving leader must hold a leader role',
      field: 'reception.leader',
    });
  }
  if (action.channel !== 'leaderReception') {
    throw caseError('RECEPTION_CHANNEL_MISMATCH', {
      zh: '领导接待日登记的来源渠道须为“领导接待日”',
      en: 'a case registered in a reception session comes by the leaderReception channel',
      field: 'channel',
    });
  }
}

/** Registration input checks; the clerk's unit becomes the registering (and holding) unit. */
export function checkRegister(action: RegisterAction, facts: CaseFacts): void {
  const at = requireFact(facts, 'at', 'register');
  const maxRepresentatives =
    facts.maxCollectiveRepresentatives === undefined
      ? MAX_REPRESENTATIVES
      : requireFact(facts, 'maxCollectiveRepresentatives', 'register');
  requireText(action.caseNumber, 'caseNumber', '案件编号');
  requireOneOf(action.category, CASE_CATEGORIES, 'category');
  requireOneOf(action.channel, CASE_CHANNELS, 'channel');
  const receivedAt = requireInstant(action.receivedAt, 'receivedAt');
  requireText(action.subject, 'subject', '信访事项标题');
  optionalText(action.contentRef, 'contentRef');
  optionalText(action.matterUnitCode, 'matterUnitCode');
  requireTextList(action.petitionerRefs, 'petitionerRefs', '信访人', 1);
  requireTextList(action.attachmentRefs, 'attachmentRefs', '附件');
  requireTextList(action.linkedCaseNumbers, 'linkedCaseNumbers', '关联案件');
  requireTextList(action.accused?.unitCodes, 'accused.unitCodes', '被检举控告单位');
  requireTextList(action.accused?.userIds, 'accused.userIds', '被检举控告人');
  checkCollective(action.collective, maxRepresentatives);
  if (action.notRepeatOf !== undefined) {
    requireText(action.notRepeatOf?.caseNumber, 'notRepeatOf.caseNumber', '既往案件编号');
    requireText(action.notRepeatOf?.reason, 'notRepeatOf.reason', '不属同一事项的理由');
  }
  checkReception(action);
  if (compareInstants(receivedAt, at) > 0) {
    throw caseError('RECEIVED_AFTER_REGISTRATION', {
      zh: '收件时间不能晚于登记时间',
      en: 'the receipt time cannot be after registration',
      field: 'receivedAt',
    });
  }
}

export function registeredCase(action: RegisterAction, clerk: Principal, at: Instant): CaseState {
  return {
    status: 'registered',
    caseNumber: action.caseNumber.trim(),
    category: action.category,
    channel: action.channel,
    subject: action.subject.trim(),
    contentRef: optionalText(action.contentRef, 'contentRef'),
    matterUnitCode: optionalText(action.matterUnitCode, 'matterUnitCode'),
    petitioners: {
      refs: [...action.petitionerRefs],
      collective: action.collective
        ? {
            headcount: action.collective.headcount,
            representativeRefs: [...action.collective.representativeRefs],
          }
        : null,
    },
    accused: {
      unitCodes: [...(action.accused?.unitCodes ?? [])],
      userIds: [...(action.accused?.userIds ?? [])],
    },
    attachmentRefs: [...(action.attachmentRefs ?? [])],
    linkedCaseNumbers: [...(action.linkedCaseNumbers ?? [])],
    receivedAt: action.receivedAt,
    registeredAt: at,
    registeredBy: clerk,
    registeringUnitCode: clerk.unitCode,
    holdingUnitCode: clerk.unitCode,
    responsibleUnitCode: null,
    routing: [],
    acceptedAt: null,
    notAcceptance: null,
    sixDefines: null,
    sixDefinesHistory: [],
    duties: [],
    extension: { pending: null, granted: null, refused: [] },
    pause: null,
    pauses: [],
    reply: null,
    satisfaction: null,
    review: null,
    reReview: null,
    instructions: [],
    supervision: [],
    withdrawal: null,
    closure: null,
    updatedAt: at,
    ...(action.reception
      ? { reception: { sessionId: action.reception.sessionId, leader: personOf(action.reception.leader) } }
      : {}),
  };
}

function personOf(ref: Principal): Principal {
  return { userId: ref.userId, name: ref.name, role: ref.role, unitCode: ref.unitCode };
}
