import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CancellationWindow } from './cancellation-policy.js';

/** A base's cancellation policy; a base without a row has DEFAULT_POLICY. */
@Entity('cancellation_policy')
export class CancellationPolicy {
  @PrimaryColumn({ type: 'int' })
  baseId: number;

  @Column({ type: 'simple-json' })
  windows: CancellationWindow[];

  /** What a no-show costs: this percent of the (discounted) package price per person who did not arrive. */
  @Column({ type: 'int', default: 0 })
  noShowPercent: number;

  @Column({ type: 'int', nullable: true })
  updatedById: number | null;

  @Column({ type: 'datetime' })
  updatedAt: Date;
}
