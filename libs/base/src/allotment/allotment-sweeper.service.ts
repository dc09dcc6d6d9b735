import { Injectable, Logger } from '@nestjs/common';
import { addDays, Sweep, sweepDue, todayInShanghai, TransactionRunner } from '@app/shared';
import { AllotmentNight } from './allotment.entity.js';
import { AllotmentService } from './allotment.service.js';

/** Base's sweep: allotted beds go back to general sale on their nights' release day. */
@Injectable()
export class AllotmentSweeper {
  private readonly logger = new Logger(AllotmentSweeper.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly allotments: AllotmentService,
  ) {}

  /** Every allotment night whose release day has come by `now` gives its unused beds back, one allotment per transaction; returns the bed-nights released. */
  @Sweep('released allotment nights')
  release(now: Date): Promise<number> {
    const today = todayInShanghai(now);
    return sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'allotment',
      counts: 'allotted bed-nights released to general sale',
      due: async (em, afterId, take) =>
        (
          await em
            .createQueryBuilder(AllotmentNight, 'n')
            .select('n.allotmentId', 'allotmentId')
            .where('n.released = 0 AND n.releaseOn <= :today AND n.allotmentId > :afterId', { today, afterId })
            .groupBy('n.allotmentId')
            .orderBy('n.allotmentId', 'ASC')
            .limit(take)
            .getRawMany<{ allotmentId: number | string }>()
        ).map((n) => n.allotmentId),
      each: async (tx, id) => {
        const allotment = await this.allotments.lockOrThrow(tx, id);
        return this.allotments.releaseRange(tx, allotment, allotment.from, addDays(today, allotment.releaseDays), `release day reached (${allotment.releaseDays} days before the night)`);
      },
    });
  }
}
