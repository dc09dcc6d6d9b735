import { Injectable } from '@nestjs/common';
import {
  addDays,
  type CalendarDate,
  daysBetween,
  DomainException,
  eachDay,
  insertRow,
  nowToTheSecond,
  RequestContext,
  todayInShanghai,
  TransactionRunner,
} from '@app/shared';
import { In, LessThanOrEqual } from 'typeorm';
import { assertManagesBase } from '../base/base-access.js';
import { BaseService } from '../base/base.service.js';
import { CapacityService } from '../capacity/capacity.service.js';
import { Allotment, AllotmentAction, AllotmentEvent, AllotmentNight } from './allotment.entity.js';

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

/** Consecutive rows (already in date order) with the same key, as runs of nights. */
function runs<K>(rows: AllotmentNight[], keyOf: (r: AllotmentNight) => K): Array<{ key: K; nights: string[] }> {
  const out: Array<{ key: K; nights: string[] }> = [];
  for (const r of rows) {
    const key = keyOf(r);
    const last = out[out.length - 1];
    if (last && last.key === key) last.nights.push(r.night);
    else out.push({ key, nights: [r.night] });
  }
  return out;
}

function requireTx(ctx: RequestContext) {
  if (!ctx.em) throw new Error('Allotment changes must run inside a transaction (TransactionRunner.transaction)');
  return ctx.em;
}

/**
 * Allotments: room blocks carved out of a base's calendar. Lock order is always the allotment's
 * night rows (by night) and then the capacity rows, as on the booking path, so the two never wait
 * on each other in a cycle.
 */
