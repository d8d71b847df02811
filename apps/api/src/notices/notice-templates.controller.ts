import { Body, Controller, Get, Ip, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import { NoticeTemplateViewDto } from './notice-responses.dto';
import { DataSource } from 'typeorm';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { checkNoticeTemplate } from '../../../../libs/notices/src/template-check';
import {
  isNoticeKind,
  NOTICE_KIND_NAMES,
  NOTICE_KINDS,
  type NoticeKind,
  noticeFieldsOf,
} from '../../../../libs/notices/src/notice-fields';
import { currentNoticeTemplate, saveNoticeTemplate } from '../../../../libs/persistence/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { ApiError } from '../http/api-error';
import { NoticeTemplateDto } from './notice-template.dto';

function kindOf(value: string): NoticeKind {
  if (isNoticeKind(value)) return value;
  throw new ApiError(
    'NOTICE_KIND_NOT_FOUND',
    `没有这种告知书 / no notice kind ${value}; kinds: ${NOTICE_KIND_NAMES.join(', ')}`,
  );
}

/** The templates of the written notices: an edit applies to notices issued after it, never to earlier ones. */
@ApiTags('admin 系统管理')
@Controller('admin/notice-templates')
@StaffOnly(PERMISSION_ROLES.administer)
export class NoticeTemplatesController {
  constructor(private readonly db: DataSource) {}

  @Get(':kind')
  @ApiParam({ name: 'kind', enum: NOTICE_KIND_NAMES })
  @ApiOperation({
    summary: '告知书模板（当前版本与可用字段）/ the template in force for a notice kind, with its fields',
  })
  @ApiOkResponse({ type: NoticeTemplateViewDto })
  @ApiErrors('NOTICE_KIND_NOT_FOUND')
  async get(@Param('kind') kind: string): Promise<NoticeTemplateViewDto> {
    const current = await currentNoticeTemplate(this.db, kindOf(kind));
    return { ...current, label: NOTICE_KINDS[current.kind].label, fields: noticeFieldsOf(current.kind) };
  }

  @Put(':kind')
  @ApiParam({ name: 'kind', enum: NOTICE_KIND_NAMES })
  @ApiOperation({
    summary: '修改告知书模板（新版本，留痕）/ save a new version of the template (audited)',
    description: '未知或不支持的占位符 422 NOTICE_TEMPLATE_INVALID（字段 template，列出每个问题）',
  })
  @ApiOkResponse({ type: NoticeTemplateViewDto })
  @ApiErrors(...JSON_BODY_REFUSALS, 'NOTICE_KIND_NOT_FOUND', 'NOTICE_TEMPLATE_INVALID')
  async put(
    @Param('kind') rawKind: string,
    @Body() body: NoticeTemplateDto,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<NoticeTemplateViewDto> {
    const kind = kindOf(rawKind);
    const issues = checkNoticeTemplate(kind, body.template);
    if (issues.length > 0) {
      throw new ApiError(
        'NOTICE_TEMPLATE_INVALID',
        `模板有 ${issues.length} 处问题 / the template has ${issues.length} problem(s): ${issues[0]!.message}`,
        issues.map((issue) => ({ field: 'template', code: issue.code, message: issue.message })),
      );
    }
    const saved = await saveNoticeTemplate(this.db, {
      kind,
      template: body.template,
      actorId: admin.userId,
      clientAddress: ip,
    });
    return { ...saved, label: NOTICE_KINDS[kind].label, fields: noticeFieldsOf(kind) };
  }
}
