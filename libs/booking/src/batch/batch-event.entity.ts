import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BatchStatus } from './batch-status.js';

@ObjectType({ description: "One entry of a batch's history: a status move or a headcount change, with who, when and why." })
@Entity('batch_event')
@Index('idx_batch_event_batch', ['batchId', 'id'])
export class BatchEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  batchId: number;

  @Field(() => BatchStatus, { nullable: true, description: 'null for the request that created the batch.' })
  @Column({ name: 'fromStatus', type: 'simple-enum', enum: BatchStatus, nullable: true })
  from: BatchStatus | null;

  @Field(() => BatchStatus)
  @Column({ name: 'toStatus', type: 'simple-enum', enum: BatchStatus })
  to: BatchStatus;

  @Field({ description: 'When it happened.' })
  @CreateDateColumn({ type: 'datetime' })
  at: Date;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field({ description: 'Username of who did it, or "system".' })
  @Column({ type: 'varchar', length: 50 })
  actor: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;
}
