import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  findUnitName,
  insertUnit,
  listUnitSubtree,
  recordAdminAudit,
  setUnitNoticeNumbering,
  type UnitRow,
} from '../../../../libs/persistence/src';
import { type StaffSession } from '../auth/staff-session';
import {
  checkDocumentNumberPattern,
  DEFAULT_DOCUMENT_NUMBER_PATTERN,
  formatDocumentNumber,
} from '../../../../libs/notices/src/document-number';
import { type CreateUnitDto, type NoticeNumberingDto } from './admin.dto';
import { adminError } from './admin-errors';
import { requireUnitInScope } from './admin-scope';

/** The units an administrator manages: their own unit's subtree, which they may extend. */
@Injectable()
export class AdminUnitsService {
  constructor(private readonly db: DataSource) {}

  async list(admin: StaffSession): Promise<{ items: UnitRow[] }> {
    return { items: await listUnitSubtree(this.db, admin.unitCode) };
  }

  async create(
    admin: StaffSession,
    unit: CreateUnitDto,
    clientAddress: string | undefined,
  ): Promise<Omit<UnitRow, 'depth'>> {
    return this.db.transaction(async (tx) => {
      await requireUnitInScope(tx, admin, unit.parentCode, 'parentCode');
      if (!(await insertUnit(tx, unit))) throw adminError('UNIT_CODE_TAKEN', 'code');
      await recordAdminAudit(tx, {
        actorId: admin.userId,
        action: 'unit.create',
        target: unit.code,
        unitCode: unit.code,
        details: { code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parentCode },
        clientAddress,
      });
      return { code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parentCode };
    });
  }

  /** A unit's 文号: its short name and pattern, checked, audited, answered with an example number. */
  async setNoticeNumbering(
    admin: StaffSession,
    code: string,
    body: NoticeNumberingDto,
    clientAddress: string | undefined,
  ): Promise<{ code: string; shortName: string | null; pattern: string | null; example: string }> {
    const shortName = body.shortName?.trim() || null;
    const pattern = body.pattern?.trim() || null;
    if (pattern) {
      const { unknown, hasSeq } = checkDocumentNumberPattern(pattern);
      if (unknown.length > 0 || !hasSeq) throw adminError('NOTICE_NUMBER_PATTERN_INVALID', 'pattern');
    }
    return this.db.transaction(async (tx) => {
      await requireUnitInScope(tx, admin, code, 'code');
      await setUnitNoticeNumbering(tx, code, { shortName, pattern });
      await recordAdminAudit(tx, {
        actorId: admin.userId,
        action: 'unit.noticeNumbering',
        target: code,
        unitCode: code,
        details: { shortName, pattern },
        clientAddress,
      });
      const unitName = await findUnitName(tx, code);
      const example = formatDocumentNumber(pattern ?? DEFAULT_DOCUMENT_NUMBER_PATTERN, {
        unitShort: shortName ?? unitName!,
        unitCode: code,
        year: new Date().getFullYear(),
        seq: 1,
      });
      return { code, shortName, pattern, example };
    });
  }
}
