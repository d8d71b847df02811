import { refusal } from '../http/api-error';

/**
 * Why an attachment upload or download is refused (an ATTACHMENT_* code of ERROR_CODES, which fixes
 * status and message); every upload refusal names the field `file`.
 */
export const attachmentRefusal = refusal;
