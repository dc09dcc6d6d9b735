import { Field, Int, ObjectType } from '@nestjs/graphql';
import { bigintToNumber, MoneyScalar } from '@app/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The longest stay a package offers (create, update and a stay request say so too). */
export const MAX_PACKAGE_NIGHTS = 30;

@ObjectType({ description: 'A stay a base offers (线路/套餐): so many nights, lodging, meals and visits, at a price per person.' })
@Entity('package')
@Index('idx_package_base', ['baseId'])
export class Package {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  baseId: number;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => Int, { description: 'Nights of the stay; a 4-night package is 5 days.' })
  @Column({ type: 'int' })
  nights: number;

  @Field(() => MoneyScalar, { description: "Today's price per person for the whole stay; a batch keeps the price it was booked at." })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  pricePerPerson: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  minGroupSize: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  maxGroupSize: number;

  @Field({ description: 'Inactive packages cannot be booked; existing batches keep them.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A package made to order (an accepted stay quote) for this union alone: only its people, the base and its region’s partner see it. Null: on general sale.',
  })
  @Column({ type: 'int', nullable: true })
  privateForUnionId: number | null;

  @Field()
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
