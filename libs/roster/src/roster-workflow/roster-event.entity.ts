import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordedMove } from '@app/shared';
import { RosterStatus } from '../roster-state/roster-status.js';

/** One move of a roster through approval and public notice: who, when, from, to, why. */
@ObjectType({ description: 'One move of a rooming list through approval and public notice.' })
@Entity('roster_event')
@Index('idx_roster_event_batch', ['batchId', 'id'])
export class RosterEvent extends RecordedMove {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  batchId: number;

  @Field(() => RosterStatus)
  @Column({ type: 'simple-enum', enum: RosterStatus })
  from: RosterStatus;

  @Field(() => RosterStatus)
  @Column({ type: 'simple-enum', enum: RosterStatus })
  to: RosterStatus;
}
