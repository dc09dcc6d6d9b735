import { type Logger, SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext, type TxContext } from '../context/request-context.js';
import type { TransactionRunner } from '../database/transaction-runner.js';

export const SWEEP_NAME = 'rr:sweep';
export const SWEEP_EVERY = 'rr:sweep-every';

/** The settings a sweep's period can come from: HOLD_SWEEP_SECONDS for most, WEBHOOK_SWEEP_SECONDS for the webhooks. */
export type SweepPeriodSetting = 'holdSweepSeconds' | 'webhookSweepSeconds';

/** How many due ids one read fetches. */
export const SWEEP_PAGE_SIZE = 200;

/**
 * Marks a provider's method as its module's sweep, `(now: Date) => Promise<number>` (how many things
 * it changed). SweepScheduler runs it every HOLD_SWEEP_SECONDS (or the setting named) with the Clock's
 * time, never two runs of it at once; `SweepScheduler.runAll(now)` runs every module's sweep in one go (tests).
 */
export const Sweep =
  (name: string, every: SweepPeriodSetting = 'holdSweepSeconds'): MethodDecorator =>
  (target, key, descriptor) => {
    SetMetadata(SWEEP_NAME, name)(target, key, descriptor);
    SetMetadata(SWEEP_EVERY, every)(target, key, descriptor);
  };

export interface SweepLoop {
  db: TransactionRunner;
  logger: Logger;
  /** What one item is, for the log: "batch", "allotment". */
  item: string;
  /** What the count means, for the log: "expired held batches". */
  counts: string;
  pageSize?: number;
  /** Up to `take` ids due, all greater than `afterId`, in ascending order (keyset paging). */
  due(em: EntityManager, afterId: number, take: number): Promise<Array<number | string>>;
  /** One item, in its own transaction: true (1) or a number when it changed something, false or 0 when it no longer had to. */
  each(tx: TxContext, id: number): Promise<boolean | number>;
}

/**
 * The loop of every sweep: pages through the due ids by id, handles each in its own transaction as
 * the system, logs and skips an item that fails (one bad row must not hold up every later one), and
 * returns the sum of what the items changed.
 */
export async function sweepDue(loop: SweepLoop): Promise<number> {
  const ctx = RequestContext.system();
  const take = loop.pageSize ?? SWEEP_PAGE_SIZE;
  let changed = 0;
  let afterId = 0;
  for (;;) {
    const ids = (await loop.db.read(ctx, (em) => loop.due(em, afterId, take))).map(Number);
    for (const id of ids) {
      afterId = id;
      try {
        const done = await loop.db.transaction(ctx, (tx) => loop.each(tx, id));
        changed += typeof done === 'number' ? done : done ? 1 : 0;
      } catch (error) {
        loop.logger.error(`could not sweep ${loop.item} ${id}: ${(error as Error).message}`);
      }
    }
    if (ids.length < take) break;
  }
  if (changed) loop.logger.log(`${loop.counts}: ${changed}`);
  return changed;
}
