import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type CaseEntity,
  type CaseViewer,
  findVisibleCase,
  recordAccusationCaseRead,
} from '../../../../libs/persistence/src';
import { ApiError } from '../http/api-error';

/** What a staff member read of an accusation case, as recorded in the access audit. */
export type AccusationRead =
  'detail' | 'timeline' | 'timelineCsv' | 'verification' | 'petitioner' | 'notices' | 'attachments';

/**
 * The one gate in front of every single-case read and action: a case the caller may not see answers 404
 * exactly like a case that does not exist, so nothing about it leaks. Reads of an accusation are recorded
 * in the append-only access audit (who, which case, what was read).
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly db: DataSource) {}

  async visibleCase(caseNumber: string, viewer: CaseViewer, read?: AccusationRead): Promise<CaseEntity> {
    const found = await findVisibleCase(this.db.manager, viewer, caseNumber);
    if (!found) throw new ApiError('CASE_NOT_FOUND', `案件不存在 / case ${caseNumber} not found`);
    if (read && found.category === 'accusation') {
      await recordAccusationCaseRead(this.db, { userId: viewer.userId, caseNumber, reason: read });
    }
    return found;
  }
}
