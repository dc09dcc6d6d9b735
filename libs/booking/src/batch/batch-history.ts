import { type Actor, insertRow, nowToTheSecond } from '@app/shared';
import type { EntityManager } from 'typeorm';
import { BatchEvent } from './batch-event.entity.js';
import type { BatchStatus } from './batch-status.js';

/** Records one history event in the caller's transaction: who, when, from, to and why. */
export async function appendHistory(em: EntityManager, batchId: number, from: BatchStatus | null, to: BatchStatus, actor: Actor, reason: string | null, at: Date = nowToTheSecond()): Promise<void> {
  await insertRow(em, BatchEvent, { batchId, from, to, actorId: actor.userId, actor: actor.username, reason, at });
}
