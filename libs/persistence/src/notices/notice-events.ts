import { type NoticeKind } from '../../../notices/src/notice-fields';
import { EVENT_TYPES, type RecordedEventType, typedEvent } from '../../../domain/src/case/event-types';
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
  const typed = typedEvent(event);
  if (typed?.type === EVENT_TYPES.extensionDecided && typed.payload.granted !== true) return undefined;
  return typed && NOTICE_OF_EVENT[typed.type];
}
