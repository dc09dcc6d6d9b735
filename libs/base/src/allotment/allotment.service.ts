import { Injectable } from '@nestjs/common';
import { addDays, type CalendarDate, Clock, daysBetween, DomainException, eachDay, insertRow, nowToTheSecond, RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In, LessThanOrEqual } from 'typeorm';
import { assertManagesBase } from '../base/base-access.js';
import { BaseService } from '../base/base.service.js';
import { CapacityService } from '../capacity/capacity.service.js';
import { Allotment, AllotmentAction, AllotmentEvent, AllotmentNight } from './allotment.entity.js';
import { runs } from './allotment-nights.js';

/** Longest block one allotment may hold. */
export const MAX_ALLOTMENT_NIGHTS = 366;
export const MAX_RELEASE_DAYS = 180;

export interface NewAllotment {
  agreementId: number;
  baseId: number;
  guestRegionId: number;
  from: CalendarDate;
  to: CalendarDate;
  beds: number;
  releaseDays: number;
}

/** Per base and night: what allotments hold there (for the capacity audit). */
export interface AllotmentHolding {
  allotmentId: number;
  baseId: number;
  night: CalendarDate;
  beds: number;
  used: number;
  released: boolean;
}

/**
 * Allotments: room blocks carved out of a base's calendar — created, released (by hand, when their
 * agreement ends, or by the sweep on their release day) and read. A batch's beds on one are
 * AllotmentDrawService's. Lock order is always the allotment's night rows (by night) and then the
 * capacity rows, as on the booking path, so the two never wait on each other in a cycle.
 */
