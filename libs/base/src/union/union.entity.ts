import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType('Union', { description: 'A trade union (工会) that sends batches of its workers to bases.' })
@Entity('trade_union')
export class TradeUnion {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field({ description: 'Short unique code, e.g. "GZ".' })
  @Index('uq_union_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /**
   * Nullable only so a database from before regions migrates in place (the migration fills every
   * row); every union and base created since names its region.
   */
  @Field(() => Int, { description: 'The region it belongs to.' })
  @Index('idx_union_region')
  @Column({ type: 'int', nullable: true })
  regionId: number;

  @Field({ description: "The city the union belongs to: its region's name, e.g. 广州." })
  @Column({ type: 'varchar', length: 50 })
  city: string;

  @Field(() => Int, { nullable: true, description: 'Members, as the union declares them (setUnionMemberCount): the base of its coverage.' })
  @Column({ type: 'int', nullable: true })
  memberCount: number | null;

  @Field()
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
