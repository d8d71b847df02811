import { type NoticeKind } from '../../../notices/src/notice-fields';
import { EVENT_TYPES, type RecordedEventType } from '../../../domain/src/case/event-types';
import { type CaseEventInput } from '../../../domain/src/case/recorded-event';

/** The events that call for a written notice, and which one. */
const NOTICE_OF_EVENT: Readonly<Partial<Record<RecordedEventType, NoticeKind>>> = {
  caseAccepted: 'acceptance',
  caseNotAccepted: 'notAccepted',
  caseTransferred: 'transfer',
  caseAssignedDown: 'transfer',
  extensionDecided: 'extension',
  replyIssued: 'handlingOpinion',
  reviewDecided: 'reviewOpinion',
  reReviewDecided: 'reReviewOpinion',
};

/** The notice this event calls for, if any: a refused extension changes nothing the petitioner was told. */
export function noticeKindOf(event: Pick<CaseEventInput, 'type' | 'payload'>): NoticeKind | undefined {
  if (event.type === EVENT_TYPES.extensionDecided && event.payload.granted !== true) return undefined;
  return NOTICE_OF_EVENT[event.type];
}
