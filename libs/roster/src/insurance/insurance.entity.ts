import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '@app/shared';

/** A batch's group accident insurance (团体意外险), required before check-in; no row: not insured yet. */
@Entity('insurance')
export class Insurance {
  @PrimaryColumn({ type: 'int' })
  batchId: number;

  @Column({ type: 'varchar', length: 100 })
  insurer: string;

  @Column({ type: 'varchar', length: 64 })
  policyNumber: string;

  /** Fen per person. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  sumInsured: number;

  @Column({ type: 'datetime' })
  recordedAt: Date;

  @Column({ type: 'int', nullable: true })
  recordedById: number | null;
}
