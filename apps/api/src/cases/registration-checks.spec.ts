import { type ApiErrorBody } from '../http/api-error';
import { checkedReceiptTime } from './registration-checks';

const ZONE = 'Asia/Shanghai'; // UTC+8, no daylight saving
// 2026-03-10 10:00:00.500 in Shanghai.
const NOW = new Date('2026-03-10T02:00:00.500Z');

function refusal(run: () => unknown): ApiErrorBody {
  try {
    run();
  } catch (error) {
    return (error as { getResponse(): ApiErrorBody }).getResponse();
  }
  throw new Error('expected a refusal');
}

describe('registration step 1: the receipt time and the accused', () => {
  it('defaults the receipt to the current whole second (10:00:00.500 → 10:00:00.000)', () => {
    expect(checkedReceiptTime({ category: 'grievance' }, NOW, ZONE).toISOString()).toBe(
      '2026-03-10T02:00:00.000Z',
    );
  });

  it('keeps a given receipt time of today without a reason', () => {
    // 00:00:00 on 10 March in Shanghai is still 9 March in UTC: the local date decides, not UTC's.
    const receivedAt = '2026-03-09T16:00:00.000Z';
    expect(checkedReceiptTime({ category: 'grievance', receivedAt }, NOW, ZONE).toISOString()).toBe(
      receivedAt,
    );
  });

  it('refuses a receipt one second after now (10:00:01.500)', () => {
    const body = refusal(() =>
      checkedReceiptTime({ category: 'grievance', receivedAt: '2026-03-10T02:00:01.500Z' }, NOW, ZONE),
    );
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(body.fields).toEqual([expect.objectContaining({ field: 'receivedAt', code: 'inFuture' })]);
  });

  it('asks for the reason of a receipt on the day before (23:59:59 on 9 March, Shanghai)', () => {
    const late = { category: 'grievance' as const, receivedAt: '2026-03-09T15:59:59.000Z' };
    const body = refusal(() => checkedReceiptTime(late, NOW, ZONE));
    expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(body.fields).toEqual([expect.objectContaining({ field: 'receivedAtReason', code: 'isDefined' })]);
    expect(
      checkedReceiptTime({ ...late, receivedAtReason: '周末邮寄件 / weekend mail' }, NOW, ZONE).toISOString(),
    ).toBe('2026-03-09T15:59:59.000Z');
  });

  it('lets only an accusation name the accused', () => {
    const accused = { unitCodes: ['QX'], userIds: [] };
    const body = refusal(() => checkedReceiptTime({ category: 'grievance', accused }, NOW, ZONE));
    expect(body.fields).toEqual([expect.objectContaining({ field: 'accused', code: 'accusationOnly' })]);
    expect(checkedReceiptTime({ category: 'accusation', accused }, NOW, ZONE).toISOString()).toBe(
      '2026-03-10T02:00:00.000Z',
    );
  });
});
