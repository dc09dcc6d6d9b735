import { Field, Int, ObjectType } from '@nestjs/graphql';
import { bigintToNumber, DateScalar, MoneyScalar } from '@app/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BatchStatus } from './batch-status.js';

@ObjectType({ description: 'A batch (批次): a group of workers from one union staying at one base for one package.' })
@Entity('batch')
@Index('uq_batch_idempotency', ['unionId', 'idempotencyKeyHash'], { unique: true })
@Index('idx_batch_base_start', ['baseId', 'startDate'])
@Index('idx_batch_union_start', ['unionId', 'startDate'])
@Index('idx_batch_status_hold', ['status', 'holdExpiresAt'])
// Statistics over a period: the arrival day first, then every column they add up, so the
// aggregate reads the index alone and never the table (a covering index on both databases).
@Index('idx_batch_period', ['startDate', 'status', 'baseId', 'unionId', 'headcount', 'nights'])
export class Batch {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field({ description: 'Human-friendly reference to quote on the phone, e.g. "RR261203-7KQ2MX".' })
  @Index('uq_batch_reference', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  reference: string;

  @Field(() => BatchStatus)
  @Column({ type: 'simple-enum', enum: BatchStatus })
  status: BatchStatus;

  @Column({ type: 'int' })
  unionId: number;

  @Column({ type: 'int' })
  baseId: number;

  @Column({ type: 'int' })
  packageId: number;

  @Field(() => DateScalar, { description: 'Day of arrival: the first night of the stay.' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => DateScalar, { description: 'Day of departure: startDate + nights.' })
  @Column({ type: 'date' })
  endDate: string;

  @Field(() => Int, { description: "Nights of the stay, from the package at booking." })
  @Column({ type: 'int' })
  nights: number;

  @Field(() => Int, { description: 'Workers in the batch; beds held on every night.' })
  @Column({ type: 'int' })
  headcount: number;

  @Field(() => MoneyScalar, { description: "The package's price per person when the batch was requested (a snapshot)." })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  pricePerPerson: number;

  @Field(() => Date, { nullable: true, description: 'When a REQUESTED batch gives its beds back unless confirmed first.' })
  @Column({ type: 'datetime', nullable: true })
  holdExpiresAt: Date | null;

  /**
   * SHA-256 (hex) of the client's idempotency key: keys are case-sensitive, and MySQL's default
   * collation is not; lower-case hex compares the same everywhere.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKeyHash: string | null;

  /** SHA-256 of the request, to tell a retry from a different request with the same key. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestHash: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field()
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
