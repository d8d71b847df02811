import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  type MessageEvent,
  Param,
  Post,
  Sse,
} from '@nestjs/common';
import { concatMap, filter, interval, type Observable, takeUntil } from 'rxjs';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiErrors, JSON_BODY_REFUSALS } from '../http/api-errors.decorator';
import { AcknowledgedDto, InboxAnnouncementDto, InboxDto, UnreadDto } from './inbox-responses.dto';
import { PERMISSION_ROLES } from '../../../../libs/domain/src/org/permissions';
import { DataSource } from 'typeorm';
import {
  acknowledgeAllInboxItems,
  acknowledgeInboxItem,
  groupInboxByCase,
  inboxOf,
  unreadCount,
} from '../../../../libs/persistence/src';
import { CurrentUser } from '../auth/current-user.decorator';
import { type StaffSession } from '../auth/staff-session';
import { SessionService } from '../auth/sessions.service';
import { StaffOnly } from '../auth/staff-only.decorator';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG } from '../../../../libs/nest/src';
import { ApiError } from '../http/api-error';
import { AcknowledgeAllDto } from './inbox.dto';
import { InboxAnnouncements } from './inbox-announcements.service';

@ApiTags('inbox 待办提醒')
@Controller('inbox')
@StaffOnly(PERMISSION_ROLES.readInbox)
export class InboxController {
  constructor(
    private readonly db: DataSource,
    private readonly announcements: InboxAnnouncements,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Sse('stream')
  @ApiOperation({
    summary: '实时提醒（SSE）/ your new items as Server-Sent Events, on any API instance',
  })
  @ApiExtraModels(InboxAnnouncementDto)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      '事件 inboxItem，data 为 InboxAnnouncementDto 的 JSON；会话结束时流结束 / `inboxItem` events whose data is an InboxAnnouncementDto as JSON; the stream ends with the session',
    content: {
      'text/event-stream': {
        schema: {
          type: 'string',
          description: `data: ${getSchemaPath(InboxAnnouncementDto)}`,
        },
      },
    },
  })
  stream(@CurrentUser() user: StaffSession): Observable<MessageEvent> {
    // The guard ran once, at opening: the stream ends when its session does (logout, deactivation, idle).
    const sessionEnded = interval(this.config.STREAM_SESSION_CHECK_SECONDS * 1000).pipe(
      concatMap(() => this.sessions.isLive(user.sessionId)),
      filter((live) => !live),
    );
    return this.announcements.eventsForUser(user.userId).pipe(takeUntil(sessionEnded));
  }

  @Get()
  @ApiOperation({
    summary:
      '我的提醒与升级 / your warnings and escalations: items newest first, and grouped by case (highest level first; ended cases last, not counted as unread)',
  })
  @ApiOkResponse({ type: InboxDto })
  async list(@CurrentUser() user: StaffSession): Promise<InboxDto> {
    const [items, unread] = await Promise.all([
      inboxOf(this.db, user.userId, 50, this.config.TIME_ZONE),
      unreadCount(this.db, user.userId),
    ]);
    return { unread, items, groups: groupInboxByCase(items) };
  }

  @Post('acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '全部确认 / acknowledge all of your items, or all of one case’s (caseNumber)',
  })
  @ApiOkResponse({ type: AcknowledgedDto })
  @ApiErrors(...JSON_BODY_REFUSALS)
  async acknowledgeAll(
    @Body() body: AcknowledgeAllDto,
    @CurrentUser() user: StaffSession,
  ): Promise<AcknowledgedDto> {
    const acknowledged = await acknowledgeAllInboxItems(this.db, user.userId, body.caseNumber);
    return { acknowledged, unread: await unreadCount(this.db, user.userId) };
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '确认收到 / acknowledge one of your own items' })
  @ApiOkResponse({ type: UnreadDto })
  @ApiErrors('INBOX_ITEM_NOT_FOUND')
  async acknowledge(@Param('id') id: string, @CurrentUser() user: StaffSession): Promise<UnreadDto> {
    if (!/^\d{1,18}$/.test(id) || !(await acknowledgeInboxItem(this.db, user.userId, id))) {
      throw new ApiError('INBOX_ITEM_NOT_FOUND', `提醒不存在 / inbox item ${id} not found`);
    }
    return { unread: await unreadCount(this.db, user.userId) };
  }
}
