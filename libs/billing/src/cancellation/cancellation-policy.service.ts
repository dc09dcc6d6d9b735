import { Injectable } from '@nestjs/common';
import { BaseService } from '@app/base';
import { type Batch, discountPerPerson } from '@app/booking';
import { daysBetween, DomainException, nowToTheSecond, Permission, type RequestContext, requireAccess, todayInShanghai, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { CancellationPolicy } from './cancellation-policy.entity.js';
import { type CancellationWindow, checkPolicy, DEFAULT_POLICY, feePercent, percentOf } from './cancellation-policy.js';

/** Each base's cancellation policy, and the fee it sets on a cancellation (bill/'s CancellationFeeRule bills it). */
@Injectable()
export class CancellationPolicyService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly bases: BaseService,
  ) {}

  /** A base's windows, widest first; batched per request. */
  forBase(ctx: RequestContext, baseId: number): Promise<CancellationWindow[]> {
    return ctx
      .loader<number, CancellationWindow[]>('cancellationPolicy', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(CancellationPolicy, { baseId: In([...ids]) }));
        return ids.map((id) => rows.find((r) => r.baseId === id)?.windows ?? [...DEFAULT_POLICY]);
      })
      .load(baseId);
  }

  /** Percent of the package price a no-show costs at the base (default 0); batched per request. */
  noShowPercent(ctx: RequestContext, baseId: number): Promise<number> {
    return ctx
      .loader<number, number>('noShowPercent', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(CancellationPolicy, { baseId: In([...ids]) }));
        return ids.map((id) => rows.find((r) => r.baseId === id)?.noShowPercent ?? 0);
      })
      .load(baseId);
  }

  /** The base's operator (own base) or an admin sets the no-show fee: 0–100 percent, for batches checked in later. */
  async setNoShow(ctx: RequestContext, baseId: number, percent: number): Promise<number> {
    const actor = ctx.requireActor();
    requireAccess(ctx, Permission.OperateBase, { baseId }, { message: `You run base ${actor.baseId}, not base ${baseId}`, field: 'baseId' });
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw DomainException.badInput('percent', `percent is a whole number 0 to 100, got ${percent}`);
    return this.db.transaction(ctx, async (tx) => {
      await this.bases.getOrThrow(tx, baseId, 'baseId');
      const row = await tx.em.findOneBy(CancellationPolicy, { baseId });
      await tx.em.save(CancellationPolicy, { baseId, windows: row?.windows ?? [...DEFAULT_POLICY], noShowPercent: percent, updatedById: actor.userId, updatedAt: nowToTheSecond() });
      return percent;
    });
  }

  /** The base's operator (own base) or an admin replaces the policy; batches cancelled later follow it. */
  async set(ctx: RequestContext, baseId: number, windows: CancellationWindow[]): Promise<CancellationWindow[]> {
    const actor = ctx.requireActor();
    requireAccess(ctx, Permission.OperateBase, { baseId }, { message: `You run base ${actor.baseId}, not base ${baseId}`, field: 'baseId' });
    const checked = checkPolicy(windows.map((w) => ({ daysBefore: w.daysBefore, percent: w.percent })));
    return this.db.transaction(ctx, async (tx) => {
      await this.bases.getOrThrow(tx, baseId, 'baseId');
      await tx.em.save(CancellationPolicy, { baseId, windows: checked, updatedById: actor.userId, updatedAt: nowToTheSecond() });
      return checked;
    });
  }

  /** The fee for cancelling `batch` today under its base's policy, read in the cancellation's transaction; null when nothing is due. */
  async cancellationFee(tx: TxContext, batch: Batch): Promise<{ percent: number; daysLeft: number; amount: number } | null> {
    const row = await tx.em.findOneBy(CancellationPolicy, { baseId: batch.baseId });
    const windows = row?.windows ?? DEFAULT_POLICY;
    const daysLeft = Math.max(0, daysBetween(todayInShanghai(), batch.startDate));
    const percent = feePercent(windows, daysLeft);
    if (percent === 0) return null;
    // On the price the union would have paid: less an exchange discount.
    const discount = discountPerPerson(batch.benefitType, batch.benefitPerPerson);
    const amount = percentOf((batch.pricePerPerson - discount) * batch.headcount, percent);
    if (amount === 0) return null;
    return { percent, daysLeft, amount };
  }
}
