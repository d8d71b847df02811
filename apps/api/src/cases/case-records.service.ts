import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AppConfig } from '../../../../libs/config/src';
import { APP_CONFIG, TemporalClientHolder } from '../../../../libs/nest/src';
import {
  type CaseListCursor,
  type CaseListPage,
  type CaseViewer,
  backfillPetitionerNameIndex,
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
import { validationFailed } from '../http/api-error';
import { type AccusationRead, CaseAccess } from './case-access.service';
import { type ListCasesQuery } from './list-cases.query';

export interface VerificationReport extends ChainVerification {
  /** Where the head came from: the case workflow's own state, or nowhere (its history has expired). */
  headSource: 'workflow' | 'unavailable';
}

/** Reads for staff: the case list and search, a case's timeline, and its chain verification. */
@Injectable()
export class CaseRecordsService implements OnModuleInit {
  private readonly logger = new Logger(CaseRecordsService.name);

  constructor(
    private readonly db: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly access: CaseAccess,
    private readonly personalData: PersonalDataProtector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Submissions stored before the name's blind index existed get it before the first search. */
  async onModuleInit(): Promise<void> {
    const filled = await backfillPetitionerNameIndex(this.db, this.personalData);
    if (filled > 0) this.logger.log(`信访人姓名盲索引已补齐 / name blind index filled for ${filled} cases`);
  }

  async list(
    query: ListCasesQuery,
    viewer: CaseViewer,
  ): Promise<{ items: CaseListPage['items']; nextCursor: string | null; total: number }> {
    const date = (value?: string) => (value ? new Date(value) : undefined);
    const view = query.view;
    const timeZone = this.config.TIME_ZONE;
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
        minOverdueLevel: view === 'overdue' ? Math.max(1, query.overdueLevel ?? 1) : query.overdueLevel,
        receivedFrom: date(query.receivedFrom),
        receivedTo: date(query.receivedTo),
        text: query.q,
        petitionerIdNumberBidx:
          query.petitionerIdNumber && this.personalData.blindIndex('idNumber', query.petitionerIdNumber),
        petitionerPhoneBidx:
          query.petitionerPhone && this.personalData.blindIndex('phone', query.petitionerPhone),
        petitionerNameBidx:
          query.petitionerName?.trim() && this.personalData.blindIndex('name', query.petitionerName),
        caseNumber: query.caseNumber,
        holdingUnit: view === 'heldByMyUnit' ? viewer.unitCode : undefined,
        namedUserId: view === 'mine' ? viewer.userId : undefined,
        packageLeaderUserId: view === 'leading' ? viewer.userId : undefined,
        dueWindow:
          view === 'dueToday'
            ? { timeZone, days: 0, fromStartOfToday: true }
            : query.dueWithinDays !== undefined
              ? { timeZone, days: query.dueWithinDays, fromStartOfToday: false }
              : undefined,
      },
      query.limit ?? 20,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    return {
      items: page.items,
      nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
      total: page.total,
    };
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
  return Buffer.from(JSON.stringify(['u1', cursor.overdueLevel, cursor.dueAt, cursor.caseNumber])).toString(
    'base64url',
  );
}

function decodeCursor(raw: string): CaseListCursor {
  try {
    const [format, overdueLevel, dueAt, caseNumber] = JSON.parse(
      Buffer.from(raw, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      format !== 'u1' ||
      !Number.isInteger(overdueLevel) ||
      typeof caseNumber !== 'string' ||
      !(dueAt === null || (typeof dueAt === 'string' && !Number.isNaN(Date.parse(dueAt))))
    )
      throw new Error('bad cursor');
    return { overdueLevel: overdueLevel as number, dueAt, caseNumber };
  } catch {
    throw validationFailed([
      {
        field: 'cursor',
        code: 'invalidCursor',
        message: '游标无效，请从第一页重新开始 / invalid cursor; start again from the first page',
      },
    ]);
  }
}
