import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { timelineCsv } from '../../../../libs/persistence/src';
import { CaseRecordsService } from './case-records.service';
import { ListCasesQuery } from './list-cases.query';

@ApiTags('cases 案件')
@Controller('cases')
export class CaseRecordsController {
  constructor(private readonly records: CaseRecordsService) {}

  @Get()
  @ApiOperation({ summary: '案件列表与检索 / case list and search (keyset pages, newest first)' })
  list(@Query() query: ListCasesQuery) {
    return this.records.list(query);
  }

  @Get(':caseNumber/timeline')
  @ApiOperation({ summary: '办理时间线 / the case timeline (JSON)' })
  timeline(@Param('caseNumber') caseNumber: string) {
    return this.records.timeline(caseNumber);
  }

  @Get(':caseNumber/timeline.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: '办理时间线导出 / the case timeline as CSV' })
  async timelineCsv(@Param('caseNumber') caseNumber: string) {
    return timelineCsv(await this.records.timeline(caseNumber));
  }

  @Get(':caseNumber/verification')
  @ApiOperation({ summary: '哈希链校验 / verify the case’s hash chain and name the first broken link' })
  verification(@Param('caseNumber') caseNumber: string) {
    return this.records.verify(caseNumber);
  }
}
