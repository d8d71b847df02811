import { type EntityManager } from 'typeorm';
import { unitPlacement } from '../../../../libs/persistence/src';
import { type StaffSession } from '../auth/staff-session';
import { adminError } from './admin-errors';

/**
 * An administrator manages their own unit and the units below it: a unit elsewhere is refused with
 * 403 UNIT_OUT_OF_SCOPE, an unknown one with 422 UNIT_UNKNOWN, both naming `field`.
 */
export async function requireUnitInScope(
  db: Pick<EntityManager, 'query'>,
  admin: StaffSession,
  unitCode: string,
  field = 'unitCode',
): Promise<void> {
  const placement = await unitPlacement(db, admin.unitCode, unitCode);
  if (placement === 'unknown') throw adminError('UNIT_UNKNOWN', field);
  if (placement === 'outside') throw adminError('UNIT_OUT_OF_SCOPE', field);
}
