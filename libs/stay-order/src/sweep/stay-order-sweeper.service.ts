import { Injectable, Logger } from '@nestjs/common';
import { Sweep, sweepDue, todayInShanghai, TransactionRunner } from '@app/shared';
import { LessThan, LessThanOrEqual, MoreThan } from 'typeorm';
import { StayQuote } from '../quote/stay-quote.entity.js';
import { StayQuoteStatus } from '../quote/stay-quote-status.js';
import { StayRequestClosingService } from '../quote/stay-request-closing.service.js';
import { StayRequest } from '../request/stay-request.entity.js';
import { StayRequestStatus } from '../request/stay-request-status.js';

/** Stays made to order: requests past their answer-by day and quotes past their validUntil day lapse. */
@Injectable()
export class StayOrderSweeper {
  private readonly logger = new Logger(StayOrderSweeper.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly closing: StayRequestClosingService,
  ) {}

  /** Every OPEN request whose expiresAt is not after `now`, then every OFFERED quote valid until before `now`'s day, each in its own transaction; returns how many lapsed. */
  @Sweep('lapsed stay requests and quotes')
  async expire(now: Date): Promise<number> {
    const requests = await sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'stay request',
      counts: 'stay requests expired',
      due: async (em, afterId, take) =>
        (
          await em.find(StayRequest, {
            select: { id: true },
            where: { status: StayRequestStatus.OPEN, expiresAt: LessThanOrEqual(now), id: MoreThan(afterId) },
            order: { id: 'ASC' },
            take,
          })
        ).map((r) => r.id),
      each: (tx, id) => this.closing.expireRequestIfDue(tx, id, now),
    });
    const today = todayInShanghai(now);
    const quotes = await sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'stay quote',
      counts: 'stay quotes expired',
      due: async (em, afterId, take) =>
        (
          await em.find(StayQuote, {
            select: { id: true },
            where: { status: StayQuoteStatus.OFFERED, validUntil: LessThan(today), id: MoreThan(afterId) },
            order: { id: 'ASC' },
            take,
          })
        ).map((q) => q.id),
      each: (tx, id) => this.closing.expireQuoteIfDue(tx, id, now),
    });
    return requests + quotes;
  }
}
