import { Injectable, Logger } from '@nestjs/common';
import { BatchQueryService } from '@app/booking';
import { Sweep, sweepDue, todayInShanghai, TransactionRunner } from '@app/shared';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { Roster } from './roster.entity.js';
import { RosterStatus } from './roster-status.js';
import { RosterWorkflowService } from './roster-workflow.service.js';

/** The rooming list's sweep: a posted list nobody objected to is cleared when its notice period ends. */
@Injectable()
export class RosterSweeper {
  private readonly logger = new Logger(RosterSweeper.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
    private readonly workflow: RosterWorkflowService,
  ) {}

  /** PUBLISHED → CLEARED for every list whose notice period has ended by `now`, each with its batch locked in its own transaction; returns how many. */
  @Sweep('cleared rosters')
  clear(now: Date): Promise<number> {
    const today = todayInShanghai(now);
    return sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'the roster of batch',
      counts: 'rosters cleared',
      due: async (em, afterId, take) =>
        (
          await em.find(Roster, {
            select: { batchId: true },
            where: { status: RosterStatus.PUBLISHED, clearsOn: LessThanOrEqual(today), batchId: MoreThan(afterId) },
            order: { batchId: 'ASC' },
            take,
          })
        ).map((r) => r.batchId),
      each: async (tx, batchId) => (await this.workflow.clearIfDue(tx, await this.batches.lockVisibleOrThrow(tx, batchId), today)) !== null,
    });
  }
}
