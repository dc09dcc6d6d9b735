import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, RecordedMove } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentType } from '../participant/identity-document.js';
import { Gender, ParticipantCategory } from '../participant/participant.entity.js';
import { SignUpRoundStatus, SignUpRule, SignUpStatus } from './sign-up-status.js';

@ObjectType({
  description:
    "A batch opened for sign-up (报名) among its union's members until a deadline: at the deadline (or when the organiser closes it) the rule chooses up to `places` of those who signed up for the rooming list, the others a reserve in order.",
})
@Entity('sign_up_round')
@Index('uq_sign_up_round_batch', ['batchId'], { unique: true })
@Index('idx_sign_up_round_due', ['status', 'deadline'])
export class SignUpRound {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { description: 'The batch whose places are given out.' })
  @Column({ type: 'int' })
  batchId: number;

  @Field(() => Int, { description: "The batch's union, whose members sign up." })
  @Column({ type: 'int' })
  unionId: number;

  @Field(() => SignUpRule, { description: 'How the places are given out.' })
  @Column({ type: 'simple-enum', enum: SignUpRule })
  rule: SignUpRule;

  @Field(() => SignUpRoundStatus, { description: 'OPEN until the deadline or the organiser closes it.' })
  @Column({ type: 'simple-enum', enum: SignUpRoundStatus })
  status: SignUpRoundStatus;

  @Field({ description: 'Sign-ups are taken until then; the sign-up sweep closes it then.' })
  @Column({ type: 'datetime' })
  deadline: Date;

  @Field(() => Int, { description: "Places given out: the batch's headcount when opened, unless given lower (fewer when the list already holds people)." })
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
}

@ObjectType({ description: "A worker's sign-up for a batch: ID number and phone masked (encrypted with the data key, as on the rooming list); one per person (document) and batch." })
@Entity('sign_up')
@Index('uq_sign_up_person', ['roundId', 'idNumberHash'], { unique: true })
@Index('uq_sign_up_seq', ['roundId', 'seq'], { unique: true })
@Index('idx_sign_up_batch', ['batchId', 'status'])
export class SignUp {
  @Field(() => Int, { description: 'Its id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  roundId: number;

  @Field(() => Int, { description: 'The batch signed up for.' })
  @Column({ type: 'int' })
  batchId: number;

  @Field(() => Int, { description: "Order of arrival in this batch's sign-up, from 1 (the lottery's input with the seed)." })
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
