import { type Actor, appendOutbox, formatYuan, insertRow, outboxActor } from '@app/shared';
import type { EntityManager } from 'typeorm';
import { BillEvent } from './bill-event.entity.js';
import type { Bill, BillStatus } from './bill.entity.js';

/** What a bill's outbox event says about it. */
export type MovedBill = Pick<Bill, 'id' | 'batchId' | 'unionId' | 'kind' | 'total' | 'paid'>;

const EVENT_TYPES: Partial<Record<BillStatus, string>> = { ISSUED: 'bill.issued', PAID: 'bill.paid', VOID: 'bill.voided' };

/**
 * Records one move of a bill in the caller's transaction: who, when, from (null at issue), to and
 * why, and its outbox event (`bill.issued`, `bill.paid`, `bill.voided`), ordered with its batch's.
 */
export async function recordBillMove(em: EntityManager, bill: MovedBill, from: BillStatus | null, to: BillStatus, actor: Actor, reason: string | null, at: Date): Promise<void> {
  await insertRow(em, BillEvent, { billId: bill.id, from, to, actor: actor.username, actorId: actor.userId, reason, at });
  await appendOutbox(em, {
    type: EVENT_TYPES[to] ?? 'bill.status_changed',
    batchId: bill.batchId,
    unionId: bill.unionId,
    data: { billId: bill.id, batchId: bill.batchId, unionId: bill.unionId, kind: bill.kind, total: formatYuan(bill.total), paid: formatYuan(bill.paid), from, to, reason, by: outboxActor(actor) },
    at,
  });
}
