import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RequestContext, TransactionRunner } from '@app/shared';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { BatchLifecycleService } from './batch-lifecycle.service.js';
import { BatchStatus } from './batch-status.js';
import { Batch } from './batch.entity.js';

const SWEEP_BATCH = 200;

/**
 * Expires REQUESTED batches whose hold has run out and gives their beds back, each in its own
 * transaction. Safe with several API processes: each expiry re-checks the locked row.
 */
@Injectable()
export class HoldSweeperService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HoldSweeperService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: TransactionRunner,
    private readonly lifecycle: BatchLifecycleService,
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

  /** Expires every hold that ran out by `now`; returns how many batches expired. */
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
