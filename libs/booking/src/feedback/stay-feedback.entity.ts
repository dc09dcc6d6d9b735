import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The organiser's rating of a completed stay: once per batch (the unique index says so under any concurrency). */
@ObjectType({ description: "A union's rating of a completed stay (1–5 each), given once per batch." })
@Entity('stay_feedback')
@Index('uq_feedback_batch', ['batchId'], { unique: true })
@Index('idx_feedback_base', ['baseId'])
@Check('chk_feedback_scores', '"overall" BETWEEN 1 AND 5 AND "lodging" BETWEEN 1 AND 5 AND "meals" BETWEEN 1 AND 5 AND "activities" BETWEEN 1 AND 5 AND "service" BETWEEN 1 AND 5')
export class StayFeedback {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  batchId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  baseId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  unionId: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  overall: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  lodging: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  meals: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  activities: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  service: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;
}
