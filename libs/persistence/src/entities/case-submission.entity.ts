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

  /** The identity document the number belongs to (resident ID unless said otherwise). */
  @Column({ name: 'petitioner_id_type', type: 'varchar', length: 16, default: 'residentId' })
  petitionerIdType!: string;

  /** Encrypted at rest (PersonalDataProtector); never stored or logged in plain text. */
  @Column({ name: 'petitioner_id_number_enc', type: 'text', nullable: true })
  petitionerIdNumberEnc!: string | null;

  @Column({ name: 'petitioner_phone_enc', type: 'text', nullable: true })
  petitionerPhoneEnc!: string | null;

  @Column({ name: 'petitioner_address_enc', type: 'text', nullable: true })
  petitionerAddressEnc!: string | null;

  /** Keyed blind indexes (HMAC) so staff can find a petitioner's cases by number. */
  @Column({ name: 'petitioner_id_number_bidx', type: 'char', length: 64, nullable: true })
  petitionerIdNumberBidx!: string | null;

  @Column({ name: 'petitioner_phone_bidx', type: 'char', length: 64, nullable: true })
  petitionerPhoneBidx!: string | null;

  /** Keyed blind index of the normalised name, so staff find a petitioner by name without a plain-text search. */
  @Column({ name: 'petitioner_name_bidx', type: 'char', length: 64, nullable: true })
  petitionerNameBidx!: string | null;

  /** For an accusation: the accused units and persons, who must never see or receive the case. */
  @Column({ type: 'jsonb', nullable: true })
  accused!: { unitCodes: string[]; userIds: string[] } | null;

  /** The leader's reception session (领导接待日) the petition was received in, if any. */
  @Column({ name: 'reception_session_id', type: 'uuid', nullable: true })
  receptionSessionId!: string | null;

  @Column({ name: 'unit_code', type: 'varchar', length: 32 })
  unitCode!: string;

  @Column({ name: 'registering_unit_code', type: 'varchar', length: 32 })
  registeringUnitCode!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** Why the legal receipt time precedes the day of registration, when it does. */
  @Column({ name: 'backdating_reason', type: 'text', nullable: true })
  backdatingReason!: string | null;

  /** A collective visit: how many people came (representatives in case_representatives). */
  @Column({ name: 'collective_headcount', type: 'int', nullable: true })
  collectiveHeadcount!: number | null;

  /** The clerk's override: this earlier case of the same petitioner is not the same matter. */
  @Column({ name: 'not_repeat_of', type: 'jsonb', nullable: true })
  notRepeatOf!: { caseNumber: string; reason: string } | null;

  /** The concluded earlier case on the same facts: the new case is not accepted, citing it. */
  @Column({ name: 'same_facts_as', type: 'varchar', length: 64, nullable: true })
  sameFactsAs!: string | null;

  /**
   * Art. 19: the lower case handling the same matter. This case is registered at the higher level,
   * not accepted (handledBelow) and referred to the lower unit; the lower case records the visit.
   */
  @Column({ name: 'handled_below_in', type: 'varchar', length: 64, nullable: true })
  handledBelowIn!: string | null;

  /** The unit handling the lower case when this petition was referred to it. */
  @Column({ name: 'handled_below_unit_code', type: 'varchar', length: 32, nullable: true })
  handledBelowUnitCode!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
