import { Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../config/src';
import { loadNoticeFont, type NoticeFont } from '../../notices/src/notice-font';
import { PersonalDataProtector, renderStoredNotice, type StoredNotice } from '../../persistence/src';
import { APP_CONFIG, ConfigModule } from './config.module';

export class NoticeFontUnavailableError extends Error {
  override readonly name = 'NoticeFontUnavailableError';
}

/**
 * Renders stored notices to PDF with the notice font, read and parsed once when the app starts. Without a
 * font the app still starts (only notices are unavailable) and says why, once, in its log.
 */
@Injectable()
export class NoticeRenderer {
  private readonly font: NoticeFont | null;
  private readonly fontProblem: string | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: DataSource,
    private readonly protector: PersonalDataProtector,
  ) {
    try {
      this.font = loadNoticeFont(config);
    } catch (error) {
      this.font = null;
      this.fontProblem = (error as Error).message;
      new Logger(NoticeRenderer.name).warn(`文书不可用 / notices unavailable: ${this.fontProblem}`);
    }
  }

  async render(notice: StoredNotice): Promise<Buffer> {
    if (!this.font) throw new NoticeFontUnavailableError(this.fontProblem ?? 'no notice font');
    return renderStoredNotice(this.db, this.protector, this.font, notice);
  }
}

@Global()
@Module({ imports: [ConfigModule], providers: [NoticeRenderer], exports: [NoticeRenderer] })
export class NoticeRendererModule {}
