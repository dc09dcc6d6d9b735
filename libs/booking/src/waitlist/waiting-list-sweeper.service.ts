import { Injectable, Logger } from '@nestjs/common';
import { Sweep, sweepDue, TransactionRunner } from '@app/shared';
import { LessThanOrEqual, MoreThan } from 'typeorm';
import { WaitingListEntry } from './waiting-list-entry.entity.js';
import { WaitingListStatus } from './waiting-list-status.js';
import { WaitingListOfferService } from './waiting-list-offer.service.js';

/**
 * The waiting list's sweep, every HOLD_SWEEP_SECONDS: offers past offerExpiresAt lapse (their beds
 * given back), entries past their answerBy day expire, then every WAITING entry is offered the beds
 * that came back since — by a cancel, an expired hold, a smaller headcount, a released allotment,
 * more beds or a reopened night — in order of arrival. Each item is its own transaction.
 */
@Injectable()
export class WaitingListSweeper {
  private readonly logger = new Logger(WaitingListSweeper.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly offers: WaitingListOfferService,
  ) {}

  /** Lapses, expiries and new offers at `now`; returns how many entries moved. */
  @Sweep('waiting list')
  async sweep(now: Date): Promise<number> {
    const lapsed = await sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'waiting-list entry',
      counts: 'waiting-list offers lapsed',
      due: async (em, afterId, take) =>
        (
          await em.find(WaitingListEntry, {
            select: { id: true },
            where: { status: WaitingListStatus.OFFERED, offerExpiresAt: LessThanOrEqual(now), id: MoreThan(afterId) },
            order: { id: 'ASC' },
            take,
          })
        ).map((e) => e.id),
      each: (tx, id) => this.offers.lapseIfDue(tx, id, now),
    });
    const expired = await sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'waiting-list entry',
      counts: 'waiting-list entries expired',
      due: async (em, afterId, take) =>
        (
          await em.find(WaitingListEntry, {
            select: { id: true },
            where: { status: WaitingListStatus.WAITING, expiresAt: LessThanOrEqual(now), id: MoreThan(afterId) },
            order: { id: 'ASC' },
            take,
          })
        ).map((e) => e.id),
      each: (tx, id) => this.offers.expireIfDue(tx, id, now),
    });
    return lapsed + expired + (await this.offers.offerWaiting(now));
  }
}
