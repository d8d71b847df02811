import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Injectable,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, MaxLength, validate } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  deleteSavedCaseView,
  insertSavedCaseView,
  listSavedCaseViews,
} from '../../../../libs/persistence/src';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { StaffOnly } from '../auth/staff-only.decorator';
import { refusal, validationFailed } from '../http/api-error';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import { toFieldErrors } from '../http/validation-messages';
import { ListCasesQuery } from './list-cases.query';

/** The list filters a saved view may hold: the queue's query parameters, without the page position. */
const NOT_SAVED = new Set(['cursor', 'limit']);

/** SAVED_VIEW_NAME_TAKEN or SAVED_VIEW_NOT_FOUND (ERROR_CODES). */
const refuse = refusal;

export class SaveCaseViewDto {
  @ApiProperty({
    description: '视图名称 / the view’s name',
    example: '本单位三日内到期',
    minLength: 1,
    maxLength: 50,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({
    description:
      '筛选条件：与案件列表的查询参数相同（不含游标和每页条数），可放入链接分享 / the case list’s query parameters (no cursor or limit), the same as in a shared link',
    example: { view: 'heldByMyUnit', dueWithinDays: '3' },
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsObject()
  filters!: Record<string, string>;
}

export class SavedCaseView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) filters!: Record<string, string>;
  @ApiProperty() createdAt!: string;
}

/** Each staff member's own saved queue views (name and filters); a view is shared as its link. */
@Injectable()
export class SavedCaseViews {
  constructor(private readonly db: DataSource) {}

  async list(user: StaffSession): Promise<SavedCaseView[]> {
    const rows = await listSavedCaseViews(this.db, user.userId);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      filters: row.filters,
      createdAt: row.created_at.toISOString(),
    }));
  }

  async save(user: StaffSession, dto: SaveCaseViewDto): Promise<SavedCaseView> {
    const filters = await validFilters(dto.filters);
    const row = await insertSavedCaseView(this.db, { userId: user.userId, name: dto.name.trim(), filters });
    if (!row) throw refuse('SAVED_VIEW_NAME_TAKEN', 'name');
    return { id: row.id, name: dto.name.trim(), filters, createdAt: (row.created_at as Date).toISOString() };
  }

  async remove(user: StaffSession, id: string): Promise<void> {
    const count = await deleteSavedCaseView(this.db, user.userId, id);
    if (!count) throw refuse('SAVED_VIEW_NOT_FOUND');
  }
}

/** The filters exactly as the list would accept them in its query string, else 400 naming the filter. */
async function validFilters(raw: Record<string, unknown>): Promise<Record<string, string>> {
  const filters: Record<string, string> = {};
  const fields: { field: string; code: string; message: string }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (NOT_SAVED.has(key) || typeof value !== 'string' || value.length > 200) {
      fields.push({
        field: `filters.${key}`,
        code: 'notASavedFilter',
        message: '不能保存的筛选条件 / not a filter a view can hold',
      });
    } else if (value !== '') filters[key] = value;
  }
  const errors = await validate(plainToInstance(ListCasesQuery, filters), {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
  });
  fields.push(...toFieldErrors(errors).map((error) => ({ ...error, field: `filters.${error.field}` })));
  if (fields.length > 0) {
    throw validationFailed(fields);
  }
  return filters;
}

@ApiTags('cases 案件')
@Controller('case-views')
export class SavedCaseViewsController {
  constructor(private readonly views: SavedCaseViews) {}

  @Get()
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '我保存的队列视图 / my saved queue views' })
  @ApiOkResponse({ type: [SavedCaseView] })
  list(@CurrentUser() user: StaffSession): Promise<SavedCaseView[]> {
    return this.views.list(user);
  }

  @Post()
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '保存队列视图（名称与筛选条件）/ save a queue view (name and filters)' })
  @ApiCreatedResponse({ type: SavedCaseView })
  @ApiErrors(...JSON_BODY_REFUSALS, 'SAVED_VIEW_NAME_TAKEN')
  save(@Body() body: SaveCaseViewDto, @CurrentUser() user: StaffSession): Promise<SavedCaseView> {
    return this.views.save(user, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @StaffOnly(PERMISSION_ROLES.readCases)
  @ApiOperation({ summary: '删除保存的视图 / delete a saved view' })
  @ApiNoContentResponse({ description: '已删除 / deleted' })
  @ApiErrors('BAD_REQUEST', 'SAVED_VIEW_NOT_FOUND')
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: StaffSession): Promise<void> {
    await this.views.remove(user, id);
  }
}
