import { Body, Controller, Get, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import {
  CalendarPublishedDto,
  CalendarsOverviewDto,
  PoliciesOverviewDto,
  PolicyPublishedDto,
} from './publication-responses.dto';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { AdminPublications } from './admin-publications.service';
import { PublishCalendarDto, PublishPolicyDto } from './publications.dto';

@ApiTags('admin 系统管理')
@Controller('admin/policies')
@StaffOnly(PERMISSION_ROLES.administer)
export class AdminPoliciesController {
  constructor(private readonly publications: AdminPublications) {}

  @Get()
  @ApiOperation({
    summary:
      '策略版本及本单位新登记案件适用的版本（含内置 national-2022）/ the policy versions, and the one new registrations at your unit start under (the built-in national-2022 included)',
  })
  @ApiOkResponse({ type: PoliciesOverviewDto })
  list(@CurrentUser() admin: StaffSession): Promise<PoliciesOverviewDto> {
    return this.publications.policies(admin);
  }

  @Post()
  @ApiOperation({
    summary:
      '发布策略并在辖区内对新登记案件生效（在办案件保持原策略，留痕）/ publish a policy, in force for new registrations in the unit’s subtree (open cases keep theirs; audited)',
    description:
      '文档无效 422 INVALID_POLICY（字段 policy.<路径>）；版本号已有不同内容 409 VERSION_PUBLISHED_WITH_OTHER_CONTENT；范围外 403 UNIT_OUT_OF_SCOPE',
  })
  @ApiCreatedResponse({ type: PolicyPublishedDto })
  @ApiErrors(
    ...JSON_BODY_REFUSALS,
    'INVALID_POLICY',
    'VERSION_PUBLISHED_WITH_OTHER_CONTENT',
    'BUILT_IN_VERSION',
    'UNIT_UNKNOWN',
    'UNIT_OUT_OF_SCOPE',
  )
  publish(
    @Body() body: PublishPolicyDto,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<PolicyPublishedDto> {
    return this.publications.publishPolicy(admin, body, ip);
  }
}

@ApiTags('admin 系统管理')
@Controller('admin/calendars')
@StaffOnly(PERMISSION_ROLES.administer)
export class AdminCalendarsController {
  constructor(private readonly publications: AdminPublications) {}

  @Get()
  @ApiOperation({
    summary:
      '已发布的日历版本及本单位适用的版本 / the published calendars, and the one in force at your unit',
  })
  @ApiOkResponse({ type: CalendarsOverviewDto })
  list(@CurrentUser() admin: StaffSession): Promise<CalendarsOverviewDto> {
    return this.publications.calendars(admin);
  }

  @Post()
  @ApiOperation({
    summary:
      '导入节假日表：保存、在辖区内生效，并发送给辖区内在办案件（留痕）/ import a holiday table: store it, make it in force in the unit’s subtree and send it to the subtree’s open cases (audited)',
    description:
      '日历无效 422 INVALID_CALENDAR（字段 calendar.<路径>）；版本号已有不同内容 409 VERSION_PUBLISHED_WITH_OTHER_CONTENT',
  })
  @ApiCreatedResponse({ type: CalendarPublishedDto })
  @ApiErrors(
    ...JSON_BODY_REFUSALS,
    'INVALID_CALENDAR',
    'INVALID_HOLIDAY_TABLE',
    'CALENDAR_YEAR_UNAVAILABLE',
    'VERSION_PUBLISHED_WITH_OTHER_CONTENT',
    'UNIT_UNKNOWN',
    'UNIT_OUT_OF_SCOPE',
  )
  publish(
    @Body() body: PublishCalendarDto,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<CalendarPublishedDto> {
    return this.publications.publishCalendar(admin, body, ip);
  }
}
