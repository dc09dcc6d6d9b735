import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, OutboxEvent, RequestContext, Sweep, TransactionRunner } from '@app/shared';
import { PlatformClient } from '../client/platform-client.entity.js';
import { signPayload } from '../client/client-secrets.js';
import { PlatformClientService } from '../client/platform-client.service.js';
import { DeliveryStatus, WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookFanOut } from './webhook-fan-out.js';

/** Back-off after the n-th failed attempt: 10 s × 2^(n-1), at most an hour, times a jitter of 0.5–1. */
export function backoffMs(attempts: number, random: number = Math.random()): number {
  const base = Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
  return Math.round(base * (0.5 + random / 2));
}

/** How many rounds one sweep run makes: a round sends each batch's next event, the following round the one after. */
const MAX_ROUNDS = 50;
const PAGE = 200;

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * Delivers the outbox by signed webhooks, at least once and in order per batch per client: a
 * delivery is sent only when no earlier event of its batch is still PENDING for that client. Each
 * delivery is claimed by a guarded UPDATE (its attempt count) before its POST, and the POST happens
 * outside any transaction; the sweep itself runs under the database's `sweep:webhook deliveries`
 * lock, so of several API processes one sends at a time, and a second one that got past the lock
 * (it cannot, on MySQL) would still lose the claim.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly fanOut: WebhookFanOut,
    private readonly clients: PlatformClientService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Fans out new events, then sends what is due at `now` round after round; how many deliveries were made or attempted. */
  @Sweep('webhook deliveries', 'webhookSweepSeconds')
  async sweep(now: Date): Promise<number> {
    const ctx = RequestContext.system();
    let changed = await this.fanOut.run(ctx, now);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const due = await this.due(ctx, now);
      if (!due.length) break;
      let delivered = 0;
      for (const delivery of due) {
        const outcome = await this.attempt(ctx, delivery, now);
        if (outcome === null) continue;
        changed++;
        if (outcome.ok) delivered++;
      }
      // Nothing got through: the next events of those batches stay behind the failed ones.
      if (!delivered) break;
    }
    return changed;
  }

  /** PENDING deliveries due at `now` of active clients with no earlier PENDING event of the same batch, oldest event first. */
  private due(ctx: RequestContext, now: Date): Promise<WebhookDelivery[]> {
    return this.db.read(ctx, (em) =>
      em
        .createQueryBuilder(WebhookDelivery, 'd')
        .innerJoin(PlatformClient, 'c', 'c.id = d.clientId AND c.active = :active', { active: true })
        .where('d.status = :pending AND d.nextAttemptAt <= :now', { pending: DeliveryStatus.PENDING, now })
        .andWhere(`NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.clientId = d.clientId AND p.batchId = d.batchId AND p.outboxId < d.outboxId AND p.status = :pending)`)
        .orderBy('d.outboxId', 'ASC')
        .addOrderBy('d.id', 'ASC')
        // limit, not take: the join is one client per delivery, so no DISTINCT pagination is needed.
        .limit(PAGE)
        .getMany(),
    );
  }

  /** One POST of one delivery, if this process wins its claim; null when another got it first. */
  private async attempt(ctx: RequestContext, delivery: WebhookDelivery, now: Date): Promise<Outcome | null> {
    const timeoutMs = this.config.webhookTimeoutSeconds * 1000;
    const claim = await this.db.transaction(ctx, async (tx) => {
      // Held for the POST's time and a minute more: a process that dies mid-POST leaves it due again then.
      const lease = new Date(now.getTime() + timeoutMs + 60_000);
      const result = await tx.em
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set({ attempts: delivery.attempts + 1, nextAttemptAt: lease, lastAttemptAt: now })
        .where('id = :id AND status = :pending AND attempts = :attempts', { id: delivery.id, pending: DeliveryStatus.PENDING, attempts: delivery.attempts })
        .execute();
      if (result.affected !== 1) return null;
      const event = await tx.em.findOneByOrFail(OutboxEvent, { id: delivery.outboxId });
      const client = await tx.em.findOneByOrFail(PlatformClient, { id: delivery.clientId });
      return { event, client };
    });
    if (!claim) return null;
    const attempts = delivery.attempts + 1;
    const outcome = await this.post(claim.client, claim.event, delivery.id, timeoutMs);
    await this.db.transaction(ctx, async (tx) => {
      const qb = tx.em.createQueryBuilder().update(WebhookDelivery).where('id = :id AND status = :pending AND attempts = :attempts', { id: delivery.id, pending: DeliveryStatus.PENDING, attempts });
      if (outcome.ok) {
        await qb.set({ status: DeliveryStatus.DELIVERED, deliveredAt: now, lastStatusCode: outcome.status, lastError: null }).execute();
        return;
      }
      const dead = now.getTime() >= delivery.deadlineAt.getTime();
      if (dead) this.logger.warn(`webhook delivery ${delivery.id} (event ${delivery.eventId}) to client ${claim.client.clientId} is dead after ${attempts} attempts: ${outcome.error}`);
      await qb
        .set({
          status: dead ? DeliveryStatus.DEAD : DeliveryStatus.PENDING,
          nextAttemptAt: dead ? now : new Date(now.getTime() + backoffMs(attempts)),
          lastStatusCode: outcome.status,
          lastError: outcome.error.slice(0, 500),
        })
        .execute();
    });
    return outcome;
  }

  /** The signed POST: body `{id, type, occurredAt, data}`, signature over `<timestamp>.<body>` (the real time, for the receiver's freshness check). */
  private async post(client: PlatformClient, event: OutboxEvent, deliveryId: number, timeoutMs: number): Promise<Outcome> {
    const body = JSON.stringify({ id: event.eventId, type: event.type, occurredAt: event.createdAt.toISOString(), data: JSON.parse(event.payload) as unknown });
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await fetch(client.webhookUrl, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'rr-webhooks/1',
          'x-rr-event-id': event.eventId,
          'x-rr-event-type': event.type,
          'x-rr-delivery-id': String(deliveryId),
          'x-rr-timestamp': String(timestamp),
          'x-rr-signature': signPayload(this.clients.signingSecret(client), timestamp, body),
        },
        body,
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
      return { ok: false, status: res.status, error: `the receiver answered HTTP ${res.status}` };
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
      return { ok: false, status: null, error: why };
    }
  }
}
