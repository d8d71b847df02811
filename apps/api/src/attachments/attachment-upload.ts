import { Inject, Injectable } from '@nestjs/common';
import { type Request, type RequestHandler, type Response } from 'express';
import multer, { MulterError } from 'multer';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG } from '../../../../libs/nest/src';
import { type ApiError } from '../http/api-error';
import { attachmentRefusal } from './attachment-errors';

/**
 * Reads one multipart file (field `file`) into memory, at most ATTACHMENT_MAX_BYTES, with UTF-8 file
 * names (Chinese names arrive intact); anything else in the upload is refused with a stable code and
 * its field. Called by the route after the caller's role and the case's visibility are settled, so an
 * upload to a case the caller cannot see is answered 404 before its body is judged.
 */
@Injectable()
export class AttachmentUpload {
  private readonly upload: RequestHandler;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 8, fieldSize: 1024 },
      defParamCharset: 'utf8',
    }).single('file');
  }

  async read(request: Request, response: Response): Promise<Express.Multer.File> {
    await new Promise<void>((resolve, reject) =>
      this.upload(request, response, (error: unknown) => (error ? reject(uploadRefusal(error)) : resolve())),
    );
    // Text fields beside the file are read (so one can be named) and refused: nothing is stripped silently.
    const [extraField] = Object.keys((request.body as object | undefined) ?? {});
    if (extraField !== undefined) throw attachmentRefusal('ATTACHMENT_UNEXPECTED_FIELD', extraField);
    if (!request.file) throw attachmentRefusal('ATTACHMENT_MISSING', 'file');
    return request.file;
  }
}

function uploadRefusal(error: unknown): ApiError {
  if (!(error instanceof MulterError)) return attachmentRefusal('ATTACHMENT_MALFORMED', 'file');
  if (error.code === 'LIMIT_FILE_SIZE') return attachmentRefusal('ATTACHMENT_TOO_LARGE', 'file');
  return attachmentRefusal('ATTACHMENT_UNEXPECTED_FIELD', error.field ?? 'file');
}
