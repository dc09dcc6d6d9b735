import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A room block: beds of one base held on a range of nights for a guest region under an exchange
 * agreement. The beds are taken from the base's general capacity when it is created; batches of the
 * agreement draw on it; `releaseDays` before each night what is unused goes back to general sale.
 */
@ObjectType({ description: 'An allotment (room block): beds held at a base for a guest region under an exchange agreement, released to general sale releaseDays before each night.' })
@Entity('allotment')
@Index('idx_allotment_agreement_base', ['agreementId', 'baseId'])
export class Allotment {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  agreementId: number;

  @Column({ type: 'int' })
  baseId: number;

  @Field(() => Int, { description: 'The region whose batches may use it.' })
  @Column({ type: 'int' })
  guestRegionId: number;

  @Field(() => DateScalar, { description: 'First night held.' })
  @Column({ type: 'date', name: 'fromNight' })
  from: string;

  @Field(() => DateScalar, { description: 'Last night held.' })
  @Column({ type: 'date', name: 'toNight' })
  to: string;

  @Field(() => Int, { description: 'Beds held on each night when it was created.' })
  @Column({ type: 'int' })
  beds: number;

  @Field(() => Int, { description: 'Days before each night when its unused beds return to general sale.' })
  @Column({ type: 'int' })
  releaseDays: number;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field()
  @Column({ type: 'datetime' })
  createdAt: Date;
}

/**
 * One night of an allotment. `beds` is what the allotment holds in the base's calendar that night:
 * all of it until the night is released, then only the beds its batches use. `used` changes only
 * with the row locked, and the CHECK is the database's last word.
 */
@ObjectType('AllotmentNight', { description: 'One night of an allotment.' })
@Entity('allotment_night')
@Check('chk_allotment_night_beds', '"used" >= 0 AND "used" <= "beds"')
@Index('idx_allotment_night_release', ['released', 'releaseOn'])
@Index('idx_allotment_night_base', ['baseId', 'night'])
export class AllotmentNight {
  @PrimaryColumn({ type: 'int' })
  allotmentId: number;

  @Field(() => DateScalar, { name: 'date' })
  @PrimaryColumn({ type: 'date' })
  night: string;

  @Column({ type: 'int' })
  baseId: number;

  @Field(() => Int, { description: 'Beds the allotment holds that night: all until released, then only those used.' })
  @Column({ type: 'int' })
  beds: number;

  @Field(() => Int, { description: 'Beds taken by batches of the agreement.' })
  @Column({ type: 'int', default: 0 })
  used: number;

  @Field({ description: 'True once the unused beds went back to general sale.' })
  @Column({ type: 'boolean', default: false })
  released: boolean;

  /** night − releaseDays: the day the sweep releases it. */
  @Field(() => DateScalar, { description: 'The day its unused beds return to general sale.' })
  @Column({ type: 'date' })
  releaseOn: string;
}

export enum AllotmentAction {
  CREATE = 'CREATE',
  RELEASE = 'RELEASE',
}

/** What happened to an allotment: created, or nights released (by whom, when, how many beds). */
@ObjectType('AllotmentEvent', { description: 'A change to an allotment: who, when, which nights, how many beds, why.' })
@Entity('allotment_event')
@Index('idx_allotment_event', ['allotmentId'])
export class AllotmentEvent {
  @Field(() => Int)
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  allotmentId: number;

  @Field(() => String, { description: 'CREATE or RELEASE.' })
  @Column({ type: 'varchar', length: 16 })
  action: AllotmentAction;

  @Field(() => DateScalar)
  @Column({ type: 'date', name: 'fromNight' })
  from: string;

  @Field(() => DateScalar)
  @Column({ type: 'date', name: 'toNight' })
  to: string;

  @Field(() => Int, { description: 'Bed-nights held (CREATE) or returned to general sale (RELEASE).' })
  @Column({ type: 'int' })
  bedNights: number;

  @Field(() => String, { description: 'Who: a username, or "system" for the release sweep.' })
  @Column({ type: 'varchar', length: 50 })
  actorName: string;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Field()
  @Column({ type: 'datetime' })
  at: Date;
}
