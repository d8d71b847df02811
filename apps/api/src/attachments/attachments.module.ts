import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { CaseAttachmentsController } from './case-attachments.controller';
import { AttachmentUpload } from './attachment-upload';

/** Files attached to cases: upload, list, download — behind the same case visibility as every read. */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [CaseAttachmentsController],
  providers: [AttachmentUpload],
})
export class AttachmentsModule {}
