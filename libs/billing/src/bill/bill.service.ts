import { Injectable } from '@nestjs/common';
import { stayDays, type UnionPolicy, UnionPolicyService, UnionService } from '@app/base';
import { type Batch, BatchLifecycleService, BatchQueryService, batchScope, BatchStatus, BenefitType, canSee, scopeBatches } from '@app/booking';
import { ParticipantService } from '@app/roster';
import {
  checkPageSize,
  type ConnectionShape,
  decodeCursor,
  DomainException,
  formatYuan,
  insertRow,
  isUniqueViolation,
  nowToTheSecond,
  pageNewestFirst,
  type RequestContext,
  TransactionRunner,
} from '@app/shared';
import { In } from 'typeorm';
import { CancellationPolicy } from '../cancellation/cancellation-policy.entity.js';
import { percentOf } from '../cancellation/cancellation-policy.js';
import { ConsumptionService } from '../consumption/consumption.service.js';
import { BillLine, BillLineKind } from './bill-line.entity.js';
import { BillShare } from './bill-share.entity.js';
import { Bill, BillKind, BillStatus } from './bill.entity.js';
import { Payment } from './payment.entity.js';
import type { RecordPaymentInput } from './record-payment.input.js';

export interface BillFilter {
  batchId?: number | null;
  status?: BillStatus | null;
  kind?: BillKind | null;
}

type NewLine = Omit<BillLine, 'id' | 'billId' | 'position'>;

