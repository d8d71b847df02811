import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The petition as received. The workflow carries only its case number; the content (possibly long)
 * stays here and is referenced.
 */
@Entity({ name: 'case_submissions' })
export class CaseSubmissionEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @Column({ type: 'varchar', length: 24 })
  channel!: string;

  @Column({ type: 'varchar', length: 24 })
  category!: string;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'petitioner_name', type: 'varchar', length: 100 })
  petitionerName!: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 32 })
  unitCode!: string;

  @Column({ name: 'registering_unit_code', type: 'varchar', length: 32 })
  registeringUnitCode!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** Why the legal receipt time precedes the day of registration, when it does. */
  @Column({ name: 'backdating_reason', type: 'text', nullable: true })
  backdatingReason!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
