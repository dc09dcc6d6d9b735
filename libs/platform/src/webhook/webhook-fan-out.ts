import { Injectable } from '@nestjs/common';
import { UnionService } from '@app/base';
import { OutboxEvent, type RequestContext, TransactionRunner } from '@app/shared';
import { In, IsNull } from 'typeorm';
import { PlatformClient } from '../client/platform-client.entity.js';
import { DeliveryStatus, WebhookDelivery } from './webhook-delivery.entity.js';

/** How long a delivery is retried before it is DEAD. */
export const DEAD_AFTER_MS = 24 * 3600_000;
const PAGE = 200;

/**
 * Whether the client's scope covers the event. An event of a union: that union is in the client's
 * set, or in its region. An event of regions and no union (an agreement, which concerns its two party
 * regions): the client's region is one of them, or a union of its set is in one of them. One event
 * row makes at most one delivery per client, so a client covering both parties still gets it once.
 */
function covers(client: PlatformClient, event: OutboxEvent, regionOf: Map<number, number>): boolean {
  if (event.unionId !== null) {
    if (client.unionIds) return client.unionIds.includes(event.unionId);
    return client.regionId !== null && client.regionId === (event.regionId ?? regionOf.get(event.unionId) ?? null);
  }
  const regions = [event.regionId, event.partnerRegionId].filter((r) => r !== null);
  if (client.unionIds) return client.unionIds.some((u) => regions.includes(regionOf.get(u) ?? -1));
  return client.regionId !== null && regions.includes(client.regionId);
}

/**
 * Turns outbox events into deliveries: one row per event × active client whose scope covers it (see
 * `covers`) and that was registered before the event. Events are
 * taken by `fannedOutAt IS NULL` (not by a cursor on the id), so an event whose transaction commits
 * after a later id's is still found; the (client, event) unique key makes a second fan-out harmless.
 */
@Injectable()
export class WebhookFanOut {
  constructor(
    private readonly db: TransactionRunner,
    private readonly unions: UnionService,
  ) {}

  /** Fans out every pending outbox event; how many deliveries were made. */
  async run(ctx: RequestContext, now: Date): Promise<number> {
    let made = 0;
    for (;;) {
      const page = await this.db.transaction(ctx, async (tx) => {
        const events = await tx.em.find(OutboxEvent, { where: { fannedOutAt: IsNull() }, order: { id: 'ASC' }, take: PAGE });
        if (!events.length) return { events: 0, made: 0 };
        const clients = await tx.em.find(PlatformClient, { where: { active: true } });
        const regionOf = await this.regionsOf(tx, events, clients);
        const rows: Array<Omit<WebhookDelivery, 'id'>> = [];
        for (const event of events) {
          for (const client of clients) {
            if (event.id <= client.fromOutboxId || !covers(client, event, regionOf)) continue;
            rows.push({
              clientId: client.id,
              outboxId: event.id,
              eventId: event.eventId,
              eventType: event.type,
              batchId: event.batchId,
              status: DeliveryStatus.PENDING,
              attempts: 0,
              nextAttemptAt: now,
              lastAttemptAt: null,
              lastStatusCode: null,
              lastError: null,
              deliveredAt: null,
              deadlineAt: new Date(now.getTime() + DEAD_AFTER_MS),
              createdAt: now,
            });
          }
        }
        for (let i = 0; i < rows.length; i += 100) {
          await tx.em
            .createQueryBuilder()
            .insert()
            .into(WebhookDelivery)
            .values(rows.slice(i, i + 100))
            .orIgnore()
            .updateEntity(false)
            .execute();
        }
        await tx.em.update(OutboxEvent, { id: In(events.map((e) => e.id)) }, { fannedOutAt: now });
        return { events: events.length, made: rows.length };
      });
      made += page.made;
      if (page.events < PAGE) return made;
    }
  }

  /**
   * The regions of the unions it takes to decide: of union events that carry none (bills), for
   * region-scoped clients; of union-set clients' unions, when an event names regions only.
   */
  private async regionsOf(ctx: RequestContext, events: OutboxEvent[], clients: PlatformClient[]): Promise<Map<number, number>> {
    const ids = new Set<number>();
    if (clients.some((c) => c.regionId !== null)) for (const e of events) if (e.regionId === null && e.unionId !== null) ids.add(e.unionId);
    if (events.some((e) => e.unionId === null)) for (const c of clients) for (const u of c.unionIds ?? []) ids.add(u);
    if (!ids.size) return new Map();
    const unions = await this.unions.findByIds(ctx, [...ids]);
    return new Map(unions.filter((u) => u !== null).map((u) => [u.id, u.regionId]));
  }
}
