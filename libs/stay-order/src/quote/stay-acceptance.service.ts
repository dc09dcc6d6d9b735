import { Injectable } from '@nestjs/common';
import { BaseService, PackageService } from '@app/base';
import { BatchRequestService } from '@app/booking';
import { Clock, DomainException, type RequestContext, TransactionRunner } from '@app/shared';
import { requireUnionSide } from '../request/stay-request-access.js';
import { StayRequestAction, StayRequestStatus } from '../request/stay-request-status.js';
import { StayRequestService } from '../request/stay-request.service.js';
import { StayQuote } from './stay-quote.entity.js';
import { StayQuoteAction, StayQuoteStatus } from './stay-quote-status.js';
import { STAY_QUOTE_MACHINE } from './stay-quote-transitions.js';
import { StayQuoteService } from './stay-quote.service.js';

/** What a package's description holds. */
const MAX_DESCRIPTION = 1000;

/** Accepting a quote: the one step that turns a stay made to order into a package and a batch. */
@Injectable()
export class StayAcceptanceService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly requests: StayRequestService,
    private readonly quotes: StayQuoteService,
    private readonly bases: BaseService,
    private readonly packages: PackageService,
    private readonly batches: BatchRequestService,
    private readonly clock: Clock,
  ) {}

  /**
   * In one transaction: the quote becomes a package only the request's union sees, and a REQUESTED
   * batch on it that holds the beds through booking's own request path (policy, quota, notice
   * deadlines, capacity — its CAPACITY_EXCEEDED or POLICY_VIOLATION refuses the whole acceptance and
   * nothing is left half made); the quote and the request become ACCEPTED, and the other bases' open
   * quotes are declined with a reason. `agreementId` books under an exchange agreement (a partner must).
   */
  async accept(ctx: RequestContext, quoteId: number, agreementId: number | null, reason: string | null): Promise<StayQuote> {
    const declineReason = STAY_QUOTE_MACHINE.reasonFor(StayQuoteAction.DECLINE, reason ?? `another base's quote (${quoteId}) was accepted`);
    return this.db.transaction(ctx, async (tx) => {
      const actor = tx.requireActor();
      const { quote, request } = await this.quotes.lockVisibleOrThrow(tx, quoteId);
      requireUnionSide(tx, request);
      // Both tables say yes before anything is written: the wrong role or state refuses with nothing done.
      STAY_QUOTE_MACHINE.plan(StayQuoteAction.ACCEPT, quote.status, actor.role);
      if (request.status !== StayRequestStatus.OPEN) {
        throw DomainException.wrongState(request.status, `Stay request ${request.id} is ${request.status}: a quote is accepted only while it is OPEN`);
      }
      const today = this.clock.today();
      if (quote.validUntil < today) throw DomainException.invalidTransition(quote.status, StayQuoteStatus.EXPIRED, `Quote ${quote.id} was valid until ${quote.validUntil}; ask the base for a new one`);
      if (request.expiresAt <= this.clock.now())
        throw DomainException.invalidTransition(request.status, StayRequestStatus.EXPIRED, `Stay request ${request.id} lapsed at ${request.expiresAt.toISOString()}`);

      const base = await this.bases.getOrThrow(tx, quote.baseId);
      const description = [quote.includes, ...quote.programme.map((line, i) => `D${i + 1} ${line}`)].join('\n').slice(0, MAX_DESCRIPTION);
      const pkg = await this.packages.createPrivate(tx, {
        baseId: base.id,
        name: `定制 · ${base.name}`.slice(0, 100),
        nights: request.nights,
        pricePerPerson: quote.pricePerPerson,
        maxGroupSize: request.headcount,
        description,
        privateForUnionId: request.unionId,
      });
      const batch = await this.batches.request(tx, {
        packageId: pkg.id,
        startDate: quote.startDate,
        headcount: request.headcount,
        unionId: request.unionId,
        agreementId,
        notes: `made to order: stay request ${request.id}, quote ${quote.id}`,
      });
      const accepted = await this.quotes.move(tx, quote, StayQuoteAction.ACCEPT, null, { packageId: pkg.id, batchId: batch.id });
      await this.requests.move(tx, request, StayRequestAction.ACCEPT, `quote ${quote.id} of ${base.name}`, { acceptedQuoteId: quote.id, batchId: batch.id });
      for (const other of await this.quotes.openQuotes(tx, request.id, quote.id)) await this.quotes.move(tx, other, StayQuoteAction.DECLINE, declineReason);
      return accepted;
    });
  }
}
