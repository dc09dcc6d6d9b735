import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { insertRow } from '../database/entity-sql.js';
import type { Actor } from '../context/actor.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** What one change tells the outside world. */
export interface OutboxEntry {
  type: string;
  batchId: number | null;
  unionId: number | null;
  /** The union's region, when the caller has it at hand. */
  regionId?: number | null;
  /** With `unionId` null: the other region of an event between two (an agreement's partner). */
  partnerRegionId?: number | null;
  data: Record<string, unknown>;
  at: Date;
}

/** How an event names who acted: a person's role (never their name), a platform client, or the system. */
export function outboxActor(actor: Actor): { role: string; clientId?: string } {
  return actor.clientRef ? { role: actor.role, clientId: actor.clientRef } : { role: actor.role };
}

/**
 * Writes one outbox event in the caller's transaction (one INSERT): it commits or rolls back with
 * the change it describes. Delivery happens later, after commit (the platform module's sweep).
 */
export async function appendOutbox(em: EntityManager, entry: OutboxEntry): Promise<void> {
  await insertRow(em, OutboxEvent, {
    eventId: randomUUID(),
    type: entry.type,
    batchId: entry.batchId,
    unionId: entry.unionId,
    regionId: entry.regionId ?? null,
    partnerRegionId: entry.partnerRegionId ?? null,
    payload: JSON.stringify(entry.data),
    createdAt: entry.at,
    fannedOutAt: null,
  });
}
