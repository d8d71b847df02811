import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last case number issued per registering unit and year; incremented atomically. */
@Entity({ name: 'case_number_counters' })
export class CaseNumberCounterEntity {
  @PrimaryColumn({ name: 'unit_code', type: 'varchar', length: 32 })
  unitCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}
