import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Ip,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FIELD_REFUSALS } from '../http/api-error';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import {
  ChangedUserDto,
  DeactivatedUserDto,
  IssuedCredentialsDto,
  ResetCredentialsDto,
  UserListDto,
} from './admin-responses.dto';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { StaffOnly } from '../auth/staff-only.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { CreateUserDto, ListUsersQuery, RolesDto } from './admin.dto';
import { AdminUsersService } from './admin-users.service';

@ApiTags('admin 系统管理')
@Controller('admin/users')
@StaffOnly(PERMISSION_ROLES.administer)
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({
    summary:
      '单位及下级的用户：角色、是否启用、是否绑定动态验证码、是否锁定 / users of a unit subtree: roles, active, TOTP enrolled, locked',
  })
  @ApiOkResponse({ type: UserListDto })
  @ApiErrors(...FIELD_REFUSALS, 'UNIT_UNKNOWN', 'UNIT_OUT_OF_SCOPE')
  list(@Query() query: ListUsersQuery, @CurrentUser() admin: StaffSession): Promise<UserListDto> {
    return this.users.list(admin, query.unit);
  }

  @Post()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      '新建用户，返回一次性密码（仅此一次）/ create a user; the one-time password is shown once, first login changes it and enrols TOTP',
    description: '登录名重复 409 USERNAME_TAKEN；范围外 403 UNIT_OUT_OF_SCOPE',
  })
  @ApiCreatedResponse({ type: IssuedCredentialsDto })
  @ApiErrors(
    ...JSON_BODY_REFUSALS,
    'USERNAME_TAKEN',
    'UNIT_UNKNOWN',
    'UNIT_OUT_OF_SCOPE',
    'ADMIN_WITH_CASE_ROLES',
  )
  create(
    @Body() body: CreateUserDto,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<IssuedCredentialsDto> {
    return this.users.create(admin, body, ip);
  }

  @Put(':id/roles')
  @ApiOperation({
    summary:
      '设置角色（至少一个；不能移除自己的管理员角色）/ set roles (at least one; not your own admin role)',
  })
  @ApiOkResponse({ type: ChangedUserDto })
  @ApiErrors(
    ...JSON_BODY_REFUSALS,
    'USER_NOT_FOUND',
    'UNIT_UNKNOWN',
    'UNIT_OUT_OF_SCOPE',
    'CANNOT_CHANGE_OWN_ROLES',
    'ADMIN_WITH_CASE_ROLES',
  )
  setRoles(
    @Param('id') id: string,
    @Body() body: RolesDto,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<ChangedUserDto> {
    return this.users.setRoles(admin, id, body.roles, ip);
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '停用用户并注销其全部登录 / deactivate a user and end all their sessions' })
  @ApiOkResponse({ type: DeactivatedUserDto })
  @ApiErrors(
    'USER_NOT_FOUND',
    'UNIT_UNKNOWN',
    'UNIT_OUT_OF_SCOPE',
    'CANNOT_DEACTIVATE_SELF',
    'USER_ALREADY_INACTIVE',
  )
  deactivate(
    @Param('id') id: string,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<DeactivatedUserDto> {
    return this.users.deactivate(admin, id, ip);
  }

  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '重新启用用户 / reactivate a user' })
  @ApiOkResponse({ type: ChangedUserDto })
  @ApiErrors('USER_NOT_FOUND', 'UNIT_UNKNOWN', 'UNIT_OUT_OF_SCOPE', 'USER_ALREADY_ACTIVE')
  reactivate(
    @Param('id') id: string,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<ChangedUserDto> {
    return this.users.reactivate(admin, id, ip);
  }

  @Post(':id/reset-credentials')
  @HttpCode(HttpStatus.OK)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      '重置凭据：新一次性密码，清除动态验证码与锁定，注销登录 / reset credentials: new one-time password, TOTP and lockout cleared, sessions ended',
  })
  @ApiOkResponse({ type: ResetCredentialsDto })
  @ApiErrors('USER_NOT_FOUND', 'UNIT_UNKNOWN', 'UNIT_OUT_OF_SCOPE', 'CANNOT_RESET_OWN_CREDENTIALS')
  resetCredentials(
    @Param('id') id: string,
    @CurrentUser() admin: StaffSession,
    @Ip() ip: string,
  ): Promise<ResetCredentialsDto> {
    return this.users.resetCredentials(admin, id, ip);
  }
}
