import { Injectable } from '@nestjs/common';
import { batchScope, canSee, scopeBatches } from '@app/booking';
import { checkPageSize, type ConnectionShape, decodeCursor, DomainException, pageNewestFirst, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import type { BilledStays } from '../consumption/billed-stays.js';
import { BillEvent } from './bill-event.entity.js';
import { BillLine, BillLineKind } from './bill-line.entity.js';
import { BillShare } from './bill-share.entity.js';
import { Bill, BillKind, BillStatus } from './bill.entity.js';
import { Payment } from './payment.entity.js';

export interface BillFilter {
  batchId?: number | null;
  status?: BillStatus | null;
  kind?: BillKind | null;
}

/** Reading bills as the caller may see them: one, a page, a batch's, and each bill's lines, payments, shares and history (batched per request). */
@Injectable()
export class BillQueryService implements BilledStays {
  constructor(private readonly db: TransactionRunner) {}

  async activeStayBillId(tx: TxContext, batchId: number): Promise<number | null> {
    return (await tx.em.findOneBy(Bill, { activeKey: `${batchId}:${BillKind.STAY}` }))?.id ?? null;
  }

  async getVisibleOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Bill> {
    const bill = await this.db.read(ctx, (em) => em.findOneBy(Bill, { id }));
    if (!bill || !canSee(batchScope(ctx), bill)) throw DomainException.notFound('Bill', id, field);
    return bill;
  }

  async list(ctx: RequestContext, filter: BillFilter, first: number, after: string | null | undefined): Promise<ConnectionShape<Bill>> {
    checkPageSize(first);
    const afterId = after ? decodeCursor(after) : null;
    const scope = batchScope(ctx);
    if ('none' in scope) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    return this.db.read(ctx, (em) =>
      pageNewestFirst(
        () => {
          const qb = em.createQueryBuilder(Bill, 'bill');
          scopeBatches(qb, scope, 'bill');
          if (filter.batchId != null) qb.andWhere('bill.batchId = :batchId', { batchId: filter.batchId });
          if (filter.status) qb.andWhere('bill.status = :status', { status: filter.status });
          if (filter.kind) qb.andWhere('bill.kind = :kind', { kind: filter.kind });
          return qb;
        },
        'bill',
        first,
        afterId,
      ),
    );
  }

  /** The bills of a batch the caller can see, oldest first; batched per request. */
  forBatch(ctx: RequestContext, batchId: number): Promise<Bill[]> {
    return ctx.loadGroup(
      'billsOfBatch',
      batchId,
      (ids) => this.db.read(ctx, (em) => em.find(Bill, { where: { batchId: In(ids) }, order: { id: 'ASC' } })),
      (b) => b.batchId ?? 0,
    );
  }

  lines(ctx: RequestContext, billId: number): Promise<BillLine[]> {
    return ctx.loadGroup(
      'billLines',
      billId,
      (ids) => this.db.read(ctx, (em) => em.find(BillLine, { where: { billId: In(ids) }, order: { billId: 'ASC', position: 'ASC' } })),
      (l) => l.billId,
    );
  }

  payments(ctx: RequestContext, billId: number): Promise<Payment[]> {
    return ctx.loadGroup(
      'billPayments',
      billId,
      (ids) => this.db.read(ctx, (em) => em.find(Payment, { where: { billId: In(ids) }, order: { id: 'ASC' } })),
      (p) => p.billId,
    );
  }

  /** A stay bill's shares per person who arrived, in participant order; batched per request. */
  shares(ctx: RequestContext, billId: number): Promise<BillShare[]> {
    return ctx.loadGroup(
      'billShares',
      billId,
      (ids) => this.db.read(ctx, (em) => em.find(BillShare, { where: { billId: In(ids) }, order: { billId: 'ASC', participantId: 'ASC' } })),
      (s) => s.billId,
    );
  }

  /** A bill's moves, oldest first: its issue, then the payment that completed it or its voiding; batched per request. */
  history(ctx: RequestContext, billId: number): Promise<BillEvent[]> {
    return ctx.loadGroup(
      'billHistory',
      billId,
      (ids) => this.db.read(ctx, (em) => em.find(BillEvent, { where: { billId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.billId,
    );
  }

  /** Of the batches given, those on a subsidy claim that is not void, with that claim's bill id. */
  async claimedLines(ctx: RequestContext, batchIds: number[]): Promise<Map<number, number>> {
    if (!batchIds.length) return new Map();
    const rows: Array<{ batchId: number; billId: number }> = [];
    for (let i = 0; i < batchIds.length; i += 500) {
      const chunk = batchIds.slice(i, i + 500);
      rows.push(
        ...(await this.db.read(ctx, (em) =>
          em
            .createQueryBuilder(BillLine, 'l')
            .innerJoin(Bill, 'bill', 'bill.id = l.billId')
            .select('l.batchId', 'batchId')
            .addSelect('l.billId', 'billId')
            .where('l.batchId IN (:...chunk) AND l.kind = :subsidy AND bill.status <> :void', { chunk, subsidy: BillLineKind.SUBSIDY, void: BillStatus.VOID })
            .getRawMany<{ batchId: number; billId: number }>(),
        )),
      );
    }
    return new Map(rows.map((r) => [Number(r.batchId), Number(r.billId)]));
  }
}
