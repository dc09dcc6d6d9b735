import { Injectable } from '@nestjs/common';
import { AllotmentService, CapacityService, type CapacityDrift } from '@app/base';
import { addDays, checkPageSize, type ConnectionShape, decodeCursor, DomainException, pageNewestFirst, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In, type SelectQueryBuilder } from 'typeorm';
import { batchScope, canSee, scopeBatches } from './batch-access.js';
import { BatchEvent } from './batch-event.entity.js';
import { BatchStatus, HOLDS_BEDS } from './batch-status.js';
import { Batch } from './batch.entity.js';
import { BedSource } from './bed-source.js';
import { BenefitType } from '../exchange-terms/benefit.js';
import { BatchRules } from './batch-rules.js';
import type { BatchesArgs } from './batches.args.js';

export type StayGrouping = 'base' | 'union' | 'month';

/** Exchange batches of one direction (the union's region → the base's region). */
export interface ExchangeFigures {
  fromRegionId: number;
  toRegionId: number;
  /** Batches that went ahead (checked in, completed, settled). */
  batches: number;
  personVisits: number;
  personNights: number;
  /** Batches still committed: requested or confirmed. */
  committedBatches: number;
  committedPersonVisits: number;
  committedPersonNights: number;
  /** Fen the hosts granted to the batches that went ahead: vouchers and discounts per person × people. */
  benefitsGranted: number;
}

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
    private readonly allotments: AllotmentService,
    private readonly rules: BatchRules,
  ) {}

  /** The batch if the caller may see it; NOT_FOUND otherwise (never says whose it is). */
  async getVisibleOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Batch> {
    const batch = await this.db.read(ctx, (em) => em.findOneBy(Batch, { id }));
    if (!batch || !canSee(batchScope(ctx), batch)) throw DomainException.notFound('Batch', id, field);
    return batch;
  }

  /** As getVisibleOrThrow, with the row locked until the caller's transaction ends (MySQL). */
  async lockVisibleOrThrow(ctx: TxContext, id: number, field = 'id'): Promise<Batch> {
    const batch = await this.db.forUpdate(ctx.em.createQueryBuilder(Batch, 'b')).where('b.id = :id', { id }).getOne();
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
   * base, union or month of arrival: batches, person-visits (headcounts) and person-nights. Scoped;
   * `exchange` true counts only batches under agreements, false only the others.
   */
  async stayFigures(ctx: RequestContext, from: string, to: string, groupBy: StayGrouping, exchange?: boolean | null): Promise<StayFigures[]> {
    const scope = batchScope(ctx);
    if ('none' in scope) return [];
    const key = { base: 'b.baseId', union: 'b.unionId', month: 'SUBSTR(b.startDate, 1, 7)' }[groupBy];
    return this.db.read(ctx, async (em) => {
      const qb = em
        .createQueryBuilder(Batch, 'b')
        .select(key, 'groupKey')
        .addSelect('COUNT(*)', 'batches')
        // Person-visits are the people who arrived (the headcount for stays recorded before arrivals were).
        .addSelect('SUM(COALESCE(b.arrivals, b.headcount))', 'personVisits')
        .addSelect('SUM(COALESCE(b.arrivals, b.headcount) * b.nights)', 'personNights')
        .where('b.startDate BETWEEN :from AND :to', { from, to })
        .andWhere('b.status IN (:...hosted)', { hosted: [...HOSTED] })
        .groupBy(key);
      if (exchange === true) qb.andWhere('b.agreementId IS NOT NULL');
      if (exchange === false) qb.andWhere('b.agreementId IS NULL');
      scopeBatches(qb, scope);
      const rows = await qb.getRawMany<{ groupKey: string | number; batches: string | number; personVisits: string | number; personNights: string | number }>();
      return rows.map((r) => ({ key: String(r.groupKey), batches: Number(r.batches), personVisits: Number(r.personVisits), personNights: Number(r.personNights) }));
    });
  }

  /**
   * Batches booked under agreements, arriving in [from, to], per direction — all of one agreement,
   * or those a region sent or hosted — aggregated in SQL. Not scoped: the caller decides what it may ask.
   */
  async exchangeFigures(ctx: RequestContext, where: { agreementId?: number; regionId?: number; from: string; to: string }): Promise<ExchangeFigures[]> {
    const hosted = `b.status IN ('${HOSTED.join("','")}')`;
    const committed = `b.status IN ('${BatchStatus.REQUESTED}','${BatchStatus.CONFIRMED}')`;
    return this.db.read(ctx, async (em) => {
      const qb = em
        .createQueryBuilder(Batch, 'b')
        .select('b.unionRegionId', 'fromRegionId')
        .addSelect('b.baseRegionId', 'toRegionId')
        .addSelect(`SUM(CASE WHEN ${hosted} THEN 1 ELSE 0 END)`, 'batches')
        .addSelect(`SUM(CASE WHEN ${hosted} THEN COALESCE(b.arrivals, b.headcount) ELSE 0 END)`, 'personVisits')
        .addSelect(`SUM(CASE WHEN ${hosted} THEN COALESCE(b.arrivals, b.headcount) * b.nights ELSE 0 END)`, 'personNights')
        .addSelect(`SUM(CASE WHEN ${committed} THEN 1 ELSE 0 END)`, 'committedBatches')
        .addSelect(`SUM(CASE WHEN ${committed} THEN b.headcount ELSE 0 END)`, 'committedPersonVisits')
        .addSelect(`SUM(CASE WHEN ${committed} THEN b.headcount * b.nights ELSE 0 END)`, 'committedPersonNights')
        .addSelect(`SUM(CASE WHEN ${hosted} THEN COALESCE(b.arrivals, b.headcount) * b.benefitPerPerson ELSE 0 END)`, 'benefitsGranted')
        .where('b.agreementId IS NOT NULL AND b.startDate BETWEEN :from AND :to', { from: where.from, to: where.to })
        .groupBy('b.unionRegionId')
        .addGroupBy('b.baseRegionId');
      if (where.agreementId !== undefined) qb.andWhere('b.agreementId = :agreementId', { agreementId: where.agreementId });
      if (where.regionId !== undefined) qb.andWhere('(b.unionRegionId = :regionId OR b.baseRegionId = :regionId)', { regionId: where.regionId });
      const rows = await qb.getRawMany<Record<keyof ExchangeFigures, string | number>>();
      return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])) as unknown as ExchangeFigures);
    });
  }

  /** Hosted batches under an agreement with a voucher, arriving in [from, to]: what a subsidy claim is made of. Not scoped. */
  vouchered(ctx: RequestContext, agreementId: number, from: string, to: string, baseId?: number | null): Promise<Batch[]> {
    return this.db.read(ctx, (em) => {
      const qb = em
        .createQueryBuilder(Batch, 'b')
        .where('b.agreementId = :agreementId AND b.startDate BETWEEN :from AND :to', { agreementId, from, to })
        .andWhere('b.status IN (:...hosted) AND b.benefitType = :voucher AND b.benefitPerPerson > 0', { hosted: [...HOSTED], voucher: BenefitType.VOUCHER_PER_PERSON })
        .orderBy('b.startDate', 'ASC')
        .addOrderBy('b.id', 'ASC');
      if (baseId != null) qb.andWhere('b.baseId = :baseId', { baseId });
      return qb.getMany();
    });
  }

  /** Of the batches given, those whose days count against a person's yearly maximum: not cancelled, rejected or expired. Not scoped. */
  countingDays(ctx: RequestContext, ids: number[]): Promise<Batch[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.read(ctx, (em) => em.find(Batch, { where: { id: In(ids), status: In([...HOLDS_BEDS, ...HOSTED]) } }));
  }

  findByIdempotencyKey(ctx: RequestContext, unionId: number, idempotencyKeyHash: string): Promise<Batch | null> {
    return this.db.read(ctx, (em) => em.findOneBy(Batch, { unionId, idempotencyKeyHash }));
  }

  /**
   * A page of the batches the caller may see, newest first; two queries whatever the page size.
   * `narrow` adds another lib's conditions on the alias `b` (the roster lib: a list's state).
   */
  async list(ctx: RequestContext, args: BatchesArgs, narrow?: (qb: SelectQueryBuilder<Batch>) => void): Promise<ConnectionShape<Batch>> {
    const first = checkPageSize(args.first);
    const scope = batchScope(ctx);
    const f = args.filter ?? {};
    if (f.from && f.to && f.to < f.from) throw DomainException.badInput('filter.to', `to (${f.to}) is before from (${f.from})`);
    const afterId = args.after ? decodeCursor(args.after) : null;
    if ('none' in scope) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

    const filtered = (qb: SelectQueryBuilder<Batch>) => {
      scopeBatches(qb, scope);
      if (f.status) qb.andWhere('b.status = :status', { status: f.status });
      if (f.baseId != null) qb.andWhere('b.baseId = :baseId', { baseId: f.baseId });
      if (f.unionId != null) qb.andWhere('b.unionId = :unionId', { unionId: f.unionId });
      if (f.from) qb.andWhere('b.startDate >= :from', { from: f.from });
      if (f.to) qb.andWhere('b.startDate <= :to', { to: f.to });
      narrow?.(qb);
      return qb;
    };
    return this.db.read(ctx, (em) => pageNewestFirst(() => filtered(em.createQueryBuilder(Batch, 'b')), 'b', first, afterId));
  }

  /** The history of a batch, oldest first; batched per request across batches. */
  history(ctx: RequestContext, batchId: number): Promise<BatchEvent[]> {
    return ctx.loadGroup(
      'batchHistory',
      batchId,
      (ids) => this.db.read(ctx, (em) => em.find(BatchEvent, { where: { batchId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.batchId,
    );
  }

  /**
   * Every base/night whose reserved beds differ from what holds them — batches on general capacity
   * plus the beds allotments hold and the waiting list's open offers (BatchRules.bedsHeld) — or whose allotted beds differ from the allotments' unused ones;
   * and every allotment night whose used beds differ from its batches. All read in one transaction,
   * so they are one consistent snapshot.
   */
  audit(ctx: RequestContext): Promise<CapacityDrift[]> {
    return this.db.transaction(ctx, async (tx) => {
      const holding = await tx.em.find(Batch, {
        select: { id: true, baseId: true, startDate: true, nights: true, headcount: true, bedSource: true, allotmentId: true },
        where: { status: In([...HOLDS_BEDS]) },
      });
      type Night = { batches: number; offers: number; allotments: number; unused: number; reserved: number; allotted: number };
      const nights = new Map<string, Night>();
      const at = (key: string) => nights.get(key) ?? nights.set(key, { batches: 0, offers: 0, allotments: 0, unused: 0, reserved: 0, allotted: 0 }).get(key)!;
      const usedByBatches = new Map<string, number>();
      for (const b of holding) {
        for (let i = 0; i < b.nights; i++) {
          const night = addDays(b.startDate, i);
          if (b.bedSource === BedSource.ALLOTMENT) {
            const key = `${b.allotmentId}|${night}`;
            usedByBatches.set(key, (usedByBatches.get(key) ?? 0) + b.headcount);
          } else {
            at(`${b.baseId}|${night}`).batches += b.headcount;
          }
        }
      }
      for (const held of await this.rules.bedsHeld(tx)) {
        for (let i = 0; i < held.nights; i++) at(`${held.baseId}|${addDays(held.startDate, i)}`).offers += held.beds;
      }
      const drift: CapacityDrift[] = [];
      for (const n of await this.allotments.holdings(tx)) {
        const night = at(`${n.baseId}|${n.night}`);
        night.allotments += n.beds;
        if (!n.released) night.unused += n.beds - n.used;
        const key = `${n.allotmentId}|${n.night}`;
        const used = usedByBatches.get(key) ?? 0;
        usedByBatches.delete(key);
        if (used !== n.used)
          drift.push({
            baseId: n.baseId,
            date: n.night,
            allotmentId: n.allotmentId,
            reservedBeds: n.used,
            heldByBatches: used,
            heldByOffers: 0,
            heldByAllotments: 0,
            allottedBeds: 0,
            unusedAllotmentBeds: 0,
          });
      }
      for (const [key, used] of usedByBatches) {
        const [allotmentId, date] = key.split('|');
        drift.push({ baseId: 0, date, allotmentId: Number(allotmentId), reservedBeds: 0, heldByBatches: used, heldByOffers: 0, heldByAllotments: 0, allottedBeds: 0, unusedAllotmentBeds: 0 });
      }
      for (const row of await this.capacity.reservedNights(tx)) {
        const night = at(`${row.baseId}|${row.night}`);
        night.reserved = row.reservedBeds;
        night.allotted = row.allottedBeds;
      }
      for (const [key, n] of nights) {
        if (n.reserved === n.batches + n.offers + n.allotments && n.allotted === n.unused) continue;
        const [baseId, date] = key.split('|');
        drift.push({
          baseId: Number(baseId),
          date,
          allotmentId: null,
          reservedBeds: n.reserved,
          heldByBatches: n.batches,
          heldByOffers: n.offers,
          heldByAllotments: n.allotments,
          allottedBeds: n.allotted,
          unusedAllotmentBeds: n.unused,
        });
      }
      return drift.sort((a, b) => a.baseId - b.baseId || a.date.localeCompare(b.date) || (a.allotmentId ?? 0) - (b.allotmentId ?? 0));
    });
  }
}
