import { ApiProperty } from '@nestjs/swagger';
import { type AttachmentSummary } from '../../../../libs/domain/src/attachments/attachment-summary';
import { Nullable } from '../http/response-properties';

export class AttachmentSummaryDto implements AttachmentSummary {
  @ApiProperty() id!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: '办理操作 evidenceRefs 引用此文件的写法 / how evidenceRefs names this file' })
  ref!: string;
  @ApiProperty() uploadedBy!: string;
  @Nullable(String) uploadedByName!: string | null;
  @ApiProperty() uploadedAt!: string;
}
