import { HttpStatus } from '@nestjs/common';
import { refusalOf } from '../http/api-error';

/** Why an attachment upload or download is refused; every upload refusal names the field `file`. */
export const attachmentRefusal = refusalOf({
  ATTACHMENT_MISSING: [
    HttpStatus.BAD_REQUEST,
    '请以 multipart/form-data 上传一个文件，字段名 file / send one file as multipart/form-data in the field "file"',
  ],
  ATTACHMENT_MALFORMED: [HttpStatus.BAD_REQUEST, '上传内容格式错误 / the multipart upload is malformed'],
  ATTACHMENT_UNEXPECTED_FIELD: [
    HttpStatus.BAD_REQUEST,
    '只接受一个名为 file 的文件字段 / only one file, in the field "file", is accepted',
  ],
  ATTACHMENT_TOO_LARGE: [HttpStatus.PAYLOAD_TOO_LARGE, '附件超过大小上限 / the file exceeds the size limit'],
  ATTACHMENT_EMPTY: [HttpStatus.UNPROCESSABLE_ENTITY, '附件为空文件 / the file is empty'],
  ATTACHMENT_NAME_INVALID: [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '文件名须为1至255个字符且不含控制字符或路径 / the file name must be 1–255 characters, without control characters or a path',
  ],
  ATTACHMENT_TYPE_NOT_ALLOWED: [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    '不支持的文件类型（可上传 PDF、JPG、PNG、OFD、Word、Excel、TXT） / file type not allowed (PDF, JPG, PNG, OFD, Word, Excel, TXT)',
  ],
  ATTACHMENT_CONTENT_MISMATCH: [
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    '文件内容与扩展名不符 / the file content does not match its extension',
  ],
  ATTACHMENT_NOT_FOUND: [HttpStatus.NOT_FOUND, '附件不存在 / attachment not found'],
});
