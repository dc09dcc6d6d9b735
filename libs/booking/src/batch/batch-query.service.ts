import { Injectable } from '@nestjs/common';
import { CapacityService, type CapacityDrift } from '@app/base';
import {
  addDays,
  checkPageSize,
  type ConnectionShape,
  decodeCursor,
  DomainException,
  pageNewestFirst,
  type RequestContext,
  TransactionRunner,
} from '@app/shared';
import { In, type SelectQueryBuilder } from 'typeorm';
import { batchScope, canSee } from './batch-access.js';
import { BatchEvent } from './batch-event.entity.js';
import { BatchStatus, HOLDS_BEDS } from './batch-status.js';
import { Batch } from './batch.entity.js';
import type { BatchesArgs } from './batches.args.js';

export type StayGrouping = 'base' | 'union' | 'month';

export interface StayFigures {
  /** baseId, unionId or YYYY-MM, as text. */
  key: string;
  batches: number;
  personVisits: number;
  personNights: number;
}

/** Batches that took place: the workers arrived. */
const HOSTED = [BatchStatus.CHECKED_IN, BatchStatus.COMPLETED, BatchStatus.SETTLED];

@Injectable()
export class BatchQueryService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly capacity: CapacityService,
  ) {}

  /** The batch if the caller may see it; NOT_FOUND otherwise (never says whose it is). */
  async getVisibleOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Batch> {
    const batch = await this.db.read(ctx, (em) => em.findOneBy(Batch, { id }));
    if (!batch || !canSee(batchScope(ctx), batch)) throw DomainException.notFound('Batch', id, field);
    return batch;
  }

  /** As getVisibleOrThrow, with the row locked until the caller's transaction ends (MySQL). */
  async lockVisibleOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Batch> {
    const batch = await this.db.forUpdate(ctx.em!.createQueryBuilder(Batch, 'b')).where('b.id = :id', { id }).getOne();
    if (!batch || !canSee(batchScope(ctx), batch)) throw DomainException.notFound('Batch', id, field);
    return batch;
  }

  /** The batch if the caller may see it, else null; batched per request. */
  async loadVisible(ctx: RequestContext, id: number): Promise<Batch | null> {
    const batch = await ctx
      .loader<number, Batch | null>('batch', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(Batch, { id: In([...ids]) }));
        return ids.map((id) => rows.find((b) => b.id === id) ?? null);
      })
      .load(id);
    return batch && canSee(batchScope(ctx), batch) ? batch : null;
  }

  /**
   * Which of the batches `among` hold beds on at least one night of `batch`'s stay (at any base):
   * those whose people cannot also be on `batch`. Not scoped: the caller decides what it may name.
   */
  async overlapping(ctx: RequestContext, batch: Pick<Batch, 'id' | 'startDate' | 'endDate'>, among: number[]): Promise<Batch[]> {
    const ids = among.filter((id) => id !== batch.id);
    if (!ids.length) return [];
    return this.db.read(ctx, (em) =>
      em
        .createQueryBuilder(Batch, 'b')
        .where('b.id IN (:...ids)', { ids })
        .andWhere('b.status IN (:...holding)', { holding: [...HOLDS_BEDS] })
        .andWhere('b.startDate < :end AND b.endDate > :start', { start: batch.startDate, end: batch.endDate })
        .getMany(),
    );
  }

  /**
   * Batches hosted (checked in, completed or settled) that arrive in [from, to], aggregated in SQL per
   * base, union or month of arrival: batches, person-visits (headcounts) and person-nights. Scoped.
   */
  async stayFigures(ctx: RequestContext, from: string, to: string, groupBy: StayGrouping): Promise<StayFigures[]> {
    const scope = batchScope(ctx);
    if ('none' in scope) return [];
    const key = { base: 'b.baseId', union: 'b.unionId', month: 'SUBSTR(b.startDate, 1, 7)' }[groupBy];
    return this.db.read(ctx, async (em) => {
      const qb = em
        .createQueryBuilder(Batch, 'b')
        .select(key, 'groupKey')
        .addSelect('COUNT(*)', 'batches')
        .addSelect('SUM(b.headcount)', 'personVisits')
        .addSelect('SUM(b.headcount * b.nights)', 'personNights')
        .where('b.startDate BETWEEN :from AND :to', { from, to })
        .andWhere('b.status IN (:...hosted)', { hosted: [...HOSTED] })
        .groupBy(key);
      if ('unionId' in scope) qb.andWhere('b.unionId = :scopeUnion', { scopeUnion: scope.unionId });
      if ('baseId' in scope) qb.andWhere('b.baseId = :scopeBase', { scopeBase: scope.baseId });
      const rows = await qb.getRawMany<{ groupKey: string | number; batches: string | number; personVisits: string | number; personNights: string | number }>();
      return rows.map((r) => ({ key: String(r.groupKey), batches: Number(r.batches), personVisits: Number(r.personVisits), personNights: Number(r.personNights) }));
    });
  }

  findByIdempotencyKey(ctx: RequestContext, unionId: number, idempotencyKeyHash: string): Promise<Batch | null> {
    return this.db.read(ctx, (em) => em.findOneBy(Batch, { unionId, idempotencyKeyHash }));
  }

  /** A page of the batches the caller may see, newest first; two queries whatever the page size. */
  async list(ctx: RequestContext, args: BatchesArgs): Promise<ConnectionShape<Batch>> {
    const first = checkPageSize(args.first);
    const scope = batchScope(ctx);
    const f = args.filter ?? {};
    if (f.from && f.to && f.to < f.from) throw DomainException.badInput('filter.to', `to (${f.to}) is before from (${f.from})`);
    const afterId = args.after ? decodeCursor(args.after) : null;
    if ('none' in scope) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

    const filtered = (qb: SelectQueryBuilder<Batch>) => {
      if ('unionId' in scope) qb.andWhere('b.unionId = :scopeUnion', { scopeUnion: scope.unionId });
      if ('baseId' in scope) qb.andWhere('b.baseId = :scopeBase', { scopeBase: scope.baseId });
      if (f.status) qb.andWhere('b.status = :status', { status: f.status });
      if (f.baseId != null) qb.andWhere('b.baseId = :baseId', { baseId: f.baseId });
      if (f.unionId != null) qb.andWhere('b.unionId = :unionId', { unionId: f.unionId });
      if (f.from) qb.andWhere('b.startDate >= :from', { from: f.from });
      if (f.to) qb.andWhere('b.startDate <= :to', { to: f.to });
      return qb;
    };
    return this.db.read(ctx, (em) => pageNewestFirst(() => filtered(em.createQueryBuilder(Batch, 'b')), 'b', first, afterId));
  }

  /** The history of a batch, oldest first; batched per request across batches. */
  history(ctx: RequestContext, batchId: number): Promise<BatchEvent[]> {
    return ctx.loadGroup('batchHistory', batchId, (ids) => this.db.read(ctx, (em) => em.find(BatchEvent, { where: { batchId: In(ids) }, order: { id: 'ASC' } })), (e) => e.batchId);
  }

  /**
   * Every base/night whose reserved beds differ from the sum of headcounts of the batches holding
   * beds there. Both sides are read in one transaction, so they are one consistent snapshot.
   */
  audit(ctx: RequestContext): Promise<CapacityDrift[]> {
    return this.db.transaction(ctx, async (tx) => {
      const holding = await tx.em!.find(Batch, {
        select: { id: true, baseId: true, startDate: true, nights: true, headcount: true },
        where: { status: In([...HOLDS_BEDS]) },
      });
      const expected = new Map<string, number>();
      for (const b of holding) {
        for (let i = 0; i < b.nights; i++) {
          const key = `${b.baseId}|${addDays(b.startDate, i)}`;
          expected.set(key, (expected.get(key) ?? 0) + b.headcount);
        }
      }
      const drift: CapacityDrift[] = [];
      for (const row of await this.capacity.reservedNights(tx)) {
        const key = `${row.baseId}|${row.night}`;
        const held = expected.get(key) ?? 0;
        expected.delete(key);
        if (held !== row.reservedBeds) drift.push({ baseId: row.baseId, date: row.night, reservedBeds: row.reservedBeds, heldByBatches: held });
      }
      for (const [key, held] of expected) {
        const [baseId, date] = key.split('|');
        drift.push({ baseId: Number(baseId), date, reservedBeds: 0, heldByBatches: held });
      }
      return drift.sort((a, b) => a.baseId - b.baseId || a.date.localeCompare(b.date));
    });
  }
}
