import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { bigintToNumber, DateScalar, MoneyScalar } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum ConsumptionCategory {
  LODGING = 'LODGING',
  MEALS = 'MEALS',
  ACTIVITIES = 'ACTIVITIES',
  TRANSPORT = 'TRANSPORT',
  OTHER = 'OTHER',
}
registerEnumType(ConsumptionCategory, { name: 'ConsumptionCategory', description: 'What a batch consumed beyond its package.' });

/**
 * One thing a batch consumed. Never edited or deleted: a correction is a reversing entry (negative
 * amount) that points at the entry it reverses; an entry is reversed at most once.
 */
@ObjectType({ description: 'A consumption entry: what a batch consumed at the base beyond its package. Corrections are reversing entries.' })
@Entity('consumption_entry')
@Index('idx_consumption_batch', ['batchId', 'id'])
@Index('uq_consumption_reverses', ['reversesEntryId'], { unique: true })
export class ConsumptionEntry {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  batchId: number;

  /** Copied from the batch, so billing never reads booking's tables. */
  @Column({ type: 'int' })
  baseId: number;

  @Column({ type: 'int' })
  unionId: number;

  @Field(() => ConsumptionCategory)
  @Column({ type: 'simple-enum', enum: ConsumptionCategory })
  category: ConsumptionCategory;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  description: string;

  @Field(() => Int, { description: 'How many (negative on a reversing entry).' })
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => MoneyScalar)
  @Column({ type: 'bigint', transformer: bigintToNumber })
  unitPrice: number;

  @Field(() => MoneyScalar, { description: 'quantity × unitPrice, exact to the fen.' })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  amount: number;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  occurredOn: string;

  @Field(() => Int, { nullable: true, description: 'On a reversing entry: the entry it cancels out.' })
  @Column({ type: 'int', nullable: true })
  reversesEntryId: number | null;

  @Field(() => String, { nullable: true, description: 'Why an entry was reversed.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;
}
