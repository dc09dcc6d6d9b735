import { Injectable } from '@nestjs/common';
import { DomainException, insertRow, isUniqueViolation, nowToTheSecond, Permission, type RequestContext, requireAccess, scopeFor, TransactionRunner } from '@app/shared';
import { In } from 'typeorm';
import { BatchQueryService } from '../batch/batch-query.service.js';
import { BatchStatus } from '../batch/batch-status.js';
import type { RateStayInput } from './rate-stay.input.js';
import { StayFeedback } from './stay-feedback.entity.js';

export interface BaseRating {
  baseId: number;
  count: number;
  overall: number;
  lodging: number;
  meals: number;
  activities: number;
  service: number;
}

const SCORES = ['overall', 'lodging', 'meals', 'activities', 'service'] as const;
const MAX_LIST = 500;

/** Ratings of completed stays: given once by the union, read by the base and the federation. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
  ) {}

  /** The union's organiser (or an admin) rates a COMPLETED or SETTLED stay, once. */
  async rate(ctx: RequestContext, input: RateStayInput): Promise<StayFeedback> {
    const actor = ctx.requireActor();
    const comment = input.comment?.trim() || null;
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.batches.getVisibleOrThrow(tx, input.batchId, 'batchId');
      requireAccess(tx, Permission.ActForUnion, batch, { message: "Only the batch's union rates its stay", field: 'batchId' });
      if (batch.status !== BatchStatus.COMPLETED && batch.status !== BatchStatus.SETTLED) {
        throw DomainException.wrongState(batch.status, `A stay is rated once it is COMPLETED; batch ${batch.reference} is ${batch.status}`);
      }
      const row = {
        batchId: batch.id,
        baseId: batch.baseId,
        unionId: batch.unionId,
        overall: input.overall,
        lodging: input.lodging,
        meals: input.meals,
        activities: input.activities,
        service: input.service,
        comment,
        createdById: actor.userId,
        createdAt: nowToTheSecond(),
      };
      try {
        return { id: await insertRow(tx.em, StayFeedback, row), ...row };
      } catch (error) {
        if (isUniqueViolation(error)) throw DomainException.conflict(`Batch ${batch.reference} has been rated already; a stay is rated once`, { field: 'batchId' });
        throw error;
      }
    });
  }

  /** Feedback the caller may read, newest first: an operator their base's, an organiser their union's, an admin all (or one base's). */
  list(ctx: RequestContext, baseId?: number | null): Promise<StayFeedback[]> {
    const scope = scopeFor(ctx, Permission.ReadFeedback);
    if ('baseId' in scope && baseId != null && baseId !== scope.baseId) {
      throw DomainException.forbidden(`You read the feedback of your own base only (baseId ${scope.baseId}); ask for it, or leave baseId out`, { field: 'baseId' });
    }
    return this.db.read(ctx, (em) => {
      const qb = em.createQueryBuilder(StayFeedback, 'f').orderBy('f.id', 'DESC').take(MAX_LIST);
      if ('baseId' in scope) qb.andWhere('f.baseId = :own', { own: scope.baseId });
      else if ('unionId' in scope) qb.andWhere('f.unionId = :own', { own: scope.unionId });
      else if (!('all' in scope)) qb.andWhere('1 = 0');
      if (baseId != null) qb.andWhere('f.baseId = :baseId', { baseId });
      return qb.getMany();
    });
  }

  /** The feedback of one batch, if any; batched per request. */
  async forBatch(ctx: RequestContext, batchId: number): Promise<StayFeedback | null> {
    return (
      (
        await ctx.loadGroup(
          'feedbackOfBatch',
          batchId,
          (ids) => this.db.read(ctx, (em) => em.findBy(StayFeedback, { batchId: In(ids) })),
          (f) => f.batchId,
        )
      )[0] ?? null
    );
  }

  /** Averages per base in SQL (all bases with feedback, or those asked), batched per request. */
  async rating(ctx: RequestContext, baseId: number): Promise<BaseRating | null> {
    return ctx
      .loader<number, BaseRating | null>('baseRating', async (ids) => {
        const rows = await this.ratings(ctx, [...ids]);
        return ids.map((id) => rows.find((r) => r.baseId === id) ?? null);
      })
      .load(baseId);
  }

  async ratings(ctx: RequestContext, baseIds?: number[]): Promise<BaseRating[]> {
    const rows = await this.db.read(ctx, (em) => {
      const qb = em.createQueryBuilder(StayFeedback, 'f').select('f.baseId', 'baseId').addSelect('COUNT(*)', 'count').groupBy('f.baseId');
      for (const s of SCORES) qb.addSelect(`AVG(f.${s})`, s);
      if (baseIds) qb.where('f.baseId IN (:...baseIds)', { baseIds: baseIds.length ? baseIds : [-1] });
      return qb.getRawMany<Record<string, string | number>>();
    });
    return rows.map((r) => ({
      baseId: Number(r.baseId),
      count: Number(r.count),
      ...(Object.fromEntries(SCORES.map((s) => [s, Math.round(Number(r[s]) * 100) / 100])) as Record<(typeof SCORES)[number], number>),
    }));
  }
}
