import { Injectable } from '@nestjs/common';
import { stayDays, type UnionPolicy, UnionPolicyService, UnionService } from '@app/base';
import { type Batch, BatchLifecycleService, BatchQueryService, BatchStatus, BenefitType, discountPerPerson } from '@app/booking';
import { ParticipantQueryService } from '@app/roster';
import { DomainException, formatYuan, insertRow, isUniqueViolation, nowToTheSecond, type RequestContext, SYSTEM_ACTOR, TransactionRunner, type TxContext } from '@app/shared';
import { CancellationPolicy } from '../cancellation/cancellation-policy.entity.js';
import { percentOf } from '../cancellation/cancellation-policy.js';
import { ConsumptionService } from '../consumption/consumption.service.js';
import { recordBillMove } from './bill-history.js';
import { BillLine, BillLineKind } from './bill-line.entity.js';
import { BillShare } from './bill-share.entity.js';
import { BillAction, BILL_MACHINE } from './bill-transitions.js';
import { Bill, BillKind, BillStatus } from './bill.entity.js';

type NewLine = Omit<BillLine, 'id' | 'billId' | 'position'>;

/**
 * Issuing bills — a stay's, a cancellation fee, a subsidy claim — from the price snapshot and the
 * consumption entries, each with its issue in the bill's history.
 */
@Injectable()
export class BillIssueService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
    private readonly lifecycle: BatchLifecycleService,
    private readonly consumption: ConsumptionService,
    private readonly policies: UnionPolicyService,
    private readonly participants: ParticipantQueryService,
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
      const discount = discountPerPerson(batch.benefitType, batch.benefitPerPerson);
      const unit = batch.pricePerPerson - discount;
      // The package for the people who arrived; each no-show costs the base's no-show percent of it.
      const arrived = batch.arrivals ?? batch.headcount;
      const noShows = batch.headcount - arrived;
      // Read in the bill's transaction (CancellationPolicyService reads outside it, batched per request).
      const noShowPercent = noShows > 0 ? ((await tx.em.findOneBy(CancellationPolicy, { baseId: batch.baseId }))?.noShowPercent ?? 0) : 0;
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
  issueCancellationFee(tx: TxContext, batch: Batch, percent: number, daysLeft: number, amount: number): Promise<Bill> {
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
  private async reissueCancellationFee(tx: TxContext, batch: Batch): Promise<Bill> {
    const voided = await tx.em.findOne(Bill, { where: { batchId: batch.id, kind: BillKind.CANCELLATION_FEE, status: BillStatus.VOID }, order: { id: 'DESC' } });
    if (!voided) {
      throw DomainException.wrongState(batch.status, `Batch ${batch.reference} was cancelled without a fee bill to issue again; a stay is billed once it is COMPLETED`);
    }
    const lines = await tx.em.find(BillLine, { where: { billId: voided.id }, order: { position: 'ASC' } });
    return this.create(
      tx,
      batch,
      BillKind.CANCELLATION_FEE,
      lines.map(({ kind, description, quantity, unitPrice, amount, consumptionEntryId }) => ({ kind, description, quantity, unitPrice, amount, consumptionEntryId, batchId: null })),
    );
  }

  /**
   * One bill from a base to a host region's federation for the vouchers its exchange batches were
   * granted: a SUBSIDY line per batch. Inside the caller's transaction, which holds the agreement's
   * row lock, so two claims never take the same batch (the caller leaves out those already claimed).
   */
  async issueSubsidyClaim(
    tx: TxContext,
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
    return this.insertBill(
      tx,
      {
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
      },
      lines,
    );
  }

  /**
   * Each arrival's share of the package: union funds pay the daily cap's share, but never more in a
   * calendar year (of arrival) than the union's yearly cap per person, counted over its bills of that
   * year that are not void, by keyed hash; the rest is the person's own. The union's row is locked so
   * two bills of one union are counted one after the other.
   */
  private async recordShares(tx: TxContext, bill: Bill, batch: Batch, policy: UnionPolicy, unionPerPerson: number, perPerson: number): Promise<void> {
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
          .forShare(tx.em.createQueryBuilder(BillShare, 's'))
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
      return {
        billId: bill.id,
        unionId: batch.unionId,
        year,
        participantId: p.id,
        personHash: p.idNumberHash,
        unionFunded,
        selfPaid: perPerson - unionFunded,
        yearlyCapReached: unionFunded < unionPerPerson,
      };
    });
    for (let i = 0; i < shares.length; i += 200)
      await tx.em
        .createQueryBuilder()
        .insert()
        .into(BillShare)
        .values(shares.slice(i, i + 200))
        .updateEntity(false)
        .execute();
  }

  private create(tx: TxContext, batch: Batch, kind: BillKind, lines: NewLine[], funding?: Pick<Bill, 'capPerPersonPerDay' | 'capPerPersonPerYear' | 'stayDays' | 'selfPaidPerPerson'>): Promise<Bill> {
    return this.insertBill(
      tx,
      {
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
      },
      lines,
    );
  }

  private async insertBill(
    tx: TxContext,
    head: Pick<
      Bill,
      | 'batchId'
      | 'baseId'
      | 'unionId'
      | 'agreementId'
      | 'unionRegionId'
      | 'baseRegionId'
      | 'batchReference'
      | 'batchStartDate'
      | 'kind'
      | 'activeKey'
      | 'capPerPersonPerDay'
      | 'capPerPersonPerYear'
      | 'stayDays'
      | 'selfPaidPerPerson'
    >,
    lines: NewLine[],
  ): Promise<Bill> {
    const em = tx.em;
    const total = lines.reduce((sum, l) => sum + l.amount, 0);
    if (!Number.isSafeInteger(total)) throw new Error(`Bill total for ${head.batchReference} is not an exact integer of fen`);
    const issuer = tx.actor ?? SYSTEM_ACTOR;
    const issuedAt = nowToTheSecond();
    // Nothing to pay (a full discount, no extras): the system pays it as it is issued.
    const paidAsIssued = total === 0 ? BILL_MACHINE.plan(BillAction.PAY, BillStatus.ISSUED, 'SYSTEM', 'nothing to pay: the total is 0.00') : null;
    const bill = {
      ...head,
      status: paidAsIssued?.to ?? BillStatus.ISSUED,
      total,
      paid: 0,
      issuedAt,
      issuedById: issuer.userId,
      paidAt: paidAsIssued ? issuedAt : null,
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
    await recordBillMove(em, { id, ...bill }, null, BillStatus.ISSUED, issuer, null, issuedAt);
    if (paidAsIssued) await recordBillMove(em, { id, ...bill }, paidAsIssued.from, paidAsIssued.to, SYSTEM_ACTOR, paidAsIssued.reason, issuedAt);
    return { id, ...bill };
  }
}
