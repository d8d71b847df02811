import { localDateAt } from '../../../../libs/domain/src/clock/time-zone';
import { validationFailed } from '../http/api-error';
import { type RegisterCaseDto } from './register-case.dto';

/**
 * Registration's first step, on the request alone: when the petition was received (by default the
 * current second, so a registration's own clock never puts it after the workflow's registration time),
 * never in the future; a receipt before today (in the configured time zone) needs its reason; only an
 * accusation names the accused.
 */
export function checkedReceiptTime(
  dto: Pick<RegisterCaseDto, 'receivedAt' | 'receivedAtReason' | 'accused' | 'category'>,
  now: Date,
  timeZone: string,
): Date {
  const receivedAt = dto.receivedAt
    ? new Date(dto.receivedAt)
    : new Date(Math.floor(now.getTime() / 1000) * 1000);
  if (receivedAt.getTime() > now.getTime()) {
    throw validationFailed([
      {
        field: 'receivedAt',
        code: 'inFuture',
        message: '收到时间不能晚于现在 / must not be in the future',
      },
    ]);
  }
  const backdated = localDateAt(receivedAt.getTime(), timeZone) < localDateAt(now.getTime(), timeZone);
  if (backdated && !dto.receivedAtReason) {
    throw validationFailed([
      {
        field: 'receivedAtReason',
        code: 'isDefined',
        message: '收到时间早于登记当日，须说明原因 / required when receivedAt is before today',
      },
    ]);
  }
  if (dto.accused && dto.category !== 'accusation') {
    throw validationFailed([
      {
        field: 'accused',
        code: 'accusationOnly',
        message: '仅检举控告类可列被检举控告方 / only an accusation names the accused',
      },
    ]);
  }
  return receivedAt;
}
