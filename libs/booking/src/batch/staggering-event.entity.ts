import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a staggering event says about demand for a base's dates (错时化). */
export enum StaggeringKind {
  /** A requestBatch refused for lack of beds or a closed night, counted under the asked arrival. */
  REQUEST_REFUSED = 'REQUEST_REFUSED',
  /** A rescheduleBatch refused for lack of beds or a closed night, counted under the asked new arrival. */
  MOVE_REFUSED = 'MOVE_REFUSED',
  /** A batch moved to another arrival (rescheduleBatch), counted under the arrival it left. */
  MOVED = 'MOVED',
}

/** Why a refusal happened: every bed taken, or a night the base closed. */
export enum RefusalCause {
  FULL = 'FULL',
  CLOSED = 'CLOSED',
}

/**
 * One fact for the federation's staggering figures: a refused request or move, or a move. Refusals
 * are written after the refused booking's transaction rolled back, so they survive it; a move is
 * written in the move's own transaction. Never changed, never read on the booking path. The union,
 * regions and agreement are kept so the figures are scoped like batches.
 */
@Entity('staggering_event')
@Index('idx_staggering_period', ['startDate', 'baseId', 'kind'])
export class StaggeringEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 20 })
  kind: StaggeringKind;

  @Column({ type: 'varchar', length: 10, nullable: true })
  cause: RefusalCause | null;

  @Column({ type: 'int' })
  baseId: number;

  @Column({ type: 'int' })
  unionId: number;

  @Column({ type: 'int', nullable: true })
  unionRegionId: number | null;

  @Column({ type: 'int', nullable: true })
  baseRegionId: number | null;

  @Column({ type: 'int', nullable: true })
  agreementId: number | null;

  /** The batch moved, or whose move was refused; null for a refused request. */
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  /** The arrival the event is counted under: asked (refusals) or left (a move). */
  @Column({ type: 'date' })
  startDate: string;

  /** A move's new arrival. */
  @Column({ type: 'date', nullable: true })
  movedTo: string | null;

  @Column({ type: 'int' })
  headcount: number;

  @Column({ type: 'datetime' })
  at: Date;
}