/** Bills and payments: issued from the price snapshot and the consumption entries, paid exactly. */
@Injectable()
export class BillService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
    private readonly lifecycle: BatchLifecycleService,
    private readonly consumption: ConsumptionService,
    private readonly policies: UnionPolicyService,
    private readonly participants: ParticipantService,
    private readonly unions: UnionService,
  ) {}

  /** The stay's bill: the package at its booked price × headcount, then every consumption entry. */
  async issue(ctx: RequestContext, batchId: number): Promise<Bill> {
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.batches.lockVisibleOrThrow(tx, batchId, 'batchId');
      if (batch.status === BatchStatus.CANCELLED) return this.reissueCancellationFee(tx, batch);
      if (batch.status !== BatchStatus.COMPLETED) {
        throw DomainException.wrongState(batch.status, `A stay is billed once it is COMPLETED; batch ${batch.reference} is ${batch.status}`);
      }
      const discount = batch.benefitType === BenefitType.DISCOUNT_PERCENT ? batch.benefitPerPerson : 0;
      const unit = batch.pricePerPerson - discount;
      // The package for the people who arrived; each no-show costs the base's no-show percent of it.
      const arrived = batch.arrivals ?? batch.headcount;
      const noShows = batch.headcount - arrived;
      // Read here, not through CancellationPolicyService, which bills its fees through this service.
      const noShowPercent = noShows > 0 ? ((await tx.em!.findOneBy(CancellationPolicy, { baseId: batch.baseId }))?.noShowPercent ?? 0) : 0;
      const noShowFee = percentOf(unit, noShowPercent);
      const lines: NewLine[] = [
        {
          kind: BillLineKind.PACKAGE,
          description: `${discount ? `Package, ${batch.nights} nights, at the booked price ${formatYuan(batch.pricePerPerson)} less ${formatYuan(batch.benefitAmount)} % (agreement ${batch.agreementId})` : `Package, ${batch.nights} nights, at the booked price`}${noShows > 0 ? `, for the ${arrived} who arrived` : ''}`,
          quantity: arrived,
          unitPrice: unit,
          amount: arrived * unit,
          consumptionEntryId: null,
          batchId: null,
        },
        // Shown even at 0 %: the bill says who did not come.
        ...(noShows > 0
          ? [
              {
                kind: BillLineKind.NO_SHOW,
                description: `No-shows: ${noShowPercent} % of ${formatYuan(unit)} for each of the ${noShows} who did not arrive`,
                quantity: noShows,
                unitPrice: noShowFee,
                amount: noShows * noShowFee,
                consumptionEntryId: null,
                batchId: null,
              },
            ]
          : []),
        ...(batch.benefitType === BenefitType.VOUCHER_PER_PERSON && batch.benefitPerPerson > 0
          ? [
              {
                kind: BillLineKind.VOUCHER,
                // Vouchers count the people who arrived (issue 7).
                description: `Voucher of the host region, ${formatYuan(batch.benefitPerPerson)} per person who checked in (agreement ${batch.agreementId})`,
                quantity: arrived,
                unitPrice: -batch.benefitPerPerson,
                amount: -arrived * batch.benefitPerPerson,
                consumptionEntryId: null,
                batchId: null,
              },
            ]
          : []),
        ...(await this.consumption.entriesInTransaction(tx, batch.id)).map((e) => ({
          kind: BillLineKind.CONSUMPTION,
          description: e.reversesEntryId ? `Reversal of entry ${e.reversesEntryId}: ${e.reason}`.slice(0, 300) : `${e.category}: ${e.description}`,
          quantity: e.quantity,
          unitPrice: e.unitPrice,
          amount: e.amount,
          consumptionEntryId: e.id,
          batchId: null,
        })),
      ];
      // The split by the union's policy in force when the batch was requested.
      const policy = await this.policies.forBatch(tx, batch);
      const days = stayDays(batch.nights);
      // What union funds and the worker pay between them: the host region's voucher comes off first.
      const voucher = batch.benefitType === BenefitType.VOUCHER_PER_PERSON ? batch.benefitPerPerson : 0;
      const perPerson = batch.pricePerPerson - discount - voucher;
      const funding = {
        capPerPersonPerDay: policy.capPerPersonPerDay,
        capPerPersonPerYear: policy.capPerPersonPerYear,
        stayDays: days,
        selfPaidPerPerson: Math.max(0, perPerson - policy.capPerPersonPerDay * days),
      };
      const bill = await this.create(tx, batch, BillKind.STAY, lines, funding);
      await this.recordShares(tx, bill, batch, policy, perPerson - funding.selfPaidPerPerson, perPerson);
      // Nothing to pay (a full discount, no extras): paid as issued, and the stay settled.
      if (bill.status === BillStatus.PAID) await this.lifecycle.settle(tx, batch.id, `bill ${bill.id} is 0.00`);
      return bill;
    });
  }

  /** Called by the cancellation rule inside the cancellation's transaction. */
  issueCancellationFee(tx: RequestContext, batch: Batch, percent: number, daysLeft: number, amount: number): Promise<Bill> {
    const price = formatYuan(batch.pricePerPerson);
    const when = daysLeft === 0 ? 'on the day of arrival' : `${daysLeft} day${daysLeft === 1 ? '' : 's'} before arrival`;
    return this.create(tx, batch, BillKind.CANCELLATION_FEE, [
      {
        kind: BillLineKind.CANCELLATION_FEE,
        description: `Cancelled ${when}: ${percent} % of ${price} × ${batch.headcount}`,
        quantity: 1,
        unitPrice: amount,
        amount,
        consumptionEntryId: null,
        batchId: null,
      },
    ]);
  }

  /** A cancelled batch's fee bill, voided in error, issued again with the same lines (the fee was fixed at cancellation). */
  private async reissueCancellationFee(tx: RequestContext, batch: Batch): Promise<Bill> {
    const voided = await tx.em!.findOne(Bill, { where: { batchId: batch.id, kind: BillKind.CANCELLATION_FEE, status: BillStatus.VOID }, order: { id: 'DESC' } });
    if (!voided) {
      throw DomainException.wrongState(batch.status, `Batch ${batch.reference} was cancelled without a fee bill to issue again; a stay is billed once it is COMPLETED`);
    }
    const lines = await tx.em!.find(BillLine, { where: { billId: voided.id }, order: { position: 'ASC' } });
    return this.create(
      tx,
      batch,
      BillKind.CANCELLATION_FEE,
      lines.map(({ kind, description, quantity, unitPrice, amount, consumptionEntryId }) => ({ kind, description, quantity, unitPrice, amount, consumptionEntryId, batchId: null })),
    );
  }

  /** A bill issued in error: only without payments; the batch can then be billed again. */
  async void(ctx: RequestContext, billId: number, reason: string): Promise<Bill> {
    const why = reason?.trim();
    if (!why) throw DomainException.badInput('reason', 'Give a reason');
    if (why.length > 500) throw DomainException.badInput('reason', `reason is at most 500 characters; got ${why.length}`);
    return this.db.transaction(ctx, async (tx) => {
      const bill = await this.getVisibleOrThrow(tx, billId, 'billId');
      if (bill.status === BillStatus.VOID) throw DomainException.conflict(`Bill ${bill.id} is already void`, { field: 'billId' });
      const voidedAt = nowToTheSecond();
      // Guarded: a payment landing at the same moment makes this match nothing.
      const result = await tx.em!
        .createQueryBuilder()
        .update(Bill)
        .set({ status: BillStatus.VOID, activeKey: null, voidedAt, voidReason: why })
        .where('id = :id AND status = :issued AND paid = 0', { id: bill.id, issued: BillStatus.ISSUED })
        .execute();
      if (result.affected !== 1) {
        throw DomainException.conflict(`Bill ${bill.id} has payments (${formatYuan(bill.paid)} of ${formatYuan(bill.total)}); a paid bill is not voided`, { field: 'billId' });
      }
      return { ...bill, status: BillStatus.VOID, activeKey: null, voidedAt, voidReason: why };
    });
  }

  /**
   * Adds a payment. `paid` grows only through one guarded UPDATE (paid + amount ≤ total, still
   * ISSUED), so concurrent payments can never overpay; the one that completes the bill marks it
   * PAID and settles a completed stay, in the same transaction.
   */
  async recordPayment(ctx: RequestContext, input: RecordPaymentInput): Promise<Bill> {
    const reference = input.reference.trim();
    if (!reference) throw DomainException.badInput('reference', 'Give the transfer or receipt number');
    return this.db.transaction(ctx, async (tx) => {
      const bill = await this.getVisibleOrThrow(tx, input.billId, 'billId');
      const em = tx.em!;
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
        await em.update(Bill, { id: bill.id }, { status: BillStatus.PAID, paidAt: recordedAt });
        after.status = BillStatus.PAID;
        after.paidAt = recordedAt;
        if (after.kind === BillKind.STAY && after.batchId !== null) await this.lifecycle.settle(tx, after.batchId, `bill ${after.id} paid`);
      }
      return after;
    });
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
    return ctx.loadGroup('billsOfBatch', batchId, (ids) => this.db.read(ctx, (em) => em.find(Bill, { where: { batchId: In(ids) }, order: { id: 'ASC' } })), (b) => b.batchId ?? 0);
  }

  lines(ctx: RequestContext, billId: number): Promise<BillLine[]> {
    return ctx.loadGroup('billLines', billId, (ids) => this.db.read(ctx, (em) => em.find(BillLine, { where: { billId: In(ids) }, order: { billId: 'ASC', position: 'ASC' } })), (l) => l.billId);
  }

  payments(ctx: RequestContext, billId: number): Promise<Payment[]> {
    return ctx.loadGroup('billPayments', billId, (ids) => this.db.read(ctx, (em) => em.find(Payment, { where: { billId: In(ids) }, order: { id: 'ASC' } })), (p) => p.billId);
  }

  /**
   * One bill from a base to a host region's federation for the vouchers its exchange batches were
   * granted: a SUBSIDY line per batch. Inside the caller's transaction, which holds the agreement's
   * row lock, so two claims never take the same batch (the caller leaves out those already claimed).
   */
  async issueSubsidyClaim(
    tx: RequestContext,
    claim: { agreementId: number; baseId: number; baseRegionId: number; payerUnionId: number; payerRegionId: number; from: string; to: string; batches: Batch[] },
  ): Promise<Bill> {
    const lines: NewLine[] = claim.batches.map((b) => ({
      kind: BillLineKind.SUBSIDY,
      description: `Batch ${b.reference} (${b.startDate}): voucher ${formatYuan(b.benefitPerPerson)} × ${b.arrivals ?? b.headcount} who checked in`,
      quantity: b.arrivals ?? b.headcount,
      unitPrice: b.benefitPerPerson,
      amount: (b.arrivals ?? b.headcount) * b.benefitPerPerson,
      consumptionEntryId: null,
      batchId: b.id,
    }));
    return this.insertBill(tx, {
      capPerPersonPerDay: null,
      capPerPersonPerYear: null,
      stayDays: null,
      selfPaidPerPerson: 0,
      batchId: null,
      baseId: claim.baseId,
      unionId: claim.payerUnionId,
      agreementId: claim.agreementId,
      unionRegionId: claim.payerRegionId,
      baseRegionId: claim.baseRegionId,
      batchReference: `AG${claim.agreementId} ${claim.from.replace(/-/g, '')}-${claim.to.replace(/-/g, '')}`,
      batchStartDate: claim.from,
      kind: BillKind.SUBSIDY_CLAIM,
      activeKey: null,
    }, lines);
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

  /**
   * Each arrival's share of the package: union funds pay the daily cap's share, but never more in a
   * calendar year (of arrival) than the union's yearly cap per person, counted over its bills of that
   * year that are not void, by keyed hash; the rest is the person's own. The union's row is locked so
   * two bills of one union are counted one after the other.
   */
  private async recordShares(tx: RequestContext, bill: Bill, batch: Batch, policy: UnionPolicy, unionPerPerson: number, perPerson: number): Promise<void> {
    const people = await this.participants.arrivedInTransaction(tx, batch.id);
    if (!people.length) return;
    const year = Number(batch.startDate.slice(0, 4));
    const before = new Map<string, number>();
    const cap = policy.capPerPersonPerYear;
    if (cap !== null) {
      await this.unions.lock(tx, batch.unionId);
      for (let i = 0; i < people.length; i += 500) {
        // A locking read: under REPEATABLE READ a plain one would answer from the snapshot taken before the union's lock was granted.
        const rows = await this.db
          .forShare(tx.em!.createQueryBuilder(BillShare, 's'))
          .innerJoin(Bill, 'b', 'b.id = s.billId')
          .select('s.personHash', 'personHash')
          .addSelect('SUM(s.unionFunded)', 'funded')
          .where('s.unionId = :unionId AND s.year = :year AND b.status <> :void AND s.billId <> :bill', { unionId: batch.unionId, year, void: BillStatus.VOID, bill: bill.id })
          .andWhere('s.personHash IN (:...hashes)', { hashes: people.slice(i, i + 500).map((p) => p.idNumberHash) })
          .groupBy('s.personHash')
          .getRawMany<{ personHash: string; funded: string | number }>();
        for (const r of rows) before.set(r.personHash, Number(r.funded));
      }
    }
    const shares = people.map((p) => {
      const left = cap === null ? unionPerPerson : Math.max(0, cap - (before.get(p.idNumberHash) ?? 0));
      const unionFunded = Math.min(unionPerPerson, left);
      return { billId: bill.id, unionId: batch.unionId, year, participantId: p.id, personHash: p.idNumberHash, unionFunded, selfPaid: perPerson - unionFunded, yearlyCapReached: unionFunded < unionPerPerson };
    });
    for (let i = 0; i < shares.length; i += 200) await tx.em!.createQueryBuilder().insert().into(BillShare).values(shares.slice(i, i + 200)).updateEntity(false).execute();
  }

  /** A stay bill's shares per person who arrived, in participant order; batched per request. */
  shares(ctx: RequestContext, billId: number): Promise<BillShare[]> {
    return ctx.loadGroup('billShares', billId, (ids) => this.db.read(ctx, (em) => em.find(BillShare, { where: { billId: In(ids) }, order: { billId: 'ASC', participantId: 'ASC' } })), (s) => s.billId);
  }

  private create(tx: RequestContext, batch: Batch, kind: BillKind, lines: NewLine[], funding?: Pick<Bill, 'capPerPersonPerDay' | 'capPerPersonPerYear' | 'stayDays' | 'selfPaidPerPerson'>): Promise<Bill> {
    return this.insertBill(tx, {
      capPerPersonPerDay: funding?.capPerPersonPerDay ?? null,
      capPerPersonPerYear: funding?.capPerPersonPerYear ?? null,
      stayDays: funding?.stayDays ?? null,
      selfPaidPerPerson: funding?.selfPaidPerPerson ?? 0,
      batchId: batch.id,
      baseId: batch.baseId,
      unionId: batch.unionId,
      agreementId: batch.agreementId,
      unionRegionId: batch.unionRegionId,
      baseRegionId: batch.baseRegionId,
      batchReference: batch.reference,
      batchStartDate: batch.startDate,
      kind,
      activeKey: `${batch.id}:${kind}`,
    }, lines);
  }

  private async insertBill(
    tx: RequestContext,
    head: Pick<Bill, 'batchId' | 'baseId' | 'unionId' | 'agreementId' | 'unionRegionId' | 'baseRegionId' | 'batchReference' | 'batchStartDate' | 'kind' | 'activeKey' | 'capPerPersonPerDay' | 'capPerPersonPerYear' | 'stayDays' | 'selfPaidPerPerson'>,
    lines: NewLine[],
  ): Promise<Bill> {
    const em = tx.em!;
    const total = lines.reduce((sum, l) => sum + l.amount, 0);
    if (!Number.isSafeInteger(total)) throw new Error(`Bill total for ${head.batchReference} is not an exact integer of fen`);
    const bill = {
      ...head,
      status: total === 0 ? BillStatus.PAID : BillStatus.ISSUED,
      total,
      paid: 0,
      issuedAt: nowToTheSecond(),
      issuedById: tx.actor?.userId ?? null,
      paidAt: total === 0 ? nowToTheSecond() : null,
      voidedAt: null,
      voidReason: null,
    };
    let id: number;
    try {
      id = await insertRow(em, Bill, bill);
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainException.conflict(`Batch ${head.batchReference} already has a ${head.kind} bill that is not void`, { field: 'batchId' });
      throw error;
    }
    for (let i = 0; i < lines.length; i += 200) {
      await em
        .createQueryBuilder()
        .insert()
        .into(BillLine)
        .values(lines.slice(i, i + 200).map((l, k) => ({ ...l, billId: id, position: i + k + 1 })))
        .updateEntity(false)
        .execute();
    }
    return { id, ...bill };
  }
}
