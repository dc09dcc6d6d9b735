import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { bigintToNumber, MoneyScalar } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum BillLineKind {
  PACKAGE = 'PACKAGE',
  CONSUMPTION = 'CONSUMPTION',
  CANCELLATION_FEE = 'CANCELLATION_FEE',
  NO_SHOW = 'NO_SHOW',
  VOUCHER = 'VOUCHER',
  SUBSIDY = 'SUBSIDY',
}
registerEnumType(BillLineKind, {
  name: 'BillLineKind',
  valuesMap: {
    PACKAGE: { description: 'The package at the booked price (less an exchange discount) × headcount.' },
    CONSUMPTION: { description: 'One consumption entry (or its reversal).' },
    CANCELLATION_FEE: { description: "The cancellation fee by the base's policy." },
    NO_SHOW: { description: "The base's no-show fee for each person on the list who did not arrive." },
    VOUCHER: { description: "The host region's voucher per person × people who checked in: a negative line." },
    SUBSIDY: { description: 'On a subsidy claim: the vouchers one batch was granted, which the host federation pays back.' },
  },
});

/** One line: the package at its booked price × headcount, one consumption entry, or a fee. */
@ObjectType({ description: 'A line of a bill; amount = quantity × unitPrice except for a fee, which says how it was computed.' })
@Entity('bill_line')
@Index('idx_bill_line_bill', ['billId', 'position'])
export class BillLine {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  billId: number;

  @Column({ type: 'int' })
  position: number;

  /** On a subsidy claim: the batch whose vouchers the line claims (so a batch is never claimed twice). */
  @Field(() => Int, { nullable: true, description: 'On a subsidy claim: the batch whose vouchers this line claims.' })
  @Index('idx_bill_line_batch')
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Field(() => BillLineKind)
  @Column({ type: 'simple-enum', enum: BillLineKind })
  kind: BillLineKind;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => MoneyScalar)
  @Column({ type: 'bigint', transformer: bigintToNumber })
  unitPrice: number;

  @Field(() => MoneyScalar)
  @Column({ type: 'bigint', transformer: bigintToNumber })
  amount: number;

  @Field(() => Int, { nullable: true, description: 'The consumption entry this line bills.' })
  @Column({ type: 'int', nullable: true })
  consumptionEntryId: number | null;
}
