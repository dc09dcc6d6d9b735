import { Injectable } from '@nestjs/common';
import { type RequestContext, todayInShanghai, TransactionRunner, type TxContext } from '@app/shared';
import { StayRequest } from '../request/stay-request.entity.js';
import { StayRequestAction, StayRequestStatus } from '../request/stay-request-status.js';
import { STAY_REQUEST_MACHINE } from '../request/stay-request-transitions.js';
import { StayRequestService } from '../request/stay-request.service.js';
import { StayQuoteAction, StayQuoteStatus } from './stay-quote-status.js';
import { StayQuoteService } from './stay-quote.service.js';

/** Closing a request without an acceptance — withdrawn by the union or lapsed — closes its open quotes with it, in one transaction. */
@Injectable()
export class StayRequestClosingService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly requests: StayRequestService,
    private readonly quotes: StayQuoteService,
  ) {}

  /** OPEN → WITHDRAWN with a reason; its open quotes are declined with the same reason. */
  async withdraw(ctx: RequestContext, id: number, reason: string): Promise<StayRequest> {
    const why = STAY_REQUEST_MACHINE.reasonFor(StayRequestAction.WITHDRAW, reason);
    return this.db.transaction(ctx, async (tx) => {
      const request = await this.requests.lockVisibleOrThrow(tx, id);
      const withdrawn = await this.requests.move(tx, request, StayRequestAction.WITHDRAW, why);
      for (const quote of await this.quotes.openQuotes(tx, id)) await this.quotes.move(tx, quote, StayQuoteAction.DECLINE, `the request was withdrawn: ${why}`.slice(0, 500));
      return withdrawn;
    });
  }

  /** The sweep's step for a request, in its transaction (as the system): EXPIRED with its open quotes if still OPEN past expiresAt; false otherwise. */
  async expireRequestIfDue(tx: TxContext, id: number, now: Date): Promise<boolean> {
    const request = await this.requests.lockVisibleOrThrow(tx, id);
    if (request.status !== StayRequestStatus.OPEN || request.expiresAt > now) return false;
    await this.requests.move(tx, request, StayRequestAction.EXPIRE, 'nothing was accepted by its answer-by day');
    for (const quote of await this.quotes.openQuotes(tx, id)) await this.quotes.move(tx, quote, StayQuoteAction.EXPIRE, 'the request lapsed');
    return true;
  }

  /** The sweep's step for a quote: EXPIRED if still OFFERED after its validUntil day; false otherwise. */
  async expireQuoteIfDue(tx: TxContext, id: number, now: Date): Promise<boolean> {
    const { quote } = await this.quotes.lockVisibleOrThrow(tx, id);
    if (quote.status !== StayQuoteStatus.OFFERED || quote.validUntil >= todayInShanghai(now)) return false;
    await this.quotes.move(tx, quote, StayQuoteAction.EXPIRE, `valid until ${quote.validUntil}`);
    return true;
  }
}
