import { CaseEventEntity } from './case-event.entity';
import { CaseNumberCounterEntity } from './case-number-counter.entity';
import { CaseSubmissionEntity } from './case-submission.entity';
import { CaseEntity } from './case.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { UnitEntity } from './unit.entity';

export {
  CaseEventEntity,
  CaseNumberCounterEntity,
  CaseSubmissionEntity,
  CaseEntity,
  IdempotencyKeyEntity,
  UnitEntity,
};

export const ENTITIES = [
  UnitEntity,
  CaseNumberCounterEntity,
  IdempotencyKeyEntity,
  CaseSubmissionEntity,
  CaseEntity,
  CaseEventEntity,
];
