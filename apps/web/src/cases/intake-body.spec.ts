import dayjs from 'dayjs';
import { type IntakeValues, registrationResult, toRegisterBody } from './intake-body';

const base: IntakeValues = {
  channel: 'visit',
  category: 'grievance',
  subject: '拖欠工资',
  content: '某公司拖欠工资三个月。',
  unitCode: 'QX',
  petitioner: { name: '张三', idType: 'passport', idNumber: '', phone: '13912345678', address: ' ' },
};

describe('intake form → registration request', () => {
  it('sends only filled-in personal fields, the document type the resident ID unless chosen', () => {
    expect(toRegisterBody(base).petitioner).toEqual({
      name: '张三',
      idType: 'passport',
      phone: '13912345678',
    });
    expect(toRegisterBody({ ...base, petitioner: { name: '张三' } }).petitioner).toEqual({
      name: '张三',
      idType: 'residentId',
    });
    expect(
      toRegisterBody({ ...base, petitioner: { name: '张三', idType: 'passport', idNumber: 'E12345678' } })
        .petitioner,
    ).toEqual({ name: '张三', idType: 'passport', idNumber: 'E12345678' });
  });

  it('sends the collective visit only when ticked, each representative like a person', () => {
    const collective = {
      headcount: 12,
      representatives: [
        { name: '甲', idType: 'residentId' as const, idNumber: '11010519491231002X' },
        { name: '乙', phone: '' },
      ],
    };
    expect(toRegisterBody({ ...base, collective })).not.toHaveProperty('collective');
    expect(toRegisterBody({ ...base, isCollective: true, collective }).collective).toEqual({
      headcount: 12,
      representatives: [
        { name: '甲', idType: 'residentId', idNumber: '11010519491231002X' },
        { name: '乙', idType: 'residentId' },
      ],
    });
  });

  it('sends the reception session only on the leader-reception channel, the accused only for accusations', () => {
    const inSession = { ...base, receptionSessionId: 'b7c0c0de-0000-4000-8000-000000000001' };
    expect(toRegisterBody(inSession)).not.toHaveProperty('receptionSessionId');
    expect(toRegisterBody({ ...inSession, channel: 'leaderReception' }).receptionSessionId).toBe(
      inSession.receptionSessionId,
    );
    expect(toRegisterBody({ ...base, accusedUnitCodes: ['QX-01'] })).not.toHaveProperty('accused');
    expect(toRegisterBody({ ...base, category: 'accusation', accusedUnitCodes: ['QX-01'] }).accused).toEqual({
      unitCodes: ['QX-01'],
      userIds: [],
    });
  });

  it("carries the receipt time, picked as office (Beijing) time, as ISO-8601 and the clerk's decision", () => {
    // The picker's 2026-11-20 17:30 is Asia/Shanghai wall-clock time: 17:30 − 8 h = 09:30 UTC.
    const body = toRegisterBody(
      { ...base, receivedAt: dayjs('2026-11-20T17:30:00'), receivedAtReason: '来信积压' },
      { caseNumber: 'QX-2026-000001', reason: '另一笔欠款' },
    );
    expect(body.receivedAt).toBe('2026-11-20T09:30:00.000Z');
    expect(body.receivedAtReason).toBe('来信积压');
    expect(body.notRepeatOf).toEqual({ caseNumber: 'QX-2026-000001', reason: '另一笔欠款' });
  });
});

describe('registration answer → what the clerk is shown', () => {
  it('tells a new case, a repeat visit on an open case, and a case not accepted on concluded facts apart', () => {
    expect(registrationResult({ caseNumber: 'QX-2026-000002', status: 'registered' })).toEqual({
      kind: 'created',
      caseNumber: 'QX-2026-000002',
    });
    expect(
      registrationResult({
        caseNumber: 'QX-2026-000001',
        status: 'inHandling',
        repeatOf: 'QX-2026-000001',
        repeatVisits: 2,
      }),
    ).toEqual({ kind: 'repeatVisit', caseNumber: 'QX-2026-000001', repeatVisits: 2 });
    expect(
      registrationResult({
        caseNumber: 'QX-2026-000003',
        status: 'notAccepted',
        sameFactsAs: 'QX-2025-000009',
      }),
    ).toEqual({ kind: 'notAccepted', caseNumber: 'QX-2026-000003', sameFactsAs: 'QX-2025-000009' });
  });

  it('shows a skip-level petition referred down (art. 19) with the lower case, not as a plain new case', () => {
    expect(
      registrationResult({
        caseNumber: 'QX-2026-000004',
        status: 'notAccepted',
        handledBelowIn: 'QXT-2026-000011',
        referredToUnitCode: 'QXT',
        repeatVisits: 1,
      }),
    ).toEqual({
      kind: 'handledBelow',
      caseNumber: 'QX-2026-000004',
      handledBelowIn: 'QXT-2026-000011',
      referredToUnitCode: 'QXT',
      repeatVisits: 1,
    });
  });
});
