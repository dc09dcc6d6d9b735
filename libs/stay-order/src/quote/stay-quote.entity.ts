import { Field, Int, ObjectType } from '@nestjs/graphql';
import { bigintToNumber, DateScalar, MoneyScalar, RecordedMove } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StayQuoteStatus } from './stay-quote-status.js';

@ObjectType({ description: 'A base’s answer to a stay request: the stay it would make, at what price, with a programme per day, valid until a date.' })
@Entity('stay_quote')
@Index('idx_stay_quote_request', ['requestId', 'status'])
@Index('idx_stay_quote_base', ['baseId', 'status'])
@Index('idx_stay_quote_status_valid', ['status', 'validUntil'])
export class StayQuote {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { description: 'The stay request it answers.' })
  @Column({ type: 'int' })
  requestId: number;

  @Field(() => Int, { description: 'The base that quotes.' })
  @Column({ type: 'int' })
  baseId: number;

  @Field(() => DateScalar, { description: 'The day of arrival the base offers, within the request’s earliestStart…latestStart.' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => MoneyScalar, { description: 'Price per person for the whole stay, as the batch will be booked at.' })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  pricePerPerson: number;

  @Field({ description: 'What the price includes (lodging, meals, visits, transport …).' })
  @Column({ type: 'varchar', length: 1000 })
  includes: string;

  @Field(() => [String], { description: 'The programme, one line per day (day 1 first).' })
  @Column({ type: 'simple-json' })
  programme: string[];

  @Field(() => DateScalar, { description: 'The last day it may be accepted; it expires by the sweep after that.' })
  @Column({ type: 'date' })
  validUntil: string;

  @Field(() => StayQuoteStatus, { description: 'Where it stands; its history says how it got there, and why.' })
  @Column({ type: 'simple-enum', enum: StayQuoteStatus })
  status: StayQuoteStatus;

  @Field(() => Int, { nullable: true, description: 'The private package it became when accepted.' })
  @Column({ type: 'int', nullable: true })
  packageId: number | null;

  @Field(() => Int, { nullable: true, description: 'The REQUESTED batch it became when accepted.' })
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Field({ description: 'Username of the operator (or admin) who sent it.' })
  @Column({ type: 'varchar', length: 50 })
  quotedBy: string;

  @Column({ type: 'int', nullable: true })
  quotedById: number | null;

  @Field({ description: 'When it was sent.' })
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field({ description: 'When its status last changed.' })
  @Column({ type: 'datetime' })
  updatedAt: Date;
}

@ObjectType({ description: 'One change of a quote’s status: who, when, from, to and why (a declined quote’s reason is here).' })
@Entity('stay_quote_event')
@Index('idx_stay_quote_event', ['quoteId'])
export class StayQuoteEvent extends RecordedMove {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  quoteId: number;

  @Field(() => StayQuoteStatus, { nullable: true, description: 'Null for the sending.' })
  @Column({ type: 'simple-enum', enum: StayQuoteStatus, nullable: true })
  from: StayQuoteStatus | null;

  @Field(() => StayQuoteStatus, { description: 'The status it moved to.' })
  @Column({ type: 'simple-enum', enum: StayQuoteStatus })
  to: StayQuoteStatus;
}
