import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG, TemporalClientHolder } from '../../../../libs/nest/src';
import {
  type CaseListCursor,
  type CaseListPage,
  type CaseViewer,
  caseTimeline,
  type ChainVerification,
  listCases,
  loadCaseEvents,
  PersonalDataProtector,
  type TimelineEntry,
  verifyChain,
} from '../../../../libs/persistence/src';
import { type ChainHead } from '../../../../workflows/case-events';
import { caseSnapshotQuery } from '../../../../workflows/case-messages';
import { caseWorkflowId } from '../../../../workflows/workflow-ids';
import { ApiError } from '../http/api-error';
import { type AccusationRead, CaseAccess } from './case-access.service';
import { type ListCasesQuery } from './list-cases.query';

export interface VerificationReport extends ChainVerification {
  /** Where the head came from: the case workflow's own state, or nowhere (its history has expired). */
  headSource: 'workflow' | 'unavailable';
}

/** Reads for staff: the case list and search, a case's timeline, and its chain verification. */
@Injectable()
export class CaseRecordsService {
  constructor(
    private readonly db: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly access: CaseAccess,
    private readonly personalData: PersonalDataProtector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(
    query: ListCasesQuery,
    viewer: CaseViewer,
  ): Promise<{ items: CaseListPage['items']; nextCursor: string | null }> {
    const date = (value?: string) => (value ? new Date(value) : undefined);
    const page = await listCases(
      this.db,
      {
        viewer,
        statuses: query.status,
        unitSubtree: query.unit,
        category: query.category,
        channel: query.channel,
        dueFrom: date(query.dueFrom),
        dueTo: date(query.dueTo),
        minOverdueLevel: query.overdueLevel,
        receivedFrom: date(query.receivedFrom),
        receivedTo: date(query.receivedTo),
        text: query.q,
        petitionerIdNumberBidx:
          query.petitionerIdNumber && this.personalData.blindIndex('idNumber', query.petitionerIdNumber),
        petitionerPhoneBidx:
          query.petitionerPhone && this.personalData.blindIndex('phone', query.petitionerPhone),
      },
      query.limit ?? 20,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    return { items: page.items, nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null };
  }

  async timeline(
    caseNumber: string,
    viewer: CaseViewer,
    read: AccusationRead,
  ): Promise<Required<TimelineEntry>[]> {
    await this.access.visibleCase(caseNumber, viewer, read);
    return caseTimeline(this.db, caseNumber, this.config.TIME_ZONE);
  }

  async verify(caseNumber: string, viewer: CaseViewer): Promise<VerificationReport> {
    await this.access.visibleCase(caseNumber, viewer, 'verification');
    const [events, head] = await Promise.all([
      loadCaseEvents(this.db, caseNumber),
      this.workflowHead(caseNumber),
    ]);
    return { ...verifyChain(caseNumber, events, head), headSource: head ? 'workflow' : 'unavailable' };
  }

  /** The chain head the workflow keeps outside the table; none once the workflow's history has expired. */
  private async workflowHead(caseNumber: string): Promise<ChainHead | undefined> {
    try {
      const snapshot = await this.temporal.client.workflow
        .getHandle(caseWorkflowId(caseNumber))
        .query(caseSnapshotQuery);
      return snapshot.chain;
    } catch {
      return undefined;
    }
  }
}

function encodeCursor(cursor: CaseListCursor): string {
  return Buffer.from(JSON.stringify([cursor.registeredAt, cursor.caseNumber])).toString('base64url');
}

function decodeCursor(raw: string): CaseListCursor {
  try {
    const [registeredAt, caseNumber] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    if (typeof caseNumber !== 'string' || Number.isNaN(Date.parse(registeredAt)))
      throw new Error('bad cursor');
    return { registeredAt, caseNumber };
  } catch {
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      '请求内容不符合要求 / request validation failed',
      [
        {
          field: 'cursor',
          code: 'invalidCursor',
          message: '游标无效，请从第一页重新开始 / invalid cursor; start again from the first page',
        },
      ],
    );
  }
}
