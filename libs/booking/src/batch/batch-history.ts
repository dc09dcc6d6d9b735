import { type Actor, appendOutbox, insertRow, nowToTheSecond, outboxActor } from '@app/shared';
import type { EntityManager } from 'typeorm';
import { BatchEvent } from './batch-event.entity.js';
import type { Batch } from './batch.entity.js';
import type { BatchStatus } from './batch-status.js';

/** What the outbox event says about the batch: enough for a receiver to follow it without asking. */
export type HistoryBatch = Pick<Batch, 'id' | 'reference' | 'unionId' | 'baseId' | 'unionRegionId' | 'startDate' | 'endDate' | 'headcount'>;

/** A change that keeps the status (a headcount change, a move to other dates), for the outbox event. */
export interface SameStatusChange {
  type: 'batch.headcount_changed' | 'batch.rescheduled';
  data: Record<string, unknown>;
}

/**
 * Records one history event in the caller's transaction — who, when, from, to and why — and its
 * outbox event (`batch.status_changed` for a status move, including the request that created the
 * batch; `change` for a move that keeps the status): two INSERTs, every batch move goes through here.
 */
export async function appendHistory(
  em: EntityManager,
  batch: HistoryBatch,
  from: BatchStatus | null,
  to: BatchStatus,
  actor: Actor,
  reason: string | null,
  at: Date = nowToTheSecond(),
  change?: SameStatusChange,
): Promise<void> {
  await insertRow(em, BatchEvent, { batchId: batch.id, from, to, actorId: actor.userId, actor: actor.username, reason, at });
  const about = { batchId: batch.id, reference: batch.reference, unionId: batch.unionId, baseId: batch.baseId, startDate: batch.startDate, endDate: batch.endDate, headcount: batch.headcount };
  await appendOutbox(em, {
    type: change?.type ?? 'batch.status_changed',
    batchId: batch.id,
    unionId: batch.unionId,
    regionId: batch.unionRegionId,
    data: { ...about, from, to, reason, by: outboxActor(actor), ...change?.data },
    at,
  });
}
