import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RecordedMove } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BillStatus } from './bill.entity.js';

/** One move of a bill: its issue (from null), the payment that completed it, or its voiding; who, when, why. */
@ObjectType({ description: 'One change of a bill’s status: its issue, the payment that completed it, or its voiding.' })
@Entity('bill_event')
@Index('idx_bill_event_bill', ['billId', 'id'])
export class BillEvent extends RecordedMove {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  billId: number;

  @Field(() => BillStatus, { nullable: true, description: 'null for the issue that created the bill.' })
  @Column({ type: 'simple-enum', enum: BillStatus, nullable: true })
  from: BillStatus | null;

  @Field(() => BillStatus)
  @Column({ type: 'simple-enum', enum: BillStatus })
  to: BillStatus;
}
