import { Injectable } from '@nestjs/common';
import { BaseService, UnionService } from '@app/base';
import { addDays, Clock, daysBetween, DomainException, insertRow, Permission, type RequestContext, requireAccess, requireScope, scopeFor, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { requireUnionSide, visibleBases } from './stay-request-access.js';
import { StayRequest, StayRequestBase, type StayRequestDecline, StayRequestEvent } from './stay-request.entity.js';
import { StayRequestAction, StayRequestStatus } from './stay-request-status.js';
import { STAY_REQUEST_MACHINE } from './stay-request-transitions.js';
import type { SendStayRequestInput, StayRequestFilter } from './send-stay-request.input.js';

const MAX_LIST = 200;
const DEFAULT_ANSWER_DAYS = 14;

/** The first moment of a calendar day in Asia/Shanghai (UTC+8, no daylight saving). */
export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** MySQL DATETIME keeps whole seconds: what is written is what is read back. */
export function toTheSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

/** Stay requests: sending, who sees them, their bases, their moves and history. Quotes and the thread live beside it. */
@Injectable()
export class StayRequestService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly unions: UnionService,
    private readonly bases: BaseService,
    private readonly clock: Clock,
  ) {}

  /** The union a request is for: an organiser's own; a partner one of its region's (checked once loaded); an admin must name it. */
  private askingUnion(ctx: RequestContext, requested: number | null | undefined): number {
    const scope = requireScope(ctx, Permission.SendStayRequest, `A ${ctx.requireActor().role} does not send stay requests`);
    if ('unionId' in scope) {
      if (requested != null && requested !== scope.unionId) throw DomainException.forbidden(`You ask for your own union (${scope.unionId}), not union ${requested}`, { field: 'unionId' });
      return scope.unionId;
    }
    if (requested == null) throw DomainException.badInput('unionId', 'Say which union the stay is for (unionId)');
    return requested;
  }

  /** Sends a request to its bases: OPEN until a quote is accepted, it is withdrawn, or it lapses at the end of answerBy. */
  async send(ctx: RequestContext, input: SendStayRequestInput): Promise<StayRequest> {
    const actor = ctx.requireActor();
    const unionId = this.askingUnion(ctx, input.unionId);
    const today = this.clock.today();
    const latestStart = input.latestStart ?? input.earliestStart;
    if (input.earliestStart < today) throw DomainException.badInput('earliestStart', `earliestStart ${input.earliestStart} is in the past; the earliest arrival is today (${today})`);
    if (latestStart < input.earliestStart) throw DomainException.badInput('latestStart', `latestStart (${latestStart}) is before earliestStart (${input.earliestStart})`);
    if (daysBetween(input.earliestStart, latestStart) > 366) throw DomainException.badInput('latestStart', 'The range of arrival days is at most a year');
    const seen = new Set<number>();
    input.baseIds.forEach((id, i) => {
      if (seen.has(id)) throw DomainException.badInput(`baseIds.${i}`, `Base ${id} is named twice`);
      seen.add(id);
    });
    const answerBy = input.answerBy ?? [addDays(today, DEFAULT_ANSWER_DAYS), latestStart].sort()[0];
    if (answerBy < today || answerBy > latestStart) throw DomainException.badInput('answerBy', `answerBy must be between today (${today}) and latestStart (${latestStart}); got ${answerBy}`);
    const themes = (input.themes ?? []).map((t) => t.trim());
    return this.db.transaction(ctx, async (tx) => {
      const union = await this.unions.getOrThrow(tx, unionId, 'unionId');
      requireAccess(tx, Permission.SendStayRequest, { unionId, regionId: union.regionId }, { message: `You ask for the unions of your own region; union ${unionId} is in another`, field: 'unionId' });
      for (const [i, id] of input.baseIds.entries()) await this.bases.getOrThrow(tx, id, `baseIds.${i}`);
      const now = toTheSecond(this.clock.now());
      const request: StayRequest = {
        id: 0,
        unionId,
        unionRegionId: union.regionId,
        requestedById: actor.userId,
        requestedBy: actor.username,
        earliestStart: input.earliestStart,
        latestStart,
        nights: input.nights,
        headcount: input.headcount,
        budgetPerPerson: input.budgetPerPerson ?? null,
        themes,
        dietNeeds: input.dietNeeds?.trim() || null,
        accessibilityNeeds: input.accessibilityNeeds?.trim() || null,
        notes: input.notes?.trim() || null,
        status: StayRequestStatus.OPEN,
        expiresAt: startOfDay(addDays(answerBy, 1)),
        acceptedQuoteId: null,
        batchId: null,
        createdAt: now,
        updatedAt: now,
      };
      const { id: _unset, ...values } = request;
      request.id = await insertRow(tx.em, StayRequest, values);
      await tx.em
        .createQueryBuilder()
        .insert()
        .into(StayRequestBase)
        .values(input.baseIds.map((baseId) => ({ requestId: request.id, baseId })))
        .updateEntity(false)
        .execute();
      await this.record(tx, request.id, null, StayRequestStatus.OPEN, null, now);
      return request;
    });
  }

  /** The bases a request was sent to, in the order named (all of them: callers filter with visibleBases). */
  async baseIds(ctx: RequestContext, requestId: number): Promise<number[]> {
    return (await this.baseRows(ctx, requestId)).map((r) => r.baseId).sort((a, b) => a - b);
  }

  /** The request's side per base (with its decline, if any), all of them: callers filter with visibleBases. */
  baseRows(ctx: RequestContext, requestId: number): Promise<StayRequestBase[]> {
    return ctx.loadGroup(
      'stayRequestBases',
      requestId,
      (ids) => this.db.read(ctx, (em) => em.find(StayRequestBase, { where: { requestId: In(ids) } })),
      (r) => r.requestId,
    );
  }

  /** The bases' declines the caller sees (the union's side: all; an operator: their base's), by when (to the second), then by base. */
  async declines(ctx: RequestContext, request: StayRequest): Promise<StayRequestDecline[]> {
    const rows = (await this.baseRows(ctx, request.id)).filter((r) => r.declinedAt !== null);
    const shown = new Set(
      visibleBases(
        ctx,
        request,
        rows.map((r) => r.baseId),
      ),
    );
    return rows
      .filter((r) => shown.has(r.baseId))
      .map((r) => ({ baseId: r.baseId, reason: r.declineReason ?? '', declinedBy: r.declinedBy ?? '', at: r.declinedAt! }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.baseId - b.baseId);
  }

  private async visibleOrThrow(ctx: RequestContext, request: StayRequest | null, id: number, field: string): Promise<StayRequest> {
    if (!request || visibleBases(ctx, request, await this.baseIds(ctx, request.id)).length === 0) throw DomainException.notFound('Stay request', id, field);
    return request;
  }

  /** The request, if the caller sees it (its union's side, or the operator of a base it was sent to); NOT_FOUND otherwise. */
  async getVisibleOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<StayRequest> {
    return this.visibleOrThrow(ctx, await this.db.read(ctx, (em) => em.findOneBy(StayRequest, { id })), id, field);
  }

  /**
   * As getVisibleOrThrow, with the row locked until the caller's transaction ends: every change to a
   * request, its quotes or its thread takes this lock first, so two acceptances (or an acceptance and
   * a new quote) run one after the other and the second sees what the first did.
   */
  async lockVisibleOrThrow(tx: TxContext, id: number, field = 'id'): Promise<StayRequest> {
    const request = await this.db.forUpdate(tx.em.createQueryBuilder(StayRequest, 'r')).where('r.id = :id', { id }).getOne();
    return this.visibleOrThrow(tx, request, id, field);
  }

  /** The requests the caller sees, newest first, at most 200. */
  async list(ctx: RequestContext, filter: StayRequestFilter | null | undefined): Promise<StayRequest[]> {
    const scope = scopeFor(ctx, Permission.SeeStayRequest);
    if ('none' in scope) return [];
    return this.db.read(ctx, (em) => {
      const qb = em.createQueryBuilder(StayRequest, 'r').orderBy('r.id', 'DESC').take(MAX_LIST);
      if ('unionId' in scope) qb.andWhere('r.unionId = :scopeUnion', { scopeUnion: scope.unionId });
      if ('regionId' in scope) qb.andWhere('r.unionRegionId = :scopeRegion', { scopeRegion: scope.regionId });
      if ('baseId' in scope) qb.andWhere('r.id IN (SELECT sb.requestId FROM stay_request_base sb WHERE sb.baseId = :scopeBase)', { scopeBase: scope.baseId });
      if (filter?.baseId != null) qb.andWhere('r.id IN (SELECT fb.requestId FROM stay_request_base fb WHERE fb.baseId = :filterBase)', { filterBase: filter.baseId });
      if (filter?.status) qb.andWhere('r.status = :status', { status: filter.status });
      return qb.getMany();
    });
  }

  /**
   * One move of the request's table, in the caller's transaction, with its history row; `changes`
   * go with it (the accepted quote and batch). The caller holds the row lock.
   */
  async move(tx: TxContext, request: StayRequest, action: StayRequestAction, reason: string | null, changes: Partial<Pick<StayRequest, 'acceptedQuoteId' | 'batchId'>> = {}): Promise<StayRequest> {
    const actor = tx.requireActor();
    // The sweep expires, the bases decline (their side checked by the caller); the rest is the union's side.
    if (action !== StayRequestAction.EXPIRE && action !== StayRequestAction.DECLINE) requireUnionSide(tx, request);
    const move = STAY_REQUEST_MACHINE.plan(action, request.status, actor.role, reason);
    const now = toTheSecond(this.clock.now());
    await tx.em.update(StayRequest, { id: request.id }, { status: move.to, updatedAt: now, ...changes });
    await this.record(tx, request.id, move.from, move.to, move.reason, now);
    return { ...request, ...changes, status: move.to, updatedAt: now };
  }

  /** Moves of a request, oldest first. */
  history(ctx: RequestContext, requestId: number): Promise<StayRequestEvent[]> {
    return ctx.loadGroup(
      'stayRequestHistory',
      requestId,
      (ids) => this.db.read(ctx, (em) => em.find(StayRequestEvent, { where: { requestId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.requestId,
    );
  }

  private async record(tx: TxContext, requestId: number, from: StayRequestStatus | null, to: StayRequestStatus, reason: string | null, at: Date): Promise<void> {
    const actor = tx.requireActor();
    await insertRow(tx.em, StayRequestEvent, { requestId, from, to, actor: actor.username, actorId: actor.userId, reason, at });
  }
}
