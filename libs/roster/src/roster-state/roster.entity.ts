import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { RosterStatus } from './roster-status.js';

/**
 * Where a batch's rooming list stands in the union's approval and public notice (公示). One row per
 * batch, written with the batch's own row locked; a batch without a row has a DRAFT list.
 */
@Entity('roster')
@Index('idx_roster_status_clears', ['status', 'clearsOn'])
export class Roster {
  @PrimaryColumn({ type: 'int' })
  batchId: number;

  @Column({ type: 'simple-enum', enum: RosterStatus, default: RosterStatus.DRAFT })
  status: RosterStatus;

  /** The unguessable token of the public list's link while it is PUBLISHED (or CLEARED); only the union and the admin see it. */
  @Index('uq_roster_token', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  token: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'date', nullable: true })
  clearsOn: string | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}

/** The roster of a batch that has none written yet. */
export function draftRoster(batchId: number): Roster {
  return Object.assign(new Roster(), { batchId, status: RosterStatus.DRAFT, token: null, publishedOn: null, clearsOn: null });
}
