import { type DataSource } from 'typeorm';
import { UnitEntity } from './entities';

/** A first unit so a newcomer can register a case before importing the real unit tree. */
export const DEFAULT_TOP_UNIT = { code: 'QX', name: '示例区信访局', level: 'district', parentCode: null };

export async function seedDefaultUnitIfEmpty(db: DataSource): Promise<void> {
  if ((await db.manager.count(UnitEntity)) > 0) return;
  await db.manager.insert(UnitEntity, DEFAULT_TOP_UNIT);
}