@Injectable()
export class AllotmentService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly capacity: CapacityService,
    private readonly bases: BaseService,
  ) {}

  /**
   * Holds `beds` on every night from…to at the base: taken from general sale in the caller's
   * transaction (CAPACITY_EXCEEDED naming the night). The host base's operator or an admin; the
   * caller has checked the agreement.
   */
  async create(ctx: RequestContext, input: NewAllotment): Promise<Allotment> {
    assertManagesBase(ctx, input.baseId);
    const today = todayInShanghai();
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
      const em = requireTx(tx);
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
          .values(days.slice(i, i + 200).map((night) => ({ allotmentId: allotment.id, night, baseId: input.baseId, beds: input.beds, used: 0, released: false, releaseOn: addDays(night, -input.releaseDays) })))
          .updateEntity(false)
          .execute();
      }
      await this.record(tx, allotment.id, AllotmentAction.CREATE, input.from, input.to, input.beds * nights, null, now);
      await this.capacity.allot(tx, input.baseId, input.from, nights, input.beds);
      return allotment;
    });
  }

  /**
   * Takes `beds` on every night from the first allotment (of those given, in order) with that many
   * unused, unreleased beds on each night of the stay; returns its id, or null when none has room.
   */
  async draw(tx: RequestContext, allotmentIds: number[], firstNight: CalendarDate, nights: number, beds: number): Promise<number | null> {
    for (const id of allotmentIds) {
      const rows = await this.lockNights(tx, id, firstNight, nights);
      if (rows.length === nights && rows.every((r) => !r.released && r.beds - r.used >= beds) && !(await this.capacity.firstClosedNight(tx, rows[0].baseId, rows.map((r) => r.night)))) {
        await this.use(tx, id, rows, beds);
        return id;
      }
    }
    return null;
  }

  /** A headcount change of a batch drawing on the allotment: the difference, from or back to it. */
  async adjust(tx: RequestContext, allotmentId: number, firstNight: CalendarDate, nights: number, delta: number): Promise<void> {
    if (delta < 0) return this.giveBack(tx, allotmentId, firstNight, nights, -delta);
    if (delta === 0) return;
    const rows = await this.lockNights(tx, allotmentId, firstNight, nights);
    const short = rows.find((r) => r.released || r.beds - r.used < delta);
    if (short || rows.length !== nights) {
      const night = short?.night ?? firstNight;
      const left = short && !short.released ? short.beds - short.used : 0;
      throw DomainException.capacityExceeded(
        `The batch's beds come from allotment ${allotmentId}, which has ${left} unused beds left on the night of ${night}${short?.released ? ' (released to general sale)' : ''}; ${delta} more requested`,
        { field: 'headcount', night, availableBeds: left, requestedBeds: delta, allotmentId },
      );
    }
    const closed = await this.capacity.firstClosedNight(tx, rows[0].baseId, rows.map((r) => r.night));
    if (closed) throw DomainException.badInput('headcount', `The base is closed on the night of ${closed.night}${closed.closedReason ? ` (${closed.closedReason})` : ''}; the batch cannot grow`, { night: closed.night });
    await this.use(tx, allotmentId, rows, delta);
  }

  /**
   * A batch gives `beds` back: to the allotment on nights not yet released, to general sale on
   * nights already released (the allotment then holds only what stays used).
   */
  async giveBack(tx: RequestContext, allotmentId: number, firstNight: CalendarDate, nights: number, beds: number): Promise<void> {
    const em = requireTx(tx);
    const rows = await this.lockNights(tx, allotmentId, firstNight, nights);
    if (rows.length !== nights || rows.some((r) => r.used < beds)) {
      throw new Error(`Allotment drift: giving back ${beds} beds to allotment ${allotmentId} from ${firstNight} for ${nights} nights`);
    }
    await em
      .createQueryBuilder()
      .update(AllotmentNight)
      .set({ used: () => 'used - :beds', beds: () => 'CASE WHEN released = 1 THEN beds - :beds ELSE beds END' })
      .where('allotmentId = :allotmentId AND night IN (:...nights)', { allotmentId, nights: rows.map((r) => r.night), beds })
      .execute();
    const baseId = rows[0].baseId;
    // Runs of released and unreleased nights, in date order, so capacity rows are locked in the
    // same order as on every other path.
    for (const run of runs(rows, (r) => r.released)) {
      if (run.key) await this.capacity.releaseNights(tx, baseId, run.nights, beds);
      else await this.capacity.useAllotted(tx, baseId, run.nights, -beds);
    }
  }

  /**
   * Releases the unused beds of nights from…to (those not released yet) to general sale, with a
   * history event; returns the bed-nights released. Inside the caller's transaction; the caller
   * checked who may.
   */
  async releaseRange(tx: RequestContext, allotment: Allotment, from: CalendarDate, to: CalendarDate, reason: string | null): Promise<number> {
    const em = requireTx(tx);
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
  async lockOrThrow(tx: RequestContext, id: number, field = 'id'): Promise<Allotment> {
    const allotment = await this.db.forUpdate(requireTx(tx).createQueryBuilder(Allotment, 'a')).where('a.id = :id', { id }).getOne();
    if (!allotment) throw DomainException.notFound('Allotment', id, field);
    return allotment;
  }

  /**
   * Releases every unused bed of the allotments given (an agreement ended): all their unreleased
   * nights are locked first, allotment by allotment in date order, before any capacity row, so a
   * batch giving beds back to one of them at the same time cannot wait on us in a cycle.
   */
  async releaseAll(tx: RequestContext, allotments: Allotment[], reason: string): Promise<number> {
    if (!allotments.length) return 0;
    await this.db
      .forUpdate(requireTx(tx).createQueryBuilder(AllotmentNight, 'n'))
      .where('n.allotmentId IN (:...ids) AND n.released = 0', { ids: allotments.map((a) => a.id) })
      .orderBy('n.allotmentId', 'ASC')
      .addOrderBy('n.night', 'ASC')
      .getMany();
    let released = 0;
    // Capacity rows then in base and date order.
    for (const allotment of [...allotments].sort((a, b) => a.baseId - b.baseId || a.from.localeCompare(b.from))) released += await this.releaseRange(tx, allotment, allotment.from, allotment.to, reason);
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
    return ctx.loadGroup('allotmentNights', allotmentId, (ids) => this.db.read(ctx, (em) => em.find(AllotmentNight, { where: { allotmentId: In(ids) }, order: { night: 'ASC' } })), (n) => n.allotmentId);
  }

  history(ctx: RequestContext, allotmentId: number): Promise<AllotmentEvent[]> {
    return ctx.loadGroup('allotmentHistory', allotmentId, (ids) => this.db.read(ctx, (em) => em.find(AllotmentEvent, { where: { allotmentId: In(ids) }, order: { id: 'ASC' } })), (e) => e.allotmentId);
  }

  /** Every allotment night that holds beds or is used, for the capacity audit (read in the caller's snapshot). */
  holdings(ctx: RequestContext): Promise<AllotmentHolding[]> {
    return this.db.read(ctx, (em) =>
      em
        .createQueryBuilder(AllotmentNight, 'n')
        .select(['n.allotmentId', 'n.baseId', 'n.night', 'n.beds', 'n.used', 'n.released'])
        .where('n.beds > 0 OR n.used > 0')
        .getMany(),
    );
  }

  /** Nights whose release day is on or before `day` and still unreleased (for tests and the sweep's report). */
  countDue(ctx: RequestContext, day: CalendarDate): Promise<number> {
    return this.db.read(ctx, (em) => em.countBy(AllotmentNight, { released: false, releaseOn: LessThanOrEqual(day) }));
  }

  private lockNights(tx: RequestContext, allotmentId: number, firstNight: CalendarDate, nights: number): Promise<AllotmentNight[]> {
    const lastNight = addDays(firstNight, nights - 1);
    return this.db
      .forUpdate(requireTx(tx).createQueryBuilder(AllotmentNight, 'n'))
      .where('n.allotmentId = :allotmentId AND n.night BETWEEN :firstNight AND :lastNight', { allotmentId, firstNight, lastNight })
      .orderBy('n.night', 'ASC')
      .getMany();
  }

  /** `beds` more used on the (locked, checked) rows, and as many fewer unused in the calendar. */
  private async use(tx: RequestContext, allotmentId: number, rows: AllotmentNight[], beds: number): Promise<void> {
    const nights = rows.map((r) => r.night);
    await requireTx(tx)
      .createQueryBuilder()
      .update(AllotmentNight)
      .set({ used: () => 'used + :beds' })
      .where('allotmentId = :allotmentId AND night IN (:...nights) AND released = 0 AND used + :beds <= beds', { allotmentId, nights, beds })
      .execute();
    await this.capacity.useAllotted(tx, rows[0].baseId, nights, beds);
  }

  private async record(tx: RequestContext, allotmentId: number, action: AllotmentAction, from: string, to: string, bedNights: number, reason: string | null, at: Date): Promise<void> {
    const actor = tx.requireActor();
    await insertRow(requireTx(tx), AllotmentEvent, { allotmentId, action, from, to, bedNights, actorName: actor.username, actorId: actor.userId, reason, at });
  }
}
