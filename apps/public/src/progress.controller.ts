import { Body, Controller, Get, Header, HttpCode, Ip, Param, Post, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NoticeRenderer } from '../../../libs/nest/src';
import { renderedNoticeFile } from '../../api/src/notices/notice-file';
import { PROGRESS_PAGE, PROGRESS_SCRIPT } from './progress-page';
import { ProgressQueryDto, RatingDto } from './progress-query.dto';
import { ProgressService } from './progress.service';

@Controller()
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly renderer: NoticeRenderer,
    private readonly db: DataSource,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return PROGRESS_PAGE;
  }

  @Get('progress.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  script(): string {
    return PROGRESS_SCRIPT;
  }

  @Get('public/health')
  async health() {
    await this.db.query('SELECT 1');
    return { status: 'ok' };
  }

  /** Status, deadlines and issued notices of one case, for whoever holds its query code. */
  @Post('public/progress')
  @HttpCode(200)
  query(@Body() body: ProgressQueryDto, @Ip() ip: string) {
    return this.progress.progress(body.caseNumber, body.queryCode, ip);
  }

  /**
   * The petitioner rates the reply (art. 21): 满意 / 基本满意 / 不满意 with an optional comment, once per
   * reply, after its delivery; checked and rate-limited like the query. 201: recorded.
   */
  @Post('public/progress/rating')
  @HttpCode(201)
  rate(@Body() body: RatingDto, @Ip() ip: string) {
    return this.progress.rate(body.caseNumber, body.queryCode, ip, {
      satisfaction: body.satisfaction,
      comment: body.comment,
    });
  }

  /** One issued notice as PDF, asked with the same case number and code (no link to share or leak). */
  @Post('public/progress/notices/:id.pdf')
  @HttpCode(200)
  async notice(
    @Param('id') id: string,
    @Body() body: ProgressQueryDto,
    @Ip() ip: string,
  ): Promise<StreamableFile> {
    const notice = await this.progress.notice(body.caseNumber, body.queryCode, ip, id);
    return renderedNoticeFile(this.renderer, notice);
  }
}
