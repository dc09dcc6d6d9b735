import { Injectable } from '@nestjs/common';
import { assertManagesBase } from '@app/base';
import { Clock, DomainException, ErrorCode, insertRow, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { requireUnionSide, visibleBases } from '../request/stay-request-access.js';
import { StayRequest } from '../request/stay-request.entity.js';
import { StayRequestStatus } from '../request/stay-request-status.js';
import { StayRequestService, toTheSecond } from '../request/stay-request.service.js';
import type { SendStayQuoteInput } from './send-stay-quote.input.js';
import { StayQuote, StayQuoteEvent } from './stay-quote.entity.js';
import { StayQuoteAction, StayQuoteStatus } from './stay-quote-status.js';
import { STAY_QUOTE_MACHINE } from './stay-quote-transitions.js';

/** The last day before `at` in Asia/Shanghai, as the request's answerBy was given. */
function lastDayBefore(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000 - 1).toISOString().slice(0, 10);
}

/** Quotes: a base sends (or replaces) one, withdraws it; the union declines it. Acceptance is StayAcceptanceService. */
@Injectable()
export class StayQuoteService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly requests: StayRequestService,
    private readonly clock: Clock,
  ) {}

  /** A base answers an OPEN request it was sent to; its earlier OFFERED quote (if any) is withdrawn, replaced by this one. */
  async send(ctx: RequestContext, input: SendStayQuoteInput): Promise<StayQuote> {
    const actor = ctx.requireActor();
    assertManagesBase(ctx, input.baseId);
    const today = this.clock.today();
    const programme = input.programme.map((line) => line.trim());
    return this.db.transaction(ctx, async (tx) => {
      const request = await this.requests.lockVisibleOrThrow(tx, input.requestId, 'requestId');
      if (!(await this.requests.baseIds(tx, request.id)).includes(input.baseId)) {
        throw DomainException.badInput('baseId', `Stay request ${request.id} was not sent to base ${input.baseId}`);
      }
      if (request.status !== StayRequestStatus.OPEN) throw DomainException.wrongState(request.status, `Stay request ${request.id} is ${request.status}: only an OPEN request is quoted`);
      if ((await this.requests.baseRows(tx, request.id)).some((r) => r.baseId === input.baseId && r.declinedAt)) {
        throw DomainException.wrongState(request.status, `Base ${input.baseId} declined stay request ${request.id}; it quotes no more`);
      }
      if (input.startDate < request.earliestStart || input.startDate > request.latestStart) {
        throw DomainException.badInput('startDate', `startDate must be within the request's days of arrival, ${request.earliestStart}…${request.latestStart}; got ${input.startDate}`);
      }
      if (input.startDate < today) throw DomainException.badInput('startDate', `startDate ${input.startDate} is in the past (today is ${today})`);
      if (programme.length > request.nights + 1) throw DomainException.badInput('programme', `A stay of ${request.nights} nights has ${request.nights + 1} days; got ${programme.length} lines`);
      const answerBy = lastDayBefore(request.expiresAt);
      if (input.validUntil < today || input.validUntil > input.startDate || input.validUntil > answerBy) {
        throw DomainException.badInput(
          'validUntil',
          `validUntil must be between today (${today}) and the earlier of startDate (${input.startDate}) and the request's answerBy (${answerBy}); got ${input.validUntil}`,
        );
      }
      const open = await tx.em.findOneBy(StayQuote, { requestId: request.id, baseId: input.baseId, status: StayQuoteStatus.OFFERED });
      const now = toTheSecond(this.clock.now());
      const quote: StayQuote = {
        id: 0,
        requestId: request.id,
        baseId: input.baseId,
        startDate: input.startDate,
        pricePerPerson: input.pricePerPerson,
        includes: input.includes.trim(),
        programme,
        validUntil: input.validUntil,
        status: StayQuoteStatus.OFFERED,
        packageId: null,
        batchId: null,
        quotedBy: actor.username,
        quotedById: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      const { id: _unset, ...values } = quote;
      quote.id = await insertRow(tx.em, StayQuote, values);
      await this.record(tx, quote.id, null, StayQuoteStatus.OFFERED, null, now);
      if (open) await this.move(tx, open, StayQuoteAction.WITHDRAW, `replaced by quote ${quote.id}`);
      return quote;
    });
  }

  /** The base takes its OFFERED quote back, with a reason. */
  async withdraw(ctx: RequestContext, id: number, reason: string): Promise<StayQuote> {
    STAY_QUOTE_MACHINE.reasonFor(StayQuoteAction.WITHDRAW, reason);
    return this.db.transaction(ctx, async (tx) => {
      const { quote } = await this.lockVisibleOrThrow(tx, id);
      assertManagesBase(tx, quote.baseId);
      return this.move(tx, quote, StayQuoteAction.WITHDRAW, reason);
    });
  }

  /** The union turns an OFFERED quote down, with a reason the base reads in the quote's history. */
  async decline(ctx: RequestContext, id: number, reason: string): Promise<StayQuote> {
    STAY_QUOTE_MACHINE.reasonFor(StayQuoteAction.DECLINE, reason);
    return this.db.transaction(ctx, async (tx) => {
      const { quote, request } = await this.lockVisibleOrThrow(tx, id);
      requireUnionSide(tx, request);
      return this.move(tx, quote, StayQuoteAction.DECLINE, reason);
    });
  }

  /**
   * The quote and its request, the request's row locked first (the order every change takes), then
   * the quote's; NOT_FOUND unless the caller sees the quote's base side of the request.
   */
  async lockVisibleOrThrow(tx: TxContext, id: number, field = 'id'): Promise<{ quote: StayQuote; request: StayRequest }> {
    const found = await tx.em.findOne(StayQuote, { where: { id }, select: { id: true, requestId: true } });
    if (!found) throw DomainException.notFound('Stay quote', id, field);
    // The request's NOT_FOUND is told as the quote's; any other failure (a deadlock to retry) passes through.
    const request = await this.requests.lockVisibleOrThrow(tx, found.requestId, field).catch((error: unknown) => {
      throw error instanceof DomainException && error.code === ErrorCode.NOT_FOUND ? DomainException.notFound('Stay quote', id, field) : error;
    });
    const quote = (await this.db.forUpdate(tx.em.createQueryBuilder(StayQuote, 'q')).where('q.id = :id', { id }).getOne())!;
    if (!visibleBases(tx, request, [quote.baseId]).length) throw DomainException.notFound('Stay quote', id, field);
    return { quote, request };
  }

  /** One move of the quote's table with its history row, in the caller's transaction; `changes` go with it. */
  async move(tx: TxContext, quote: StayQuote, action: StayQuoteAction, reason: string | null, changes: Partial<Pick<StayQuote, 'packageId' | 'batchId'>> = {}): Promise<StayQuote> {
    const move = STAY_QUOTE_MACHINE.plan(action, quote.status, tx.requireActor().role, reason);
    const now = toTheSecond(this.clock.now());
    await tx.em.update(StayQuote, { id: quote.id }, { status: move.to, updatedAt: now, ...changes });
    await this.record(tx, quote.id, move.from, move.to, move.reason, now);
    return { ...quote, ...changes, status: move.to, updatedAt: now };
  }

  /** Every OFFERED quote of a request but `except`, in the caller's transaction (its request row locked). */
  openQuotes(tx: TxContext, requestId: number, except = 0): Promise<StayQuote[]> {
    return tx.em
      .createQueryBuilder(StayQuote, 'q')
      .where('q.requestId = :requestId AND q.status = :status AND q.id <> :except', { requestId, status: StayQuoteStatus.OFFERED, except })
      .orderBy('q.id', 'ASC')
      .getMany();
  }

  /** The quotes of a request the caller sees (the union's side: all; an operator: their base's), oldest first. */
  async list(ctx: RequestContext, request: StayRequest): Promise<StayQuote[]> {
    const rows = await ctx.loadGroup(
      'stayQuotes',
      request.id,
      (ids) => this.db.read(ctx, (em) => em.find(StayQuote, { where: { requestId: In(ids) }, order: { id: 'ASC' } })),
      (q) => q.requestId,
    );
    const shown = new Set(visibleBases(ctx, request, [...new Set(rows.map((q) => q.baseId))]));
    return rows.filter((q) => shown.has(q.baseId));
  }

  history(ctx: RequestContext, quoteId: number): Promise<StayQuoteEvent[]> {
    return ctx.loadGroup(
      'stayQuoteHistory',
      quoteId,
      (ids) => this.db.read(ctx, (em) => em.find(StayQuoteEvent, { where: { quoteId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.quoteId,
    );
  }

  private async record(tx: TxContext, quoteId: number, from: StayQuoteStatus | null, to: StayQuoteStatus, reason: string | null, at: Date): Promise<void> {
    const actor = tx.requireActor();
    await insertRow(tx.em, StayQuoteEvent, { quoteId, from, to, actor: actor.username, actorId: actor.userId, reason, at });
  }
}
