import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type CalendarDate, Clock, type RequestContext, type TxContext } from '@app/shared';
import { BatchRules } from './batch-rules.js';
import { BatchStatus } from './batch-status.js';
import { Batch } from './batch.entity.js';
import { DeadlineService } from '../deadline/deadline.service.js';
import { BatchStep, holdUntil, missedStep } from '../deadline/deadlines.js';

/** A moment to the whole second, as a MySQL DATETIME keeps it. */
export function toTheSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

/**
 * Holds that follow the approval path: a REQUESTED batch keeps its beds until the deadline of the
 * step it waits for (at least the plain hold), and lapses only when that step is missed.
 */
@Injectable()
export class BatchHoldService {
  constructor(
    private readonly deadlines: DeadlineService,
    private readonly rules: BatchRules,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The step a new request waits for first: the list's submission where the policy asks for notice, else the base. */
  firstStep(publicationRequired: boolean): BatchStep {
    return publicationRequired ? BatchStep.SUBMIT_LIST : BatchStep.CONFIRM;
  }

  /**
   * In the caller's transaction with the batch locked, after a step was taken (or undone): the batch
   * now waits for `step`, and holds its beds until that step's deadline — which may be sooner than
   * before (a list sent back waits for its approval again). `clearsOn` is the posted list's own day.
   * A batch that is no longer REQUESTED holds nothing and is left alone.
   */
  async waitFor(tx: TxContext, batch: Batch, step: BatchStep, opts: { clearsOn?: CalendarDate | null } = {}): Promise<Batch> {
    if (batch.status !== BatchStatus.REQUESTED) return batch;
    const deadlines = await this.deadlines.forBatch(tx, batch);
    // Without public notice the list's steps have no deadlines: the batch only waits for the base.
    if (deadlines.submitBy === null) step = BatchStep.CONFIRM;
    const holdExpiresAt = toTheSecond(holdUntil(step, deadlines, batch.createdAt, this.config.holdTtlSeconds, opts.clearsOn ?? null));
    const updatedAt = toTheSecond(this.clock.now());
    await tx.em.update(Batch, { id: batch.id }, { holdWaitsFor: step, holdExpiresAt, updatedAt });
    return { ...batch, holdWaitsFor: step, holdExpiresAt, updatedAt };
  }

  /**
   * Recomputes the hold from the step the batch waits for now (after its dates or policy inputs
   * changed, e.g. a move to other dates), in the caller's transaction with the batch locked.
   */
  async refresh(tx: TxContext, batch: Batch): Promise<Batch> {
    const step = batch.holdWaitsFor ?? BatchStep.CONFIRM;
    const clearsOn = step === BatchStep.CONFIRM ? await this.rules.listClearsOn(tx, batch) : null;
    return this.waitFor(tx, batch, step, { clearsOn });
  }

  /** Why a lapsed hold lapsed, for the EXPIRED history event: the step missed and its deadline. */
  async lapseReason(ctx: RequestContext, batch: Batch): Promise<string> {
    const at = `the hold expired at ${batch.holdExpiresAt?.toISOString()}`;
    if (!batch.holdWaitsFor || batch.holdWaitsFor === BatchStep.CONFIRM) return at.replace(/^the /, '');
    return `${missedStep(batch.holdWaitsFor, await this.deadlines.forBatch(ctx, batch))}; ${at}`;
  }
}
