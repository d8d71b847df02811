import { type EntityManager } from 'typeorm';
import { type CaseViewer, caseVisibleTo } from './case-visibility';
import { CaseEntity } from './entities';

/** The case, when the viewer may see it; null when it is invisible to them or does not exist (one query). */
export function findVisibleCase(
  db: EntityManager,
  viewer: CaseViewer,
  caseNumber: string,
): Promise<CaseEntity | null> {
  return db
    .createQueryBuilder(CaseEntity, 'c')
    .where('c.case_number = :caseNumber', { caseNumber })
    .andWhere(caseVisibleTo(':viewerUserId', { unitParam: ':viewerUnitCode' }), {
      viewerUserId: viewer.userId,
      viewerUnitCode: viewer.unitCode,
    })
    .getOne();
}
