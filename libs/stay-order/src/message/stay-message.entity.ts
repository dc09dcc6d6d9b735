import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Which side of a request's thread wrote a message. */
export enum StayMessageSide {
  UNION = 'UNION',
  BASE = 'BASE',
}

registerEnumType(StayMessageSide, {
  name: 'StayMessageSide',
  description: 'Who wrote a message in a stay request’s thread.',
  valuesMap: { UNION: { description: 'The union’s side: its organiser, its region’s partner or the federation.' }, BASE: { description: 'The base’s operator.' } },
});

/**
 * A message in a stay request's thread with one base: each base talks with the union apart, so
 * competing bases never read each other's questions or answers.
 */
@ObjectType({ description: 'A message in the thread between the union and one base about a stay request: a question, an answer.' })
@Entity('stay_message')
@Index('idx_stay_message_thread', ['requestId', 'baseId'])
export class StayMessage {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { description: 'The stay request it is about.' })
  @Column({ type: 'int' })
  requestId: number;

  @Field(() => Int, { description: 'The base whose thread it is in.' })
  @Column({ type: 'int' })
  baseId: number;

  @Field(() => StayMessageSide, { description: 'Which side wrote it.' })
  @Column({ type: 'simple-enum', enum: StayMessageSide })
  side: StayMessageSide;

  @Field({ description: 'Username of who wrote it.' })
  @Column({ type: 'varchar', length: 50 })
  author: string;

  @Column({ type: 'int', nullable: true })
  authorId: number | null;

  @Field({ description: 'What was written.' })
  @Column({ type: 'varchar', length: 2000 })
  text: string;

  @Field({ description: 'When it was written.' })
  @Column({ type: 'datetime' })
  at: Date;
}
