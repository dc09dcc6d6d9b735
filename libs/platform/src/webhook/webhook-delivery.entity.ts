import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where one event stands for one client.',
  valuesMap: {
    PENDING: { description: 'Not yet answered with 2xx: tried again at nextAttemptAt.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    DEAD: { description: 'Failed for a day: no longer tried until the admin replays it.' },
  },
});

@ObjectType({ description: "One outbox event for one platform client: its webhook's attempts and outcome." })
@Entity('webhook_delivery')
@Index('uq_webhook_delivery_client_event', ['clientId', 'outboxId'], { unique: true })
@Index('idx_webhook_delivery_due', ['status', 'nextAttemptAt'])
@Index('idx_webhook_delivery_order', ['clientId', 'batchId', 'outboxId'])
export class WebhookDelivery {
  @Field(() => Int, { description: 'The delivery id, sent as X-RR-Delivery-Id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field(() => Int, { description: "The client's row id." })
  @Column({ type: 'int' })
  clientId: number;

  /** The outbox event's row id: the order of a batch's events. */
  @Column({ type: 'int' })
  outboxId: number;

  @Field({ description: 'The event id (X-RR-Event-Id): the same in every attempt and replay.' })
  @Column({ type: 'varchar', length: 36 })
  eventId: string;

  @Field({ description: 'The event type, e.g. batch.status_changed.' })
  @Column({ type: 'varchar', length: 50 })
  eventType: string;

  @Field(() => Int, { nullable: true, description: 'The batch it is about: its events reach a client in order.' })
  @Column({ type: 'int', nullable: true })
  batchId: number | null;

  @Field(() => DeliveryStatus, { description: 'Pending, delivered or dead.' })
  @Column({ type: 'simple-enum', enum: DeliveryStatus })
  status: DeliveryStatus;

  @Field(() => Int, { description: 'POSTs made so far.' })
  @Column({ type: 'int' })
  attempts: number;

  @Field({ description: 'When it is tried next (while PENDING).' })
  @Column({ type: 'datetime' })
  nextAttemptAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was last tried.' })
  @Column({ type: 'datetime', nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status at the last attempt (null: no answer)." })
  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the receiver answered 2xx.' })
  @Column({ type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Field({ description: 'A failure after this makes it DEAD (a day after it was made or replayed).' })
  @Column({ type: 'datetime' })
  deadlineAt: Date;

  @Field({ description: 'When it was made (the event fanned out to this client).' })
  @Column({ type: 'datetime' })
  createdAt: Date;
}
