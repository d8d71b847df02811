import { ApiProperty } from '@nestjs/swagger';
import {
  NOTICE_FIELDS,
  NOTICE_KIND_NAMES,
  type NoticeFieldName,
  type NoticeKind,
} from '../../../../libs/notices/src/notice-fields';
import { type IssuedNotice, type NoticeTemplateVersion } from '../../../../libs/persistence/src';
import { Nullable } from '../http/response-properties';

/** Response bodies of the written notices; `implements` ties each to the persistence type. */

const FIELD_NAMES = Object.keys(NOTICE_FIELDS) as NoticeFieldName[];

export class IssuedNoticeDto implements IssuedNotice {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTICE_KIND_NAMES }) kind!: NoticeKind;
  @ApiProperty() title!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() issuedAt!: string;
  @Nullable(String, { description: '文号 / the document number' }) documentNumber!: string | null;
}

export class NoticeFieldsDto {
  @ApiProperty({ enum: FIELD_NAMES, isArray: true }) required!: readonly NoticeFieldName[];
  @ApiProperty({ enum: FIELD_NAMES, isArray: true }) optional!: readonly NoticeFieldName[];
}

export class NoticeTemplateViewDto implements NoticeTemplateVersion {
  @ApiProperty({ enum: NOTICE_KIND_NAMES }) kind!: NoticeKind;
  @ApiProperty() version!: number;
  @ApiProperty() template!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ description: '告知书名称 / the notice kind’s name' }) label!: string;
  @ApiProperty({ type: NoticeFieldsDto, description: '可用字段 / the fields a template may use' })
  fields!: NoticeFieldsDto;
}
