import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { bigintToNumber, MoneyScalar } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum PaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  UNION_FUNDS = 'UNION_FUNDS',
  WECHAT_PAY = 'WECHAT_PAY',
  ALIPAY = 'ALIPAY',
  CASH = 'CASH',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });

@ObjectType({ description: 'Money received against a bill.' })
@Entity('payment')
@Index('idx_payment_bill', ['billId'])
export class Payment {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  billId: number;

  @Field(() => MoneyScalar)
  @Column({ type: 'bigint', transformer: bigintToNumber })
  amount: number;

  @Field(() => PaymentMethod)
  @Column({ type: 'simple-enum', enum: PaymentMethod })
  method: PaymentMethod;

  @Field({ description: 'The transfer or receipt number.' })
  @Column({ type: 'varchar', length: 100 })
  reference: string;

  @Column({ type: 'int', nullable: true })
  recordedById: number | null;

  @Field()
  @Column({ type: 'datetime' })
  recordedAt: Date;
}
