import { refusal } from '../http/api-error';

/** The refusal of reception-day refusals: a code of ERROR_CODES (libs/domain/src/error-codes.ts), which fixes status and message. */
export const receptionError = refusal;
