import { Injectable } from '@nestjs/common';
import { BatchLifecycleService } from '@app/booking';
import { DomainException, formatYuan, insertRow, nowToTheSecond, type RequestContext, TransactionRunner } from '@app/shared';
import { recordBillMove } from './bill-history.js';
import { BillQueryService } from './bill-query.service.js';
import { BillAction, BILL_MACHINE } from './bill-transitions.js';
import { Bill, BillKind, BillStatus } from './bill.entity.js';
import { Payment } from './payment.entity.js';
import type { RecordPaymentInput } from './record-payment.input.js';

/** A bill's moves after its issue: payments (the one that completes it makes it PAID) and voiding, each with its history row. */
@Injectable()
export class BillPaymentService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly bills: BillQueryService,
    private readonly lifecycle: BatchLifecycleService,
  ) {}

  /** A bill issued in error: only without payments; the batch can then be billed again. */
  async void(ctx: RequestContext, billId: number, reason: string): Promise<Bill> {
    const why = BILL_MACHINE.reasonFor(BillAction.VOID, reason);
    return this.db.transaction(ctx, async (tx) => {
      const bill = await this.bills.getVisibleOrThrow(tx, billId, 'billId');
      if (bill.status === BillStatus.VOID) throw DomainException.conflict(`Bill ${bill.id} is already void`, { field: 'billId' });
      const hasPayments = () => DomainException.conflict(`Bill ${bill.id} has payments (${formatYuan(bill.paid)} of ${formatYuan(bill.total)}); a paid bill is not voided`, { field: 'billId' });
      if (bill.status === BillStatus.PAID) throw hasPayments();
      const actor = tx.requireActor();
      const move = BILL_MACHINE.plan(BillAction.VOID, bill.status, actor.role, why);
      const voidedAt = nowToTheSecond();
      // Guarded: a payment landing at the same moment makes this match nothing.
      const result = await tx.em
        .createQueryBuilder()
        .update(Bill)
        .set({ status: move.to, activeKey: null, voidedAt, voidReason: move.reason })
        .where('id = :id AND status = :from AND paid = 0', { id: bill.id, from: move.from })
        .execute();
      if (result.affected !== 1) throw hasPayments();
      await recordBillMove(tx.em, bill, move.from, move.to, actor, move.reason, voidedAt);
      return { ...bill, status: move.to, activeKey: null, voidedAt, voidReason: move.reason };
    });
  }

  /**
   * Adds a payment. `paid` grows only through one guarded UPDATE (paid + amount ≤ total, still
   * ISSUED), so concurrent payments can never overpay; the one that completes the bill marks it
   * PAID (with its history row) and settles a completed stay, in the same transaction.
   */
  async recordPayment(ctx: RequestContext, input: RecordPaymentInput): Promise<Bill> {
    const reference = input.reference.trim();
    if (!reference) throw DomainException.badInput('reference', 'Give the transfer or receipt number');
    return this.db.transaction(ctx, async (tx) => {
      const bill = await this.bills.getVisibleOrThrow(tx, input.billId, 'billId');
      const em = tx.em;
      const result = await em
        .createQueryBuilder()
        .update(Bill)
        .set({ paid: () => 'paid + :amount' })
        .where('id = :id AND status = :issued AND paid + :amount <= total', { id: bill.id, issued: BillStatus.ISSUED, amount: input.amount })
        .execute();
      if (result.affected !== 1) {
        const now = await em.findOneByOrFail(Bill, { id: bill.id });
        if (now.status !== BillStatus.ISSUED) throw DomainException.conflict(`Bill ${bill.id} is ${now.status}; it takes no more payments`, { field: 'billId', status: now.status });
        throw DomainException.badInput('amount', `${formatYuan(input.amount)} is more than the ${formatYuan(now.total - now.paid)} outstanding on bill ${bill.id}`, {
          outstanding: formatYuan(now.total - now.paid),
        });
      }
      const recordedAt = nowToTheSecond();
      await insertRow(em, Payment, { billId: bill.id, amount: input.amount, method: input.method, reference, recordedById: tx.actor?.userId ?? null, recordedAt });
      const after = await em.findOneByOrFail(Bill, { id: bill.id });
      if (after.paid === after.total) {
        const actor = tx.requireActor();
        const move = BILL_MACHINE.plan(BillAction.PAY, after.status, actor.role, `completed by payment ${reference}`);
        // The row is ours since the guarded UPDATE above (its lock is held until commit).
        await em.update(Bill, { id: bill.id }, { status: move.to, paidAt: recordedAt });
        await recordBillMove(em, after, move.from, move.to, actor, move.reason, recordedAt);
        after.status = move.to;
        after.paidAt = recordedAt;
        if (after.kind === BillKind.STAY && after.batchId !== null) await this.lifecycle.settle(tx, after.batchId, `bill ${after.id} paid`);
      }
      return after;
    });
  }
}
