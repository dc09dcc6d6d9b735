import { Field, Int, ObjectType } from '@nestjs/graphql';
import { bigintToNumber, DateScalar, MoneyScalar } from '@app/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BatchStatus } from './batch-status.js';
import { BenefitType } from '../exchange-terms/benefit.js';
import { BedSource } from './bed-source.js';
import { BatchStep } from '../deadline/deadlines.js';

@ObjectType({ description: 'A batch (批次): a group of workers from one union staying at one base for one package.' })
@Entity('batch')
@Index('uq_batch_idempotency', ['unionId', 'idempotencyKeyHash'], { unique: true })
@Index('idx_batch_base_start', ['baseId', 'startDate'])
@Index('idx_batch_union_start', ['unionId', 'startDate'])
@Index('idx_batch_status_hold', ['status', 'holdExpiresAt'])
@Index('idx_batch_agreement', ['agreementId', 'startDate'])
// Statistics over a period: the arrival day first, then every column they add up, so the
// aggregate reads the index alone and never the table (a covering index on both databases).
@Index('idx_batch_period', ['startDate', 'status', 'baseId', 'unionId', 'headcount', 'nights', 'arrivals'])
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

  @Field(() => Int, { description: 'Nights of the stay, from the package at booking.' })
  @Column({ type: 'int' })
  nights: number;

  @Field(() => Int, { description: 'Workers in the batch; beds held on every night.' })
  @Column({ type: 'int' })
  headcount: number;

  @Field(() => Int, { nullable: true, description: 'People who actually arrived, set at check-in (null before): bills, vouchers and person-visits count them.' })
  @Column({ type: 'int', nullable: true })
  arrivals: number | null;

  @Field(() => MoneyScalar, { description: "The package's price per person when the batch was requested (a snapshot)." })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  pricePerPerson: number;

  @Field(() => Date, { nullable: true, description: 'When a REQUESTED batch gives its beds back unless confirmed first.' })
  @Column({ type: 'datetime', nullable: true })
  holdExpiresAt: Date | null;

  @Field(() => BatchStep, {
    nullable: true,
    description:
      "While REQUESTED: the step the hold waits for; holdExpiresAt is the end of that step's deadline day (see deadlines), and the hold lapses only if the step is missed. Null once the batch has left REQUESTED.",
  })
  @Column({ type: 'simple-enum', enum: BatchStep, nullable: true })
  holdWaitsFor: BatchStep | null;

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

  /**
   * The version of its union's funding policy in force when it was requested (null: the defaults):
   * the batch is judged by it even when a version saved later the same day takes effect that day.
   */
  @Column({ type: 'int', nullable: true })
  unionPolicyId: number | null;

  /** The region of the union and of the base when the batch was requested: exchange scoping and figures read them without joins. */
  @Column({ type: 'int', nullable: true })
  unionRegionId: number | null;

  @Column({ type: 'int', nullable: true })
  baseRegionId: number | null;

  /** The exchange agreement it was booked under, if any. */
  @Column({ type: 'int', nullable: true })
  agreementId: number | null;

  @Field(() => BedSource, { description: "Where its beds come from: the base's general capacity or an allotment of its agreement." })
  @Column({ type: 'simple-enum', enum: BedSource, default: BedSource.GENERAL })
  bedSource: BedSource;

  @Column({ type: 'int', nullable: true })
  allotmentId: number | null;

  /** The host benefit when it was requested (a snapshot): later changes to the agreement do not change it. */
  @Column({ type: 'simple-enum', enum: BenefitType, nullable: true })
  benefitType: BenefitType | null;

  /** Fen for a voucher, hundredths of a percent for a discount. */
  @Column({ type: 'bigint', transformer: bigintToNumber, default: 0 })
  benefitAmount: number;

  /**
   * The benefit per person in fen, fixed at request: the voucher, or the discount off the price
   * (rounded half up to the fen). Bills and the exchange balance both use it, so they agree exactly.
   */
  @Column({ type: 'bigint', transformer: bigintToNumber, default: 0 })
  benefitPerPerson: number;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field()
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
