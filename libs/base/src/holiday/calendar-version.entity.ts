import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1) whose version goes up in every transaction that changes the working calendar. A
 * booking reads it with its package (no extra round trip), and each API process keeps the whole
 * calendar in memory until the version it reads differs: the calendar costs no query per booking,
 * yet a change made through another process is seen by the next booking.
 */
@Entity('calendar_version')
export class CalendarVersion {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  version: number;
}
