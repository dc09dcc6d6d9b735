import { Injectable } from '@nestjs/common';
import { AllotmentDrawService, CapacityService, checkGroupSize, PackageService } from '@app/base';
import { Clock, DomainException, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { assertMaySendFor } from './batch-access.js';
import { appendHistory } from './batch-history.js';
import { BatchHoldService, toTheSecond } from './batch-hold.service.js';
import { BatchQueryService } from './batch-query.service.js';
import { BatchRules } from './batch-rules.js';
import { BatchAction, BatchStatus } from './batch-status.js';
import { BATCH_MACHINE, planTransition } from './batch-transitions.js';
import { Batch } from './batch.entity.js';
import { BedSource } from './bed-source.js';

/** A REQUESTED batch whose hold ran out no longer holds its beds, whether or not the sweep has run yet. */
function refuseLapsedHold(batch: Batch, to: BatchStatus, now: Date): void {
  if (batch.status === BatchStatus.REQUESTED && batch.holdExpiresAt && batch.holdExpiresAt <= now) {
    throw DomainException.invalidTransition(
      batch.status,
      to,
      `The hold on batch ${batch.reference} expired at ${batch.holdExpiresAt.toISOString()}; its beds are being given back. Request the batch again.`,
    );
  }
}

/**
 * Moves batches through the lifecycle. Each move is one transaction: the batch row is locked, the
 * transition table decides, beds are given back where the new state holds none, and the history
 * event is written — all or nothing.
 */
@Injectable()
export class BatchLifecycleService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly queries: BatchQueryService,
    private readonly capacity: CapacityService,
    private readonly allotments: AllotmentDrawService,
    private readonly packages: PackageService,
    private readonly rules: BatchRules,
    private readonly clock: Clock,
    private readonly holds: BatchHoldService,
  ) {}

  /** REQUESTED → CONFIRMED, while the hold lasts. */
  confirm(ctx: RequestContext, id: number): Promise<Batch> {
    return this.transition(ctx, id, BatchAction.CONFIRM, null, (batch) => refuseLapsedHold(batch, BatchStatus.CONFIRMED, this.clock.now()));
  }

  reject(ctx: RequestContext, id: number, reason: string): Promise<Batch> {
    return this.transition(ctx, id, BatchAction.REJECT, reason);
  }

  cancel(ctx: RequestContext, id: number, reason: string): Promise<Batch> {
    return this.transition(ctx, id, BatchAction.CANCEL, reason, (batch) => assertMaySendFor(ctx, batch));
  }

  /**
   * CONFIRMED → CHECKED_IN, not before the day of arrival (Asia/Shanghai), with who actually arrived
   * (everyone on the list when `arrivedParticipantIds` is null): bills, vouchers and person-visits
   * count the arrivals.
   */
  checkIn(ctx: RequestContext, id: number, arrivedParticipantIds: number[] | null = null): Promise<Batch> {
    return this.db.transaction(ctx, async (tx) => {
      const locked = await this.queries.lockVisibleOrThrow(tx, id);
      const batch = await this.apply(tx, locked, BatchAction.CHECK_IN, null, (b) => {
        const today = this.clock.today();
        if (today < b.startDate) {
          throw DomainException.invalidTransition(b.status, BatchStatus.CHECKED_IN, `The batch arrives on ${b.startDate}; it cannot check in before then (today is ${today})`);
        }
      });
      const arrivals = await this.rules.arrivals(tx, batch, arrivedParticipantIds);
      await tx.em.update(Batch, { id: batch.id }, { arrivals });
      return { ...batch, arrivals };
    });
  }

  /** CHECKED_IN → COMPLETED, not before the morning of departure (endDate, Asia/Shanghai): the last night is still to be slept. */
  complete(ctx: RequestContext, id: number): Promise<Batch> {
    return this.transition(ctx, id, BatchAction.COMPLETE, null, (batch) => {
      const today = this.clock.today();
      if (today < batch.endDate) {
        throw DomainException.invalidTransition(
          batch.status,
          BatchStatus.COMPLETED,
          `Batch ${batch.reference} stays until ${batch.endDate}; it can be completed from that morning on, not before (today is ${today})`,
        );
      }
    });
  }

  /** COMPLETED → SETTLED when its bill is paid; joins the caller's (payment's) transaction. */
  settle(ctx: RequestContext, id: number, reason: string): Promise<Batch> {
    return this.transition(ctx, id, BatchAction.SETTLE, reason);
  }

  /** REQUESTED → EXPIRED for the hold sweep; false when the batch moved on meanwhile. */
  async expire(ctx: RequestContext, id: number, now: Date): Promise<boolean> {
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.queries.lockVisibleOrThrow(tx, id);
      if (batch.status !== BatchStatus.REQUESTED || !batch.holdExpiresAt || batch.holdExpiresAt > now) return false;
      await this.apply(tx, batch, BatchAction.EXPIRE, await this.holds.lapseReason(tx, batch));
      return true;
    });
  }

  /** Takes or gives back the difference in beds on every night; only while REQUESTED or CONFIRMED. */
  async changeHeadcount(ctx: RequestContext, id: number, headcount: number): Promise<Batch> {
    if (!Number.isInteger(headcount) || headcount < 1) throw DomainException.badInput('headcount', `headcount must be at least 1, got ${headcount}`);
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.queries.lockVisibleOrThrow(tx, id);
      const actor = tx.requireActor();
      assertMaySendFor(tx, batch);
      if (batch.status !== BatchStatus.REQUESTED && batch.status !== BatchStatus.CONFIRMED) {
        throw DomainException.invalidTransition(batch.status, batch.status, `The headcount of a ${batch.status} batch cannot change; only while REQUESTED or CONFIRMED`);
      }
      refuseLapsedHold(batch, batch.status, this.clock.now());
      const pkg = await this.packages.getOrThrow(tx, batch.packageId);
      checkGroupSize(pkg, headcount);
      const delta = headcount - batch.headcount;
      if (delta === 0) return batch;
      await this.rules.beforeHeadcountChange(tx, batch, headcount);
      const em = tx.em;
      const updatedAt = toTheSecond(this.clock.now());
      await em.update(Batch, { id: batch.id }, { headcount, updatedAt });
      await appendHistory(em, { ...batch, headcount }, batch.status, batch.status, actor, `headcount ${batch.headcount} → ${headcount}`, updatedAt, {
        type: 'batch.headcount_changed',
        data: { previousHeadcount: batch.headcount },
      });
      if (batch.bedSource === BedSource.ALLOTMENT) await this.allotments.adjust(tx, batch.allotmentId!, batch.startDate, batch.nights, delta);
      else await this.capacity.adjust(tx, batch.baseId, batch.startDate, batch.nights, delta);
      return { ...batch, headcount, updatedAt };
    });
  }

  /** The reason is checked as the table asks before anything is loaded: a blank required one is BAD_USER_INPUT whatever the batch. */
  private async transition(ctx: RequestContext, id: number, action: BatchAction, reason: string | null, guard?: (batch: Batch) => void): Promise<Batch> {
    BATCH_MACHINE.reasonFor(action, reason);
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.queries.lockVisibleOrThrow(tx, id);
      return this.apply(tx, batch, action, reason, guard);
    });
  }

  /** To the pool they came from: the allotment (or general sale where its night was released), or general capacity. */
  private async giveBackBeds(tx: TxContext, batch: Batch): Promise<void> {
    if (batch.bedSource === BedSource.ALLOTMENT) await this.allotments.giveBack(tx, batch.allotmentId!, batch.startDate, batch.nights, batch.headcount);
    else await this.capacity.release(tx, batch.baseId, batch.startDate, batch.nights, batch.headcount);
  }

  /** Applies one row of the transition table to a locked batch, inside the caller's transaction. */
  private async apply(tx: TxContext, batch: Batch, action: BatchAction, reason: string | null, guard?: (batch: Batch) => void): Promise<Batch> {
    const actor = tx.requireActor();
    const plan = planTransition(action, batch.status, actor.role, reason);
    guard?.(batch);
    await this.rules.beforeTransition(tx, batch, plan.to);
    const em = tx.em;
    const updatedAt = toTheSecond(this.clock.now());
    const result = await em
      .createQueryBuilder()
      .update(Batch)
      .set({ status: plan.to, holdExpiresAt: null, holdWaitsFor: null, updatedAt })
      .where('id = :id AND status = :from', { id: batch.id, from: plan.from })
      .execute();
    if (result.affected !== 1) throw new Error(`Batch ${batch.id} changed under a row lock (${plan.from} → ${plan.to})`);
    await appendHistory(em, batch, plan.from, plan.to, actor, plan.reason, updatedAt);
    if (plan.releasesBeds) await this.giveBackBeds(tx, batch);
    return { ...batch, status: plan.to, holdExpiresAt: null, holdWaitsFor: null, updatedAt };
  }
}
