import { registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an operator or admin did to a base's nights. */
export enum CapacityChangeKind {
  CAPACITY = 'CAPACITY',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
}

registerEnumType(CapacityChangeKind, {
  name: 'CapacityChangeKind',
  description: "A change to a base's nights by its operator or an admin.",
  valuesMap: {
    CAPACITY: { description: 'setCapacity: the beds of each night.' },
    CLOSED: { description: 'closeDates: no new bookings on those nights.' },
    REOPENED: { description: 'reopenDates: bookable again.' },
  },
});

/**
 * One setCapacity, closeDates or reopenDates, written in its transaction: who changed which nights
 * of which base, and when. It is what live calendar views follow across API processes (as batch
 * history is for bookings): a process reads the rows others committed.
 */
@Entity('capacity_change')
export class CapacityChange {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  baseId: number;

  @Column({ type: 'simple-enum', enum: CapacityChangeKind })
  kind: CapacityChangeKind;

  /** The first and last night changed. */
  @Column({ type: 'date', name: 'fromNight' })
  from: string;

  @Column({ type: 'date', name: 'toNight' })
  to: string;

  /** The beds set (CAPACITY); null otherwise. */
  @Column({ type: 'int', nullable: true })
  totalBeds: number | null;

  @Column({ type: 'varchar', length: 50 })
  actor: string;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'datetime' })
  at: Date;
}
