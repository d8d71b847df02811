import { DirectoryPerson } from './directory';
import { buildUnitTree, UnitTree } from './units';

/** A small district used by org and case tests. */
export const sampleTree: UnitTree = buildUnitTree(
  [
    { code: 'D', name: '示例区', level: 'district', parentCode: null },
    { code: 'T1', name: '东镇', level: 'town', parentCode: 'D' },
    { code: 'T2', name: '西街道', level: 'town', parentCode: 'D' },
    { code: 'DEP', name: '区住建局', level: 'department', parentCode: 'D' },
    { code: 'V1', name: '东镇一村', level: 'village', parentCode: 'T1' },
    { code: 'V2', name: '西街道一社区', level: 'village', parentCode: 'T2' },
  ],
  ['示例市人民政府', '示例省人民政府'],
);

export function person(
  userId: string,
  role: DirectoryPerson['role'],
  unitCode: string,
  inPost = true,
): DirectoryPerson {
  return { userId, name: `name-${userId}`, role, unitCode, inPost };
}
