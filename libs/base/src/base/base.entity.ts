import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A rest-and-recuperation base (疗休养基地) that hosts batches of workers.' })
@Entity('base')
export class Base {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field({ description: 'Short unique code, e.g. "YF-XX01".' })
  @Index('uq_base_code', { unique: true })
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
  @Index('idx_base_region')
  @Column({ type: 'int', nullable: true })
  regionId: number;

  @Field({ description: 'County or district, e.g. 新兴县.' })
  @Column({ type: 'varchar', length: 50 })
  county: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Field(() => Int, { description: "The rooming list of a batch freezes this many days before its arrival; after that only the base's operator changes it." })
  @Column({ type: 'int', default: 3 })
  rosterCutoffDays: number;

  @Field({ description: 'True for the demo data loaded into an empty embedded database.' })
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Field()
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
