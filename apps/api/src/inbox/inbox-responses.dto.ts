import { ApiProperty } from '@nestjs/swagger';
import {
  type InboxAnnouncement,
  type InboxCaseGroup,
  type InboxItem,
} from '../../../../libs/persistence/src';
import { Nullable } from '../http/response-properties';

/** Response bodies of the inbox; `implements` ties each to the persistence type. */

export class InboxItemDto implements InboxItem {
  @ApiProperty() id!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() eventSeq!: number;
  @ApiProperty() kind!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ description: '中文标题，当地时间 / the title in Chinese, local times' }) title!: string;
  @ApiProperty() storedTitle!: string;
  @ApiProperty() createdAt!: string;
  @Nullable(String) readAt!: string | null;
  @Nullable(String) acknowledgedAt!: string | null;
  @Nullable(String) subject!: string | null;
  @Nullable(String) caseStatus!: string | null;
  @ApiProperty() caseEnded!: boolean;
  @Nullable(String) eventType!: string | null;
  @Nullable(String) clock!: string | null;
  @Nullable(String) clockLabel!: string | null;
  @Nullable(String) dueAt!: string | null;
  @Nullable(String) dueLocal!: string | null;
}

export class InboxCaseGroupDto implements InboxCaseGroup {
  @ApiProperty() caseNumber!: string;
  @Nullable(String) subject!: string | null;
  @ApiProperty() caseEnded!: boolean;
  @ApiProperty() topLevel!: number;
  @ApiProperty() unacknowledged!: number;
  @ApiProperty() latestAt!: string;
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
}

export class InboxDto {
  @ApiProperty() unread!: number;
  @ApiProperty({ type: [InboxItemDto], description: '最新在前 / newest first' }) items!: InboxItemDto[];
  @ApiProperty({ type: [InboxCaseGroupDto], description: '按案件分组 / grouped by case' })
  groups!: InboxCaseGroupDto[];
}

export class UnreadDto {
  @ApiProperty() unread!: number;
}

export class AcknowledgedDto extends UnreadDto {
  @ApiProperty({ description: '本次确认的条数 / items acknowledged now' }) acknowledged!: number;
}

/** The `data` of each `inboxItem` event on the stream: a new item exists (the list is then read again). */
export class InboxAnnouncementDto implements InboxAnnouncement {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() level!: number;
}
