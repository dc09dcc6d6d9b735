import { Field, Int, ObjectType } from '@nestjs/graphql';
import { bigintToNumber, DateScalar, MoneyScalar } from '@app/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A union's funding rules from `effectiveFrom` on: a batch is judged by the version in force on the
 * day it was requested, so a new cap never changes batches already booked.
 */
@ObjectType({ description: "A version of a union's funding policy (经费使用规定), in force from effectiveFrom until the next version." })
@Entity('union_policy')
@Index('uq_union_policy_version', ['unionId', 'effectiveFrom'], { unique: true })
export class UnionPolicy {
  /** 0 for the defaults of a union that has set none. */
  @Field(() => Int, { description: '0 for the defaults, before the union sets its own.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  unionId: number;

  @Field(() => DateScalar, { description: 'Batches requested on or after this day follow this version.' })
  @Column({ type: 'date' })
  effectiveFrom: string;

  @Field(() => MoneyScalar, { description: 'Union funds pay at most this per person per day (default 600.00); the rest is the worker’s own share (自费).' })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  capPerPersonPerDay: number;

  @Field(() => Int, { description: 'Longest trip in days, counting the days of departure and return: 4 nights are 5 days (default 5).' })
  @Column({ type: 'int' })
  maxDaysPerTrip: number;

  @Field(() => Int, { description: 'Most days per person per calendar year, across every batch they are on (default 5).' })
  @Column({ type: 'int' })
  maxDaysPerYear: number;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'Union funds per person per calendar year at most, over the union’s stay bills that are not void; the rest is the person’s own share. None when null.',
  })
  @Column({ type: 'bigint', transformer: bigintToNumber, nullable: true })
  capPerPersonPerYear: number | null;

  @Field(() => MoneyScalar, { description: 'Accident insurance a batch needs before check-in, at least (default 1,000,000.00).' })
  @Column({ type: 'bigint', transformer: bigintToNumber })
  insuranceMinimum: number;

  @Field({ description: 'Whether rosters are approved and publicly posted (公示) before the base may confirm (default yes).' })
  @Column({ type: 'boolean' })
  publicationRequired: boolean;

  @Field(() => Int, { description: 'Working days a roster stays posted (default 3).' })
  @Column({ type: 'int' })
  publicationWorkingDays: number;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'datetime', nullable: true })
  createdAt: Date | null;
}

/** What a union follows before it sets a policy of its own (Guangdong's rules). */
export const DEFAULT_POLICY: Omit<UnionPolicy, 'unionId'> = Object.freeze({
  id: 0,
  effectiveFrom: '2000-01-01',
  capPerPersonPerDay: 600_00,
  maxDaysPerTrip: 5,
  maxDaysPerYear: 5,
  capPerPersonPerYear: null,
  insuranceMinimum: 1_000_000_00,
  publicationRequired: true,
  publicationWorkingDays: 3,
  createdById: null,
  createdAt: null,
});
