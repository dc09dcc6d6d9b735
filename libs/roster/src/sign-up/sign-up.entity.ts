import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, RecordedMove } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentType } from '../participant/identity-document.js';
import { Gender, ParticipantCategory } from '../participant/participant.entity.js';
import { SignUpRoundStatus, SignUpRule, SignUpStatus } from './sign-up-status.js';

@ObjectType({
  description:
    "A batch — or a trip not yet booked (package, arrival day, places) — opened for sign-up (报名) among its union's members until a deadline: at the deadline (or when the organiser closes it) the rule chooses up to `places` of those who signed up for the rooming list, the others a reserve in order. A trip is booked then, as a batch for as many as were selected.",
})
@Entity('sign_up_round')
@Index('uq_sign_up_round_batch', ['batchId'], { unique: true })
@Index('idx_sign_up_round_due', ['status', 'deadline'])
export class SignUpRound {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { nullable: true, description: 'The batch whose places are given out; for a trip, the batch it was booked as at the closing (null until then, and when NOT_BOOKED).' })
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Field(() => Int, { description: "The union whose members sign up: the batch's, or the organiser's for a trip." })
  @Column({ type: 'int' })
  unionId: number;

  @Field(() => Int, { nullable: true, description: 'A trip not yet booked: its package (which fixes the base and the nights); null for a batch opened for sign-up.' })
  @Column({ type: 'int', nullable: true })
  packageId: number | null;

  @Field(() => Int, { nullable: true, description: "A trip: the package's base; null for a batch." })
  @Column({ type: 'int', nullable: true })
  baseId: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'A trip: the day of arrival; null for a batch (see the batch).' })
  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: "A trip: the day of departure (arrival plus the package's nights); null for a batch." })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => SignUpRule, { description: 'How the places are given out.' })
  @Column({ type: 'simple-enum', enum: SignUpRule })
  rule: SignUpRule;

  @Field(() => SignUpRoundStatus, { description: 'OPEN until the deadline or the organiser closes it.' })
  @Column({ type: 'simple-enum', enum: SignUpRoundStatus })
  status: SignUpRoundStatus;

  @Field({ description: 'Sign-ups are taken until then; the sign-up sweep closes it then.' })
  @Column({ type: 'datetime' })
  deadline: Date;

  @Field(() => Int, {
    description:
      "Places given out: the batch's headcount when opened, unless given lower (fewer when the list already holds people); for a trip, the headcount wanted (the batch is booked for the number selected, at most this).",
  })
  @Column({ type: 'int' })
  places: number;

  @Field(() => String, { nullable: true, description: 'LOTTERY: the recorded seed of the draw (sha256("<seed>:<seq>") orders the sign-ups); null for the other rules.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  seed: string | null;

  @Field({ description: 'Username of who opened it.' })
  @Column({ type: 'varchar', length: 50 })
  openedBy: string;

  @Column({ type: 'int', nullable: true })
  openedById: number | null;

  @Field({ description: 'When it was opened.' })
  @Column({ type: 'datetime' })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it closed and the places were given out.' })
  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who closed it: a username, or "system" at the deadline.' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  closedBy: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "NOT_BOOKED: why, as a code — TOO_FEW_SIGN_UPS (fewer eligible sign-ups than the package's smallest group), TOO_LATE (closed on or after the day the rooming list freezes), or the booking's own error code (CAPACITY_EXCEEDED when the beds are gone, BAD_USER_INPUT, POLICY_VIOLATION, …); null otherwise.",
  })
  @Column({ type: 'varchar', length: 40, nullable: true })
  notBookedCode: string | null;

  @Field(() => String, { nullable: true, description: "NOT_BOOKED: why, in words (the booking's own message when it refused); null otherwise." })
  @Column({ type: 'varchar', length: 500, nullable: true })
  notBookedReason: string | null;
}

