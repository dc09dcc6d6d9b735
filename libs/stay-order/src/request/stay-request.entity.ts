import { Field, Int, ObjectType } from '@nestjs/graphql';
import { bigintToNumber, DateScalar, MoneyScalar, RecordedMove } from '@app/shared';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { StayRequestStatus } from './stay-request-status.js';

@ObjectType({
  description: 'A stay made to order (订单式、定制式): a union says what it wants — dates, nights, people, budget, themes, needs — to one base or several, which answer with quotes.',
})
@Entity('stay_request')
@Index('idx_stay_request_union', ['unionId', 'status'])
@Index('idx_stay_request_region', ['unionRegionId', 'status'])
@Index('idx_stay_request_status_expires', ['status', 'expiresAt'])
export class StayRequest {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { description: 'The union the stay is for.' })
  @Column({ type: 'int' })
  unionId: number;

  /** The union's region, kept so a partner's list is one indexed filter. */
  @Column({ type: 'int' })
  unionRegionId: number;

  @Column({ type: 'int', nullable: true })
  requestedById: number | null;

  @Field({ description: 'Username of who sent it (the organiser, the partner or the admin).' })
  @Column({ type: 'varchar', length: 50 })
  requestedBy: string;

  @Field(() => DateScalar, { description: 'The earliest day of arrival the union accepts.' })
  @Column({ type: 'date' })
  earliestStart: string;

  @Field(() => DateScalar, { description: 'The latest day of arrival the union accepts (equal to earliestStart for fixed dates).' })
  @Column({ type: 'date' })
  latestStart: string;

  @Field(() => Int, { description: 'Nights of the stay.' })
  @Column({ type: 'int' })
  nights: number;

  @Field(() => Int, { description: 'Workers in the group.' })
  @Column({ type: 'int' })
  headcount: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'What the union means to spend per person for the whole stay; null when it did not say.' })
  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  budgetPerPerson: number | null;

  @Field(() => [String], { description: 'What the stay is about, e.g. 康养 (wellness), 红色教育 (red education), 劳模疗养 (model workers’ rest).' })
  @Column({ type: 'simple-json' })
  themes: string[];

  @Field(() => String, { nullable: true, description: 'Dietary needs of the group (清真, 素食, 低糖 …).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  dietNeeds: string | null;

  @Field(() => String, { nullable: true, description: 'Accessibility needs (wheelchairs, ground-floor rooms …).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  accessibilityNeeds: string | null;

  @Field(() => String, { nullable: true, description: 'Anything else, in the union’s words.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @Field(() => StayRequestStatus, { description: 'Where it stands; its history says how it got there.' })
  @Column({ type: 'simple-enum', enum: StayRequestStatus })
  status: StayRequestStatus;

  @Field({ description: 'When it lapses if no quote was accepted: the end of its answerBy day (Asia/Shanghai).' })
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Field(() => Int, { nullable: true, description: 'The quote accepted (ACCEPTED only).' })
  @Column({ type: 'int', nullable: true })
  acceptedQuoteId: number | null;

  @Field(() => Int, { nullable: true, description: 'The REQUESTED batch the accepted quote became (ACCEPTED only).' })
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Field({ description: 'When it was sent.' })
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field({ description: 'When its status last changed.' })
  @Column({ type: 'datetime' })
  updatedAt: Date;
}

/** One base a request was sent to: its operator sees the request and may quote. */
@Entity('stay_request_base')
@Index('idx_stay_request_base_base', ['baseId'])
export class StayRequestBase {
  @PrimaryColumn({ type: 'int' })
  requestId: number;

  @PrimaryColumn({ type: 'int' })
  baseId: number;

  /** When the base declined the request (declineStayRequest); its side of the request ended then. */
  @Column({ type: 'datetime', nullable: true })
  declinedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  declinedBy: string | null;

  @Column({ type: 'int', nullable: true })
  declinedById: number | null;
}

@ObjectType({ description: "A base's refusal of a stay request: its side of the request ended, with why, who and when." })
export class StayRequestDecline {
  @Field(() => Int, { description: 'The base that declined.' })
  baseId: number;

  @Field({ description: 'Why, in the base’s words (the union reads it).' })
  reason: string;

  @Field({ description: 'Username of who declined (the base’s operator or the admin).' })
  declinedBy: string;

  @Field({ description: 'When.' })
  at: Date;
}

@ObjectType({ description: 'One change of a stay request’s status: who, when, from, to and why.' })
@Entity('stay_request_event')
@Index('idx_stay_request_event', ['requestId'])
export class StayRequestEvent extends RecordedMove {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  requestId: number;

  @Field(() => StayRequestStatus, { nullable: true, description: 'Null for the sending.' })
  @Column({ type: 'simple-enum', enum: StayRequestStatus, nullable: true })
  from: StayRequestStatus | null;

  @Field(() => StayRequestStatus, { description: 'The status it moved to.' })
  @Column({ type: 'simple-enum', enum: StayRequestStatus })
  to: StayRequestStatus;
}
