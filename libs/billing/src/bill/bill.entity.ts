import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { bigintToNumber, DateScalar, MoneyScalar } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum BillKind {
  STAY = 'STAY',
  CANCELLATION_FEE = 'CANCELLATION_FEE',
  SUBSIDY_CLAIM = 'SUBSIDY_CLAIM',
}
registerEnumType(BillKind, {
  name: 'BillKind',
  valuesMap: {
    STAY: { description: 'The stay: package × headcount and the consumption.' },
    CANCELLATION_FEE: { description: "A confirmed batch cancelled inside the base's fee window." },
    SUBSIDY_CLAIM: { description: "A base's claim on a host region's federation for the vouchers it granted to exchange batches, one line per batch." },
  },
});

export enum BillStatus {
  ISSUED = 'ISSUED',
  PAID = 'PAID',
  VOID = 'VOID',
}
registerEnumType(BillStatus, {
  name: 'BillStatus',
  valuesMap: { ISSUED: { description: 'Awaiting payment (partly paid or not).' }, PAID: { description: 'Payments sum to the total.' }, VOID: { description: 'Issued in error; may be issued again.' } },
});

/**
 * A bill for one batch. `total` is the sum of its lines and never changes; `paid` only grows, by a
 * guarded UPDATE that keeps it ≤ total. At most one bill of each kind per batch is not void
 * (`activeKey`, unique, is null once void).
 */
@ObjectType({ description: 'A bill for one batch: lines that trace to the price snapshot or to consumption entries, and payments against it.' })
@Entity('bill')
@Index('uq_bill_active', ['activeKey'], { unique: true })
@Index('idx_bill_batch', ['batchId'])
// Covering index for statistics: period, state, the grouping columns and the sums.
@Index('idx_bill_period', ['batchStartDate', 'status', 'baseId', 'unionId', 'total', 'paid'])
export class Bill {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { nullable: true, description: 'The batch billed; null on a subsidy claim, whose lines name their batches.' })
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  baseId: number;

  @Field(() => Int, { description: "The union that pays: the batch's, or on a subsidy claim the host region's federation." })
  @Column({ type: 'int' })
  unionId: number;

  /** The batch's exchange agreement and regions (copied when issued): scoping and exchange figures need no join. */
  @Field(() => Int, { nullable: true, description: 'The exchange agreement of the batch (or of the claim).' })
  @Column({ type: 'int', nullable: true })
  agreementId: number | null;

  @Column({ type: 'int', nullable: true })
  unionRegionId: number | null;

  @Column({ type: 'int', nullable: true })
  baseRegionId: number | null;

  @Field({ description: "The batch's reference, for the bill's reader (on a subsidy claim: the agreement and period)." })
  @Column({ type: 'varchar', length: 32 })
  batchReference: string;

  /** The batch's arrival day: statistics count a bill in the period of its stay (a claim: its period's first day). */
  @Field(() => DateScalar)
  @Column({ type: 'date' })
  batchStartDate: string;

  @Field(() => BillKind)
  @Column({ type: 'simple-enum', enum: BillKind })
  kind: BillKind;

  @Field(() => BillStatus)
  @Column({ type: 'simple-enum', enum: BillStatus })
  status: BillStatus;

  @Field(() => MoneyScalar)
  @Column({ type: 'bigint', transformer: bigintToNumber })
  total: number;

  @Field(() => MoneyScalar)
  @Column({ type: 'bigint', transformer: bigintToNumber })
  paid: number;

  /** `batchId:kind` while not void; null once void, so a void bill can be issued again. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  activeKey: string | null;

  /** The union's cap per person per day and the stay's days when a STAY bill was issued (the policy of the batch's request date). */
  @Column({ type: 'bigint', transformer: bigintToNumber, nullable: true })
  capPerPersonPerDay: number | null;

  @Column({ type: 'int', nullable: true })
  stayDays: number | null;

  /** The union's yearly cap per person from union funds when the bill was issued; null for none. */
  @Column({ type: 'bigint', transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) }, nullable: true })
  capPerPersonPerYear: number | null;

  /** Of the package price per person, what the union's funds do not cover (自费). */
  @Column({ type: 'bigint', transformer: bigintToNumber, default: 0 })
  selfPaidPerPerson: number;

  @Field()
  @Column({ type: 'datetime' })
  issuedAt: Date;

  @Column({ type: 'int', nullable: true })
  issuedById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  paidAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  voidedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;
}