@ObjectType({
  description:
    "A worker's sign-up for a batch or a trip not yet booked: ID number and phone masked (encrypted with the data key, as on the rooming list); one per person (document) and sign-up round.",
})
@Entity('sign_up')
@Index('uq_sign_up_person', ['roundId', 'idNumberHash'], { unique: true })
@Index('uq_sign_up_seq', ['roundId', 'seq'], { unique: true })
@Index('idx_sign_up_batch', ['batchId', 'status'])
export class SignUp {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { description: 'The sign-up round (signUpRound) it belongs to.' })
  @Column({ type: 'int' })
  roundId: number;

  @Field(() => Int, { nullable: true, description: 'The batch signed up for; for a trip, null until it is booked at the closing (and for good when NOT_BOOKED).' })
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Field(() => Int, { description: "Order of arrival in this round's sign-up, from 1 (the lottery's input with the seed)." })
  @Column({ type: 'int' })
  seq: number;

  @Field(() => SignUpStatus, { description: 'Where it stands; history says how it got there.' })
  @Column({ type: 'simple-enum', enum: SignUpStatus })
  status: SignUpStatus;

  @Field({ description: '姓名, as on the identity document.' })
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => Gender, { description: '性别.' })
  @Column({ type: 'simple-enum', enum: Gender })
  gender: Gender;

  @Field(() => DocumentType, { description: 'The identity document.' })
  @Column({ type: 'simple-enum', enum: DocumentType })
  documentType: DocumentType;

  @Column({ type: 'varchar', length: 120 })
  idNumberCipher: string;

  /** The same keyed hash as Participant.idNumberHash: the same person on any list or sign-up. */
  @Column({ type: 'varchar', length: 64 })
  idNumberHash: string;

  @Field({ description: 'The document number masked, e.g. "440102********123X".' })
  @Column({ type: 'varchar', length: 24 })
  idNumberMasked: string;

  @Column({ type: 'varchar', length: 120 })
  phoneCipher: string;

  @Field({ description: 'The phone masked, e.g. "138****5678".' })
  @Column({ type: 'varchar', length: 16 })
  phoneMasked: string;

  @Field({ description: '工作单位.' })
  @Column({ type: 'varchar', length: 100 })
  employer: string;

  @Field(() => ParticipantCategory, { description: 'The category of worker.' })
  @Column({ type: 'simple-enum', enum: ParticipantCategory })
  category: ParticipantCategory;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dietaryNeeds: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Arrival day of their latest earlier stay that went ahead (as Participant.lastStayDate), as of signing up and again at the closing; null if they never went.',
  })
  @Column({ type: 'date', nullable: true })
  lastStayDate: string | null;

  @Field(() => Int, { nullable: true, description: 'While RESERVE: their place in the reserve, from 1 (the next to move up).' })
  @Column({ type: 'int', nullable: true })
  reservePosition: number | null;

  @Field(() => Int, { nullable: true, description: 'Once SELECTED: their entry on the rooming list.' })
  @Column({ type: 'int', nullable: true })
  participantId: number | null;

  @Field({ description: 'Username of who posted it.' })
  @Column({ type: 'varchar', length: 50 })
  createdBy: string;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field({ description: 'When it arrived.' })
  @Column({ type: 'datetime' })
  createdAt: Date;

  @Field({ description: 'When its status last changed.' })
  @Column({ type: 'datetime' })
  updatedAt: Date;
}

@ObjectType({ description: 'One move of a sign-up: who (or "system"), when, from, to and why.' })
@Entity('sign_up_event')
@Index('idx_sign_up_event', ['signUpId'])
export class SignUpEvent extends RecordedMove {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  signUpId: number;

  @Field(() => SignUpStatus, { nullable: true, description: 'Null for the signing up.' })
  @Column({ type: 'simple-enum', enum: SignUpStatus, nullable: true })
  from: SignUpStatus | null;

  @Field(() => SignUpStatus, { description: 'The status it moved to.' })
  @Column({ type: 'simple-enum', enum: SignUpStatus })
  to: SignUpStatus;
}
