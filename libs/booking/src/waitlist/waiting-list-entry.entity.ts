import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, RecordedMove } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { WaitingListStatus } from './waiting-list-status.js';

@ObjectType({
  description:
    'A request that did not fit, waiting for beds at its base (in order of arrival): when beds come back and all its nights fit, they are held for it (OFFERED) and its union may accept them as a REQUESTED batch until offerExpiresAt.',
})
@Entity('waiting_list_entry')
@Index('uq_waiting_list_idempotency', ['unionId', 'idempotencyKeyHash'], { unique: true })
@Index('idx_waiting_list_queue', ['status', 'baseId', 'id'])
@Index('idx_waiting_list_offer', ['status', 'offerExpiresAt'])
@Index('idx_waiting_list_expiry', ['status', 'expiresAt'])
@Index('idx_waiting_list_union', ['unionId', 'status'])
export class WaitingListEntry {
  @Field(() => Int, { description: 'Its id; a lower id arrived earlier and is offered first at its base.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => WaitingListStatus, { description: 'Where it stands; history says how it got there.' })
  @Column({ type: 'simple-enum', enum: WaitingListStatus })
  status: WaitingListStatus;

  @Field(() => Int, { description: 'The union it waits for.' })
  @Column({ type: 'int' })
  unionId: number;

  @Column({ type: 'int' })
  unionRegionId: number;

  @Field(() => Int, { description: 'The base whose beds it waits for.' })
  @Column({ type: 'int' })
  baseId: number;

  @Column({ type: 'int' })
  baseRegionId: number;

  @Field(() => Int, { description: 'The package it would book.' })
  @Column({ type: 'int' })
  packageId: number;

  @Field(() => DateScalar, { description: 'Day of arrival.' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => Int, { description: "Nights of the stay (the package's nights when it joined): the nights startDate … startDate + nights − 1 must all fit." })
  @Column({ type: 'int' })
  nights: number;

  @Field(() => Int, { description: 'Beds it needs on each night.' })
  @Column({ type: 'int' })
  headcount: number;

  @Field(() => DateScalar, { description: 'The last day it still wants an answer: still WAITING at the end of that day, it expires.' })
  @Column({ type: 'date' })
  answerBy: string;

  @Field({ description: 'When it expires unless offered beds: the end of answerBy (Asia/Shanghai).' })
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When beds were last offered to it (status OFFERED or after).' })
  @Column({ type: 'datetime', nullable: true })
  offeredAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'While OFFERED: the beds are held for it until then (WAITLIST_OFFER_HOURS after the offer); unanswered, the offer lapses.' })
  @Column({ type: 'datetime', nullable: true })
  offerExpiresAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The REQUESTED batch the accepted offer became.' })
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Field(() => Int, { nullable: true, description: 'The exchange agreement the batch would be booked under (required of a PARTNER, as for requestBatch).' })
  @Column({ type: 'int', nullable: true })
  agreementId: number | null;

  @Field(() => String, { nullable: true, description: 'Notes, carried to the batch.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKeyHash: string | null;

  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Field({ description: 'Username of who put it on the list.' })
  @Column({ type: 'varchar', length: 50 })
  createdBy: string;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field({ description: 'When it joined the list (its place in the queue).' })
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field({ description: 'When its status last changed.' })
  @Column({ type: 'datetime' })
  updatedAt: Date;
}

@ObjectType({ description: 'One move of a waiting-list entry: who (or "system"), when, from, to and why.' })
@Entity('waiting_list_event')
@Index('idx_waiting_list_event', ['entryId'])
export class WaitingListEvent extends RecordedMove {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  entryId: number;

  @Field(() => WaitingListStatus, { nullable: true, description: 'Null for the joining.' })
  @Column({ type: 'simple-enum', enum: WaitingListStatus, nullable: true })
  from: WaitingListStatus | null;

  @Field(() => WaitingListStatus, { description: 'The status it moved to.' })
  @Column({ type: 'simple-enum', enum: WaitingListStatus })
  to: WaitingListStatus;
}