@Injectable()
export class AllotmentService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly capacity: CapacityService,
    private readonly bases: BaseService,
    private readonly clock: Clock,
  ) {}

  /**
   * Holds `beds` on every night from…to at the base: taken from general sale in the caller's
   * transaction (CAPACITY_EXCEEDED naming the night). The host base's operator or an admin; the
   * caller has checked the agreement.
   */
  async create(ctx: RequestContext, input: NewAllotment): Promise<Allotment> {
    assertManagesBase(ctx, input.baseId);
    const today = this.clock.today();
    if (input.from < today) throw DomainException.badInput('from', `from (${input.from}) is in the past; the first night can be today (${today}) or later`);
    if (input.to < input.from) throw DomainException.badInput('to', `to (${input.to}) is before from (${input.from})`);
    const nights = daysBetween(input.from, input.to) + 1;
    if (nights > MAX_ALLOTMENT_NIGHTS) throw DomainException.badInput('to', `An allotment holds at most ${MAX_ALLOTMENT_NIGHTS} nights; ${input.from}…${input.to} is ${nights}`);
    if (!Number.isInteger(input.beds) || input.beds < 1) throw DomainException.badInput('beds', `beds must be at least 1, got ${input.beds}`);
    if (!Number.isInteger(input.releaseDays) || input.releaseDays < 0 || input.releaseDays > MAX_RELEASE_DAYS) {
      throw DomainException.badInput('releaseDays', `releaseDays must be 0–${MAX_RELEASE_DAYS}, got ${input.releaseDays}`);
    }
    const firstRelease = addDays(input.from, -input.releaseDays);
    if (firstRelease <= today) {
      throw DomainException.badInput('releaseDays', `The first night's beds would go back to general sale on ${firstRelease}, not after today (${today}): start later or give fewer releaseDays`);
    }
    return this.db.transaction(ctx, async (tx) => {
      const em = tx.em;
      await this.bases.getOrThrow(tx, input.baseId, 'baseId');
      const actor = tx.requireActor();
      const now = nowToTheSecond();
      const allotment: Allotment = { id: 0, ...input, createdById: actor.userId, createdAt: now };
      const { id: _unset, ...values } = allotment;
      allotment.id = await insertRow(em, Allotment, values);
      const days = eachDay(input.from, input.to);
      for (let i = 0; i < days.length; i += 200) {
        await em
          .createQueryBuilder()
          .insert()
          .into(AllotmentNight)
          .values(
            days
              .slice(i, i + 200)
              .map((night) => ({ allotmentId: allotment.id, night, baseId: input.baseId, beds: input.beds, used: 0, released: false, releaseOn: addDays(night, -input.releaseDays) })),
          )
          .updateEntity(false)
          .execute();
      }
      await this.record(tx, allotment.id, AllotmentAction.CREATE, input.from, input.to, input.beds * nights, null, now);
      await this.capacity.allot(tx, input.baseId, input.from, nights, input.beds);
      return allotment;
    });
  }

  /**
   * Releases the unused beds of nights from…to (those not released yet) to general sale, with a
   * history event; returns the bed-nights released. Inside the caller's transaction; the caller
   * checked who may.
   */
  async releaseRange(tx: TxContext, allotment: Allotment, from: CalendarDate, to: CalendarDate, reason: string | null): Promise<number> {
    const em = tx.em;
    const first = from < allotment.from ? allotment.from : from;
    const last = to > allotment.to ? allotment.to : to;
    if (last < first) return 0;
    const rows = await this.db
      .forUpdate(em.createQueryBuilder(AllotmentNight, 'n'))
      .where('n.allotmentId = :id AND n.night BETWEEN :first AND :last AND n.released = 0', { id: allotment.id, first, last })
      .orderBy('n.night', 'ASC')
      .getMany();
    if (!rows.length) return 0;
    await em
      .createQueryBuilder()
      .update(AllotmentNight)
      .set({ released: true, beds: () => 'used' })
      .where('allotmentId = :id AND night IN (:...nights)', { id: allotment.id, nights: rows.map((r) => r.night) })
      .execute();
    let bedNights = 0;
    // Runs of nights with the same unused beds, in date order (the lock order of every path).
    for (const run of runs(rows, (r) => r.beds - r.used)) {
      await this.capacity.releaseAllotted(tx, allotment.baseId, run.nights, run.key);
      bedNights += run.key * run.nights.length;
    }
    await this.record(tx, allotment.id, AllotmentAction.RELEASE, rows[0].night, rows[rows.length - 1].night, bedNights, reason, nowToTheSecond());
    return bedNights;
  }

  async getOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<Allotment> {
    const allotment = await this.db.read(ctx, (em) => em.findOneBy(Allotment, { id }));
    if (!allotment) throw DomainException.notFound('Allotment', id, field);
    return allotment;
  }

  /** The allotment row, locked until the caller's transaction ends (serialises its releases). */
  async lockOrThrow(tx: TxContext, id: number, field = 'id'): Promise<Allotment> {
    const allotment = await this.db.forUpdate(tx.em.createQueryBuilder(Allotment, 'a')).where('a.id = :id', { id }).getOne();
    if (!allotment) throw DomainException.notFound('Allotment', id, field);
    return allotment;
  }

  /**
   * Releases every unused bed of the allotments given (an agreement ended): all their unreleased
   * nights are locked first, allotment by allotment in date order, before any capacity row, so a
   * batch giving beds back to one of them at the same time cannot wait on us in a cycle.
   */
  async releaseAll(tx: TxContext, allotments: Allotment[], reason: string): Promise<number> {
    if (!allotments.length) return 0;
    await this.db
      .forUpdate(tx.em.createQueryBuilder(AllotmentNight, 'n'))
      .where('n.allotmentId IN (:...ids) AND n.released = 0', { ids: allotments.map((a) => a.id) })
      .orderBy('n.allotmentId', 'ASC')
      .addOrderBy('n.night', 'ASC')
      .getMany();
    let released = 0;
    // Capacity rows then in base and date order.
    for (const allotment of [...allotments].sort((a, b) => a.baseId - b.baseId || a.from.localeCompare(b.from)))
      released += await this.releaseRange(tx, allotment, allotment.from, allotment.to, reason);
    return released;
  }

  /** Allotments of the agreements given (all of them, or at one base), oldest first. */
  list(ctx: RequestContext, agreementIds: number[], baseId?: number | null): Promise<Allotment[]> {
    if (!agreementIds.length) return Promise.resolve([]);
    return this.db.read(ctx, (em) => em.find(Allotment, { where: { agreementId: In(agreementIds), ...(baseId != null ? { baseId } : {}) }, order: { id: 'ASC' } }));
  }

  /** Allotments of the agreement at the base that hold every night from…to, oldest first. */
  covering(ctx: RequestContext, agreementId: number, baseId: number, from: CalendarDate, to: CalendarDate): Promise<Allotment[]> {
    return this.db.read(ctx, (em) =>
      em
        .createQueryBuilder(Allotment, 'a')
        .where('a.agreementId = :agreementId AND a.baseId = :baseId', { agreementId, baseId })
        .andWhere('a.fromNight <= :from AND a.toNight >= :to', { from, to })
        .orderBy('a.id', 'ASC')
        .getMany(),
    );
  }

  /** Its nights, in date order; batched per request. */
  nights(ctx: RequestContext, allotmentId: number): Promise<AllotmentNight[]> {
    return ctx.loadGroup(
      'allotmentNights',
      allotmentId,
      (ids) => this.db.read(ctx, (em) => em.find(AllotmentNight, { where: { allotmentId: In(ids) }, order: { night: 'ASC' } })),
      (n) => n.allotmentId,
    );
  }

  history(ctx: RequestContext, allotmentId: number): Promise<AllotmentEvent[]> {
    return ctx.loadGroup(
      'allotmentHistory',
      allotmentId,
      (ids) => this.db.read(ctx, (em) => em.find(AllotmentEvent, { where: { allotmentId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.allotmentId,
    );
  }

  /** Every allotment night that holds beds or is used, for the capacity audit (read in the caller's snapshot). */
  holdings(ctx: RequestContext): Promise<AllotmentHolding[]> {
    return this.db.read(ctx, (em) =>
      em.createQueryBuilder(AllotmentNight, 'n').select(['n.allotmentId', 'n.baseId', 'n.night', 'n.beds', 'n.used', 'n.released']).where('n.beds > 0 OR n.used > 0').getMany(),
    );
  }

  /** Nights whose release day is on or before `day` and still unreleased (for tests and the sweep's report). */
  countDue(ctx: RequestContext, day: CalendarDate): Promise<number> {
    return this.db.read(ctx, (em) => em.countBy(AllotmentNight, { released: false, releaseOn: LessThanOrEqual(day) }));
  }

  private async record(tx: TxContext, allotmentId: number, action: AllotmentAction, from: string, to: string, bedNights: number, reason: string | null, at: Date): Promise<void> {
    const actor = tx.requireActor();
    await insertRow(tx.em, AllotmentEvent, { allotmentId, action, from, to, bedNights, actorName: actor.username, actorId: actor.userId, reason, at });
  }
}
