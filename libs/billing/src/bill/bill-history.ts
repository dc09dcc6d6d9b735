import { type Actor, insertRow } from '@app/shared';
import type { EntityManager } from 'typeorm';
import { BillEvent } from './bill-event.entity.js';
import type { BillStatus } from './bill.entity.js';

/** Records one move of a bill in the caller's transaction: who, when, from (null at issue), to and why. */
export async function recordBillMove(em: EntityManager, billId: number, from: BillStatus | null, to: BillStatus, actor: Actor, reason: string | null, at: Date): Promise<void> {
  await insertRow(em, BillEvent, { billId, from, to, actor: actor.username, actorId: actor.userId, reason, at });
}
