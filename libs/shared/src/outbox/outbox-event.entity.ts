import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change that other systems may follow (a batch's status or headcount, its roster, its bills, an
 * agreement between two regions), written in the same transaction as the change itself: it exists if
 * and only if the change committed. The platform module fans each event out to the webhook
 * deliveries of the clients whose scope covers it; `id` is the order, `eventId` the identity a
 * receiver dedupes by.
 */
@Entity('outbox_event')
@Index('idx_outbox_event_pending', ['fannedOutAt', 'id'])
@Index('uq_outbox_event_event', ['eventId'], { unique: true })
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  /** The event's public id (a UUID), the same in every delivery and replay of it. */
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  /** e.g. `batch.status_changed`, `roster.status_changed`, `bill.issued`. */
  @Column({ type: 'varchar', length: 50 })
  type: string;

  /** The ordering key: events of one batch are delivered to a client in `id` order. */
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  /** For scoping: the union the event concerns and that union's region. */
  @Column({ type: 'int', nullable: true })
  unionId: number | null;

  @Column({ type: 'int', nullable: true })
  regionId: number | null;

  /**
   * An event between two regions and no union (an agreement): the second region, so that one event
   * (one id) reaches the clients of either party, each once.
   */
  @Column({ type: 'int', nullable: true })
  partnerRegionId: number | null;

  /** The event's `data`, as JSON text. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'datetime' })
  createdAt: Date;

  /** When the delivery rows for it were made (null: not yet). */
  @Column({ type: 'datetime', nullable: true })
  fannedOutAt: Date | null;
}
