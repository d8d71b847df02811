import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator';
import { IssuedNoticeDto } from './notice-responses.dto';
import { DataSource } from 'typeorm';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { NoticeRenderer } from '../../../../libs/nest/src';
import { caseNotices, storedNotice } from '../../../../libs/persistence/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { ApiError } from '../http/api-error';
import { renderedNoticeFile } from './notice-file';

@ApiTags('notices 书面告知')
@Controller('cases/:caseNumber/notices')
@StaffOnly(PERMISSION_ROLES.readCases)
export class CaseNoticesController {
  constructor(
    private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly renderer: NoticeRenderer,
  ) {}

  @Get()
  @ApiOperation({ summary: '案件的书面告知 / the written notices issued for the case, in order' })
  @ApiOkResponse({ type: [IssuedNoticeDto] })
  @ApiErrors('CASE_NOT_FOUND')
  async list(
    @Param('caseNumber') caseNumber: string,
    @CurrentUser() user: StaffSession,
  ): Promise<IssuedNoticeDto[]> {
    await this.access.visibleCase(caseNumber, user, 'notices');
    return caseNotices(this.db, caseNumber);
  }

  @Get(':id.pdf')
  @Header('content-type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: '书面告知 PDF / one notice as PDF, as it was issued (its template version and dates)',
  })
  @ApiOkResponse({ content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors('CASE_NOT_FOUND', 'NOTICE_NOT_FOUND', 'NOTICE_FONT_UNAVAILABLE')
  async pdf(
    @Param('caseNumber') caseNumber: string,
    @Param('id') id: string,
    @CurrentUser() user: StaffSession,
  ): Promise<StreamableFile> {
    await this.access.visibleCase(caseNumber, user, 'notices');
    const notice = await storedNotice(this.db, caseNumber, id);
    if (!notice) throw new ApiError('NOTICE_NOT_FOUND', `告知书不存在 / notice ${id} not found`);
    return renderedNoticeFile(this.renderer, notice);
  }
}
