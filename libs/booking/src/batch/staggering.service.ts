import { Injectable, Logger } from '@nestjs/common';
import { addDays, Clock, DomainException, ErrorCode, insertRow, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { batchScope, scopeBatches } from './batch-access.js';
import { BatchStatus } from './batch-status.js';
import { Batch } from './batch.entity.js';
import { toTheSecond } from './batch-hold.service.js';
import { RefusalCause, StaggeringEvent, StaggeringKind } from './staggering-event.entity.js';

/** Who and where a refused booking was for, as far as the refused transaction got to know it. */
export interface RefusalSite {
  baseId: number;
  unionId: number;
  unionRegionId: number | null;
  baseRegionId: number | null;
  agreementId: number | null;
  batchId: number | null;
}

/** Per base and month (YYYY-MM): refusals and moves counted under their arrival. */
export interface StaggeringCounts {
  baseId: number;
  month: string;
  refusedRequests: number;
  refusedMoves: number;
  moves: number;
}

/** Per base and month: bed-nights of the batches that stayed (COMPLETED, SETTLED), which hold no beds any more. */
export interface StayedBedNights {
  baseId: number;
  month: string;
  bedNights: number;
}

/** Stays are at most 30 nights (packages and stay requests): a batch arriving this long before `from` can still reach into the period. */
const LONGEST_STAY = 31;
const STAYED: readonly BatchStatus[] = [BatchStatus.COMPLETED, BatchStatus.SETTLED];

/** The cause of a booking refused for lack of beds or a closed night; null for any other error. */
export function refusalCause(error: unknown): RefusalCause | null {
  if (!(error instanceof DomainException)) return null;
  if (error.code === ErrorCode.CAPACITY_EXCEEDED) return RefusalCause.FULL;
  if (error.code === ErrorCode.BAD_USER_INPUT && error.details.night !== undefined) return RefusalCause.CLOSED;
  return null;
}

/**
 * The staggering figures' facts (错时化): refused requests and moves, recorded so that they survive
 * the refused transaction's rollback, and moves, recorded with the move. Read by the federation's
 * statistics, each in one aggregate query.
 */
@Injectable()
export class StaggeringService {
  private readonly logger = new Logger(StaggeringService.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one refusal (one INSERT, after the refused transaction rolled back; only refusals pay for
   * it). Inside a caller's transaction (a quote's acceptance) it joins it, and goes if that rolls back.
   * A failure to count is logged, never put in the way of the refusal's own answer.
   */
  async recordRefusal(
    ctx: RequestContext,
    kind: StaggeringKind.REQUEST_REFUSED | StaggeringKind.MOVE_REFUSED,
    site: RefusalSite,
    startDate: string,
    headcount: number,
    cause: RefusalCause,
  ): Promise<void> {
    try {
      const at = toTheSecond(this.clock.now());
      await this.db.transaction(ctx, (tx) => insertRow(tx.em, StaggeringEvent, { kind, cause, ...site, startDate, movedTo: null, headcount, at }));
    } catch (error) {
      this.logger.warn(`a ${kind} at base ${site.baseId} was not counted (request ${ctx.requestId}): ${(error as Error).message}`);
    }
  }

  /** Counts a batch's move from `batch.startDate` to `movedTo`, in the move's transaction. */
  async recordMove(
    tx: TxContext,
    batch: Pick<Batch, 'id' | 'baseId' | 'unionId' | 'unionRegionId' | 'baseRegionId' | 'agreementId' | 'startDate' | 'headcount'>,
    movedTo: string,
    at: Date,
  ): Promise<void> {
    const { id: batchId, baseId, unionId, unionRegionId, baseRegionId, agreementId, startDate, headcount } = batch;
    await insertRow(tx.em, StaggeringEvent, { kind: StaggeringKind.MOVED, cause: null, baseId, unionId, unionRegionId, baseRegionId, agreementId, batchId, startDate, movedTo, headcount, at });
  }

  /** Refusals and moves counted under arrivals in [from, to], per base and month, scoped like batches: one query. */
  async counts(ctx: RequestContext, from: string, to: string, exchange: boolean | null): Promise<StaggeringCounts[]> {
    const scope = batchScope(ctx);
    if ('none' in scope) return [];
    const rows = await this.db.read(ctx, (em) => {
      const qb = em
        .createQueryBuilder(StaggeringEvent, 'e')
        .select('e.baseId', 'baseId')
        .addSelect('SUBSTR(e.startDate, 1, 7)', 'month')
        .addSelect('e.kind', 'kind')
        .addSelect('COUNT(*)', 'n')
        .where('e.startDate BETWEEN :from AND :to', { from, to })
        .groupBy('e.baseId')
        .addGroupBy('SUBSTR(e.startDate, 1, 7)')
        .addGroupBy('e.kind');
      scopeBatches(qb, scope, 'e');
      if (exchange === true) qb.andWhere('e.agreementId IS NOT NULL');
      if (exchange === false) qb.andWhere('e.agreementId IS NULL');
      return qb.getRawMany<{ baseId: number | string; month: string; kind: StaggeringKind; n: number | string }>();
    });
    const out = new Map<string, StaggeringCounts>();
    const field = { [StaggeringKind.REQUEST_REFUSED]: 'refusedRequests', [StaggeringKind.MOVE_REFUSED]: 'refusedMoves', [StaggeringKind.MOVED]: 'moves' } as const;
    for (const r of rows) {
      const key = `${r.baseId}|${r.month}`;
      if (!out.has(key)) out.set(key, { baseId: Number(r.baseId), month: r.month, refusedRequests: 0, refusedMoves: 0, moves: 0 });
      out.get(key)![field[r.kind]] += Number(r.n);
    }
    return [...out.values()];
  }

  /**
   * Bed-nights in [from, to] of the batches that stayed (COMPLETED, SETTLED: they gave their beds back
   * when they left), per base and month of the night: one query, grouped by arrival and length, spread
   * over the nights here. Not scoped: the caller decides whose bases it may ask about (`baseId`, or all).
   */
  async stayedBedNights(ctx: RequestContext, from: string, to: string, baseId: number | null): Promise<StayedBedNights[]> {
    const rows = await this.db.read(ctx, (em) => {
      const qb = em
        .createQueryBuilder(Batch, 'b')
        .select('b.baseId', 'baseId')
        .addSelect('b.startDate', 'startDate')
        .addSelect('b.nights', 'nights')
        .addSelect('SUM(b.headcount)', 'beds')
        .where('b.startDate BETWEEN :earliest AND :to', { earliest: addDays(from, -LONGEST_STAY), to })
        .andWhere('b.status IN (:...stayed)', { stayed: [...STAYED] })
        .andWhere('b.endDate > :from', { from })
        .groupBy('b.baseId')
        .addGroupBy('b.startDate')
        .addGroupBy('b.nights');
      if (baseId !== null) qb.andWhere('b.baseId = :baseId', { baseId });
      return qb.getRawMany<{ baseId: number | string; startDate: string | Date; nights: number | string; beds: number | string }>();
    });
    const out = new Map<string, StayedBedNights>();
    for (const r of rows) {
      const start = typeof r.startDate === 'string' ? r.startDate.slice(0, 10) : r.startDate.toISOString().slice(0, 10);
      for (let i = 0; i < Number(r.nights); i++) {
        const night = addDays(start, i);
        if (night < from || night > to) continue;
        const key = `${r.baseId}|${night.slice(0, 7)}`;
        if (!out.has(key)) out.set(key, { baseId: Number(r.baseId), month: night.slice(0, 7), bedNights: 0 });
        out.get(key)!.bedNights += Number(r.beds);
      }
    }
    return [...out.values()];
  }
}
