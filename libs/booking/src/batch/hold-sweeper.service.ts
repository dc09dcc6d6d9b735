import { Injectable, Logger } from '@nestjs/common';
import { Sweep, sweepDue, TransactionRunner } from '@app/shared';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { BatchLifecycleService } from './batch-lifecycle.service.js';
import { BatchStatus } from './batch-status.js';
import { Batch } from './batch.entity.js';

/** Booking's sweep. Safe with several API processes: each expiry re-checks its locked batch. */
@Injectable()
export class HoldSweeperService {
  private readonly logger = new Logger(HoldSweeperService.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly lifecycle: BatchLifecycleService,
  ) {}

  /** Expires every REQUESTED batch whose hold ran out by `now` and gives its beds back, each in its own transaction; returns how many expired. */
  @Sweep('expired holds')
  sweep(now: Date): Promise<number> {
    return sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'batch',
      counts: 'expired held batches',
      due: async (em, afterId, take) =>
        (
          await em.find(Batch, {
            select: { id: true },
            where: { status: BatchStatus.REQUESTED, holdExpiresAt: LessThanOrEqual(now), id: MoreThan(afterId) },
            order: { id: 'ASC' },
            take,
          })
        ).map((b) => b.id),
      each: (tx, id) => this.lifecycle.expire(tx, id, now),
    });
  }
}
