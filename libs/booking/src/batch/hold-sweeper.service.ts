import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AllotmentService } from '@app/base';
import { APP_CONFIG, type AppConfig, RequestContext, TransactionRunner } from '@app/shared';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { BatchLifecycleService } from './batch-lifecycle.service.js';
import { BatchStatus } from './batch-status.js';
import { Batch } from './batch.entity.js';

const SWEEP_BATCH = 200;

/** A further job of the sweep, registered by another module; returns how many things it changed. */
export type SweepTask = (now: Date) => Promise<number>;

/**
 * Expires REQUESTED batches whose hold has run out and gives their beds back, each in its own
 * transaction; then returns allotment nights whose release day has come to general sale, and runs
 * the jobs other modules added (agreements that expire). Safe with several API processes: each
 * change re-checks its locked rows.
 */
@Injectable()
export class HoldSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HoldSweeperService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly tasks: Array<{ name: string; run: SweepTask }> = [];

  constructor(
    private readonly db: TransactionRunner,
    private readonly lifecycle: BatchLifecycleService,
    private readonly allotments: AllotmentService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.holdSweepSeconds <= 0) return;
    this.timer = setInterval(() => {
      if (!this.running) this.sweep().catch((error) => this.logger.error(`hold sweep failed: ${(error as Error).message}`));
    }, this.config.holdSweepSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Adds a job to every sweep (from another module's onModuleInit). */
  also(name: string, run: SweepTask): void {
    this.tasks.push({ name, run });
  }

  /** Expires every hold that ran out by `now` and releases due allotment nights; returns how many batches expired. */
  async sweep(now: Date = new Date()): Promise<number> {
    const run = (async () => {
      const ctx = RequestContext.system();
      let expired = 0;
      let afterId = 0;
      for (;;) {
        const due = await this.db.read(ctx, (em) =>
          em.find(Batch, {
            select: { id: true },
            where: { status: BatchStatus.REQUESTED, holdExpiresAt: LessThanOrEqual(now), id: MoreThan(afterId) },
            order: { id: 'ASC' },
            take: SWEEP_BATCH,
          }),
        );
        for (const { id } of due) {
          afterId = id;
          try {
            if (await this.lifecycle.expire(ctx, id, now)) expired++;
          } catch (error) {
            // One batch that cannot expire must not keep every later hold from expiring.
            this.logger.error(`could not expire batch ${id}: ${(error as Error).message}`);
          }
        }
        if (due.length < SWEEP_BATCH) break;
      }
      if (expired) this.logger.log(`expired ${expired} held batches`);
      await this.allotments.releaseDue(now);
      for (const task of this.tasks) {
        try {
          const changed = await task.run(now);
          if (changed) this.logger.log(`${task.name}: ${changed}`);
        } catch (error) {
          this.logger.error(`${task.name} failed: ${(error as Error).message}`);
        }
      }
      return expired;
    })();
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }
}
