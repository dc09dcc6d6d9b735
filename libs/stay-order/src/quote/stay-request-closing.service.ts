import { Injectable } from '@nestjs/common';
import { assertManagesBase } from '@app/base';
import { Clock, DomainException, type RequestContext, todayInShanghai, TransactionRunner, type TxContext } from '@app/shared';
import { StayRequest, StayRequestBase } from '../request/stay-request.entity.js';
import { StayRequestAction, StayRequestStatus } from '../request/stay-request-status.js';
import { STAY_REQUEST_MACHINE } from '../request/stay-request-transitions.js';
import { StayRequestService, toTheSecond } from '../request/stay-request.service.js';
import { StayQuoteAction, StayQuoteStatus } from './stay-quote-status.js';
import { StayQuoteService } from './stay-quote.service.js';

/** Closing a request without an acceptance — withdrawn by the union or lapsed — closes its open quotes with it, in one transaction. */
@Injectable()
export class StayRequestClosingService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly requests: StayRequestService,
    private readonly quotes: StayQuoteService,
    private readonly clock: Clock,
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

  /**
   * A base declines the request with a reason: its side ends (its open quote withdrawn, no new quote
   * from it), the union reads the reason in `declines`. When every base asked has declined, the
   * request is DECLINED. An operator declines for their own base; an admin names the base.
   */
  async decline(ctx: RequestContext, id: number, baseId: number | null | undefined, reason: string): Promise<StayRequest> {
    const why = STAY_REQUEST_MACHINE.reasonFor(StayRequestAction.DECLINE, reason)!;
    const actor = ctx.requireActor();
    const base = baseId ?? actor.baseId;
    if (base == null) throw DomainException.badInput('baseId', 'Say which base declines (baseId)');
    assertManagesBase(ctx, base);
    return this.db.transaction(ctx, async (tx) => {
      const request = await this.requests.lockVisibleOrThrow(tx, id);
      const sides = await tx.em.find(StayRequestBase, { where: { requestId: id } });
      const side = sides.find((s) => s.baseId === base);
      if (!side) throw DomainException.badInput('baseId', `Stay request ${id} was not sent to base ${base}`);
      if (request.status !== StayRequestStatus.OPEN) throw DomainException.wrongState(request.status, `Stay request ${id} is ${request.status}: only an OPEN request is declined`);
      if (side.declinedAt) throw DomainException.wrongState(request.status, `Base ${base} already declined stay request ${id} (${side.declinedBy}: ${side.declineReason})`);
      const now = toTheSecond(this.clock.now());
      await tx.em.update(StayRequestBase, { requestId: id, baseId: base }, { declinedAt: now, declineReason: why, declinedBy: actor.username, declinedById: actor.userId });
      for (const quote of await this.quotes.openQuotes(tx, id)) {
        if (quote.baseId === base) await this.quotes.move(tx, quote, StayQuoteAction.WITHDRAW, `the base declined the request: ${why}`.slice(0, 500));
      }
      if (sides.every((s) => s.baseId === base || s.declinedAt)) return this.requests.move(tx, request, StayRequestAction.DECLINE, 'every base it was sent to declined');
      return request;
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
