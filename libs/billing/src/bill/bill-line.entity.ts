import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { bigintToNumber, MoneyScalar } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum BillLineKind {
  PACKAGE = 'PACKAGE',
  CONSUMPTION = 'CONSUMPTION',
  CANCELLATION_FEE = 'CANCELLATION_FEE',
}
registerEnumType(BillLineKind, { name: 'BillLineKind' });

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
