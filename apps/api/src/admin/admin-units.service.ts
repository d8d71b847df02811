import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  insertUnit,
  listUnitSubtree,
  recordAdminAudit,
  type UnitRow,
} from '../../../../libs/persistence/src';
import { type Principal } from '../auth/principal';
import { type CreateUnitDto } from './admin.dto';
import { adminError } from './admin-errors';
import { requireUnitInScope } from './admin-scope';

/** The units an administrator manages: their own unit's subtree, which they may extend. */
@Injectable()
export class AdminUnitsService {
  constructor(private readonly db: DataSource) {}

  async list(admin: Principal): Promise<{ items: UnitRow[] }> {
    return { items: await listUnitSubtree(this.db, admin.unitCode) };
  }

  async create(
    admin: Principal,
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
}
