import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  type MessageEvent,
  Param,
  Post,
  Query,
  Sse,
  UseGuards,
} from '@nestjs/common';
import { type Observable } from 'rxjs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { acknowledgeInboxItem, inboxOf, unreadCount } from '../../../../libs/persistence/src';
import { AuthGuard } from '../auth/auth.guard';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Principal } from '../auth/principal';
import { ApiError } from '../http/api-error';
import { InboxAnnouncements } from './inbox-announcements.service';

/** Until login exists (the HTTP API issue), the recipient is named in the query. */
export class InboxQuery {
  @ApiProperty({ description: '收件人用户ID / the recipient’s user id' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[\w:.-]+$/)
  userId!: string;
}

@ApiTags('inbox 待办提醒')
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly db: DataSource,
    private readonly announcements: InboxAnnouncements,
  ) {}

  @Sse('stream')
  @ApiOperation({ summary: '实时提醒（SSE）/ new items as Server-Sent Events, on any API instance' })
  stream(@Query() query: InboxQuery): Observable<MessageEvent> {
    return this.announcements.eventsForUser(query.userId);
  }

  @Get()
  @ApiOperation({ summary: '提醒与升级 / warnings and escalations for a person, newest first' })
  async list(@Query() query: InboxQuery) {
    const [items, unread] = await Promise.all([
      inboxOf(this.db, query.userId),
      unreadCount(this.db, query.userId),
    ]);
    return { unread, items };
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: '确认收到 / acknowledge one of your own items' })
  async acknowledge(@Param('id') id: string, @CurrentUser() user: Principal) {
    if (!/^\d{1,18}$/.test(id) || !(await acknowledgeInboxItem(this.db, user.userId, id))) {
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'INBOX_ITEM_NOT_FOUND',
        `提醒不存在 / inbox item ${id} not found`,
      );
    }
    return { unread: await unreadCount(this.db, user.userId) };
  }
}
