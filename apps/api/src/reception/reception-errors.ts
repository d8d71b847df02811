import { HttpStatus } from '@nestjs/common';
import { refusalOf, type RefusalTable } from '../http/api-error';

/** The stable codes of reception-day refusals, each with its status and a bilingual message. */
export const RECEPTION_ERRORS = {
  RECEPTION_SESSION_NOT_FOUND: [HttpStatus.NOT_FOUND, '接待场次不存在 / no such reception session'],
  LEADER_NOT_ELIGIBLE: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '接待领导须为本单位上下级的在职领导 / the leader must be an active leader in the unit’s line',
  ],
  SESSION_DATE_PAST: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '接待日期不能早于今天 / a session cannot be published for a past day',
  ],
  DATE_RANGE_INVALID: [HttpStatus.BAD_REQUEST, '起始日期晚于截止日期 / from is after to'],
  RECEPTION_SESSION_UNKNOWN: [HttpStatus.UNPROCESSABLE_ENTITY, '接待场次不存在 / no such reception session'],
  RECEPTION_SESSION_OTHER_DAY: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '接待场次不在收到信访事项的当日 / the session is not on the day the petition was received',
  ],
  RECEPTION_SESSION_OUT_OF_SCOPE: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '接待场次不属于本单位上下级 / the session is not in your unit’s line',
  ],
  RECEPTION_LEADER_UNAVAILABLE: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '接待领导已不在领导岗位 / the session’s leader no longer holds a leader role',
  ],
  RECEPTION_CHANNEL_MISMATCH: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '领导接待日登记的来源渠道须为 leaderReception / a reception-day case comes by the leaderReception channel',
  ],
} as const satisfies RefusalTable;

export type ReceptionErrorCode = keyof typeof RECEPTION_ERRORS;

export const receptionError = refusalOf(RECEPTION_ERRORS);
