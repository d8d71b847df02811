import { Controller, Get, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { type Request, type Response } from 'express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { AttachmentSummaryDto } from './attachment-responses.dto';
import { DataSource } from 'typeorm';
import { ATTACHMENT_KINDS, attachmentKindOf } from '../../../../libs/domain/src/attachments/attachment-kinds';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import {
  attachmentContent,
  caseAttachments,
  PersonalDataProtector,
  storeAttachment,
} from '../../../../libs/persistence/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { fieldWithControlCharacter } from '../http/control-characters.middleware';
import { attachmentRefusal } from './attachment-errors';
import { AttachmentUpload } from './attachment-upload';

/** A bare file name: no path separators, no line breaks or other control characters. */
const isSafeFileName = (name: string): boolean =>
  name.length > 0 && name.length <= 255 && !/[\t\r\n/\\]/.test(name) && !fieldWithControlCharacter(name);

@ApiTags('attachments 附件')
@Controller('cases/:caseNumber/attachments')
export class CaseAttachmentsController {
  constructor(
    private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly protector: PersonalDataProtector,
    private readonly uploads: AttachmentUpload,
  ) {}

  @Post()
  @StaffOnly(PERMISSION_ROLES.attachFiles)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '一个文件 / one file' } },
    },
  })
  @ApiOperation({
    summary:
      '上传案件附件 / attach a file to the case (PDF, JPG, PNG, OFD, Word, Excel, TXT; the same content again is the same attachment)',
  })
  @ApiCreatedResponse({
    type: AttachmentSummaryDto,
    description: '同一内容再次上传即同一附件 / the same content is the same attachment',
  })
  @ApiErrors(
    'CASE_NOT_FOUND',
    'ATTACHMENT_MISSING',
    'ATTACHMENT_MALFORMED',
    'ATTACHMENT_UNEXPECTED_FIELD',
    'ATTACHMENT_TOO_LARGE',
    'ATTACHMENT_EMPTY',
    'ATTACHMENT_NAME_INVALID',
    'ATTACHMENT_TYPE_NOT_ALLOWED',
    'ATTACHMENT_CONTENT_MISMATCH',
  )
  async upload(
    @Param('caseNumber') caseNumber: string,
    @CurrentUser() user: StaffSession,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttachmentSummaryDto> {
    await this.access.visibleCase(caseNumber, user);
    const file = await this.uploads.read(request, response);
    const fileName = file.originalname.normalize('NFC').trim();
    if (!isSafeFileName(fileName)) throw attachmentRefusal('ATTACHMENT_NAME_INVALID', 'file');
    if (file.size === 0) throw attachmentRefusal('ATTACHMENT_EMPTY', 'file');
    const recognised = attachmentKindOf(fileName, file.buffer.subarray(0, 16));
    if ('problem' in recognised)
      throw attachmentRefusal(
        recognised.problem === 'extension' ? 'ATTACHMENT_TYPE_NOT_ALLOWED' : 'ATTACHMENT_CONTENT_MISMATCH',
        'file',
      );
    return storeAttachment(this.db, this.protector, {
      caseNumber,
      fileName,
      contentType: recognised.kind.contentType,
      content: file.buffer,
      uploadedBy: user.userId,
    });
  }

  @Get()
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '案件附件列表 / the files attached to the case, oldest first' })
  @ApiOkResponse({ type: [AttachmentSummaryDto] })
  @ApiErrors('CASE_NOT_FOUND')
  async list(
    @Param('caseNumber') caseNumber: string,
    @CurrentUser() user: StaffSession,
  ): Promise<AttachmentSummaryDto[]> {
    await this.access.visibleCase(caseNumber, user, 'attachments');
    return caseAttachments(this.db, caseNumber);
  }

  @Get(':id')
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOkResponse({
    description: '上传时的内容与类型 / the content as uploaded, in its own type',
    content: Object.fromEntries(
      [...new Set(ATTACHMENT_KINDS.map((kind) => kind.contentType.split(';')[0]!))].map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  @ApiErrors('CASE_NOT_FOUND', 'ATTACHMENT_NOT_FOUND')
  @ApiOperation({ summary: '下载附件 / download one attachment as it was uploaded' })
  async download(
    @Param('caseNumber') caseNumber: string,
    @Param('id') id: string,
    @CurrentUser() user: StaffSession,
  ): Promise<StreamableFile> {
    await this.access.visibleCase(caseNumber, user, 'attachments');
    const found = await attachmentContent(this.db, this.protector, caseNumber, id);
    if (!found) throw attachmentRefusal('ATTACHMENT_NOT_FOUND');
    const name = encodeURIComponent(found.attachment.fileName);
    return new StreamableFile(found.content, {
      type: found.attachment.contentType,
      disposition: `attachment; filename="attachment-${found.attachment.id}"; filename*=UTF-8''${name}`,
      length: found.content.length,
    });
  }
}
