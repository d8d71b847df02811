import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The case read model: what staff lists and detail pages read. Written only by the recording activity. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 100 })
  workflowId!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: string;

  @Column({ type: 'varchar', length: 24 })
  category!: string;

  @Column({ type: 'varchar', length: 24 })
  channel!: string;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 32 })
  unitCode!: string;

  @Column({ name: 'registering_unit_code', type: 'varchar', length: 32 })
  registeringUnitCode!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'event_count', type: 'int' })
  eventCount!: number;

  @Column({ name: 'last_event_hash', type: 'char', length: 64 })
  lastEventHash!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'holding_unit_code', type: 'varchar', length: 32, nullable: true })
  holdingUnitCode!: string | null;

  @Column({ name: 'responsible_unit_code', type: 'varchar', length: 32, nullable: true })
  responsibleUnitCode!: string | null;

  @Column({ name: 'handler_user_id', type: 'varchar', length: 64, nullable: true })
  handlerUserId!: string | null;

  @Column({ name: 'package_leader_user_id', type: 'varchar', length: 64, nullable: true })
  packageLeaderUserId!: string | null;

  @Column({ name: 'six_defines', type: 'jsonb', nullable: true })
  sixDefines!: Record<string, unknown> | null;

  /** The clock running now (triage, handling, reviewRequest …), null when none runs. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  clock!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'due_last_day', type: 'date', nullable: true })
  dueLastDay!: string | null;

  @Column({ name: 'overdue_level', type: 'int', default: 0 })
  overdueLevel!: number;

  @Column({ name: 'repeat_visits', type: 'int', default: 0 })
  repeatVisits!: number;

  @Column({ name: 'policy_version', type: 'varchar', length: 64, nullable: true })
  policyVersion!: string | null;

  @Column({ name: 'accused_unit_codes', type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  accusedUnitCodes!: string[];

  @Column({ name: 'accused_user_ids', type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  accusedUserIds!: string[];
}
