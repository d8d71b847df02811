import { type RecordedEventType } from '../../../domain/src/case/event-types';
import { noticeKindOf } from './notice-events';

describe('noticeKindOf', () => {
  it.each<[RecordedEventType, Record<string, unknown>, string | undefined]>([
    ['caseAccepted', {}, 'acceptance'],
    ['caseNotAccepted', {}, 'notAccepted'],
    ['caseTransferred', {}, 'transfer'],
    ['caseAssignedDown', {}, 'transfer'],
    ['extensionDecided', { granted: true }, 'extension'],
    ['extensionDecided', { granted: false }, undefined],
    ['replyIssued', {}, 'handlingOpinion'],
    ['reviewDecided', {}, 'reviewOpinion'],
    ['reReviewDecided', {}, 'reReviewOpinion'],
    ['caseRegistered', {}, undefined],
    ['deliveryRecorded', {}, undefined],
  ])('%s %j → %s', (type, payload, kind) => {
    expect(noticeKindOf({ type, payload })).toBe(kind);
  });
});
