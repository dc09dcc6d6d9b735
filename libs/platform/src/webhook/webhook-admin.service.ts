import { Injectable } from '@nestjs/common';
import { Clock, DomainException, Permission, type RequestContext, requireAccess, TransactionRunner } from '@app/shared';
import { PlatformClient } from '../client/platform-client.entity.js';
import { DeliveryStatus, WebhookDelivery } from './webhook-delivery.entity.js';
import { DEAD_AFTER_MS } from './webhook-fan-out.js';

/** What the federation admin sees of deliveries, and the replay. */
@Injectable()
export class WebhookAdminService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** A client's deliveries, newest event first (at most `first`), optionally of one status. */
  async list(ctx: RequestContext, clientId: number, status: DeliveryStatus | null, first: number): Promise<WebhookDelivery[]> {
    requireAccess(ctx, Permission.ManageFederation, {}, { message: 'Only the federation admin sees webhook deliveries' });
    if (!Number.isInteger(first) || first < 1 || first > 500) throw DomainException.badInput('first', `first must be 1–500, got ${first}`);
    return this.db.read(ctx, (em) => em.find(WebhookDelivery, { where: { clientId, ...(status ? { status } : {}) }, order: { outboxId: 'DESC' }, take: first }));
  }

  /**
   * Sends a client's deliveries again from the next sweep on, in their events' order, with a new day
   * before they are dead: without `from` its DEAD ones; with `from` every one (delivered ones too,
   * whose receivers dedupe by event id) made at or after `from`. How many were queued.
   */
  async replay(ctx: RequestContext, clientId: number, from: Date | null): Promise<number> {
    requireAccess(ctx, Permission.ManageFederation, {}, { message: 'Only the federation admin replays webhook deliveries' });
    return this.db.transaction(ctx, async (tx) => {
      const client = await tx.em.findOneBy(PlatformClient, { id: clientId });
      if (!client) throw DomainException.notFound('PlatformClient', clientId, 'clientId');
      if (!client.active) throw DomainException.conflict(`Platform client ${client.clientId} is revoked: nothing is delivered to it`, { field: 'clientId' });
      const now = this.clock.now();
      const qb = tx.em
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({ status: DeliveryStatus.PENDING, nextAttemptAt: now, deadlineAt: new Date(now.getTime() + DEAD_AFTER_MS), deliveredAt: null })
        .where('clientId = :clientId', { clientId });
      if (from) qb.andWhere('createdAt >= :from AND status <> :pending', { from, pending: DeliveryStatus.PENDING });
      else qb.andWhere('status = :dead', { dead: DeliveryStatus.DEAD });
      return (await qb.execute()).affected ?? 0;
    });
  }
}
