import { Injectable } from '@nestjs/common';
import {
  addDays,
  type CalendarDate,
  daysBetween,
  DomainException,
  eachDay,
  type RequestContext,
  todayInShanghai,
  TransactionRunner,
} from '@app/shared';
import { Between, type EntityManager, In, MoreThan } from 'typeorm';
import { assertManagesBase } from '../base/base-access.js';
import type { Base } from '../base/base.entity.js';
import { BaseService } from '../base/base.service.js';
import type { BaseAvailability, CapacityDay } from './capacity-day.model.js';
import { CapacityNight } from './capacity-night.entity.js';
import type { CloseDatesInput, ReopenDatesInput, SetCapacityInput } from './capacity-range.input.js';

/** Longest range a calendar or availability query may ask for. */
export const MAX_QUERY_NIGHTS = 366;
/** Most bases one availability query may name. */
export const MAX_AVAILABILITY_BASES = 50;
/** Longest range one setCapacity/closeDates call may change. */
export const MAX_CHANGE_NIGHTS = 731;

const INSERT_CHUNK = 400;

function checkRange(from: CalendarDate, to: CalendarDate, max: number): number {
  if (to < from) throw DomainException.badInput('to', `to (${to}) is before from (${from})`);
  const nights = daysBetween(from, to) + 1;
  if (nights > max) throw DomainException.badInput('to', `At most ${max} nights at a time; ${from}…${to} is ${nights}`);
  return nights;
}

/** Past nights are history: their beds and closures no longer change. */
function checkNotPast(from: CalendarDate): void {
  const today = todayInShanghai();
  if (from < today) throw DomainException.badInput('from', `from (${from}) is in the past; nights from today (${today}) on can be changed`);
}

function toDay(date: CalendarDate, row: CapacityNight | undefined): CapacityDay {
  if (!row) return { date, totalBeds: 0, reservedBeds: 0, allottedBeds: 0, availableBeds: 0, closed: false, closedReason: null };
  return {
    date,
    totalBeds: row.totalBeds,
    reservedBeds: row.reservedBeds,
    allottedBeds: row.allottedBeds,
    availableBeds: row.closed ? 0 : Math.max(0, row.totalBeds - row.reservedBeds),
    closed: !!row.closed,
    closedReason: row.closedReason,
  };
}

function requireManager(ctx: RequestContext): EntityManager {
  if (!ctx.em) throw new Error('Capacity changes must run inside a transaction (TransactionRunner.transaction)');
  return ctx.em;
}

/**
 * The capacity calendar: beds per base per night. Beds are taken and given back only through
 * conditional UPDATEs over a night range (rows locked in date order by the primary key), so
 * `0 ≤ reservedBeds ≤ totalBeds` holds under any concurrency without reading first.
 */
@Injectable()
export class CapacityService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly bases: BaseService,
  ) {}

  /**
   * Takes `beds` on each of `nights` nights from `firstNight`, or throws — CAPACITY_EXCEEDED naming
   * the first night short of beds and what is left, BAD_USER_INPUT for a closed night. Must run in
   * the caller's transaction, which rolls back any nights already taken when it throws.
   */
  async reserve(ctx: RequestContext, baseId: number, firstNight: CalendarDate, nights: number, beds: number, field = 'startDate'): Promise<void> {
    const em = requireManager(ctx);
    if (!Number.isInteger(beds) || beds <= 0) throw new Error(`reserve needs a positive bed count, got ${beds}`);
    const lastNight = addDays(firstNight, nights - 1);
    await this.guarded(em, nights, () =>
      em
        .createQueryBuilder()
        .update(CapacityNight)
        .set({ reservedBeds: () => 'reservedBeds + :beds' })
        .where('baseId = :baseId AND night BETWEEN :firstNight AND :lastNight')
        .andWhere('closed = 0 AND reservedBeds + :beds <= totalBeds')
        .setParameters({ baseId, firstNight, lastNight, beds })
        .execute(),
    ) || (await this.explainShortage(ctx, baseId, firstNight, lastNight, beds, field));
  }

  /**
   * Runs a guarded UPDATE over `nights` rows; false when it matched fewer, with its partial effect
   * undone (a savepoint), so the explanation reads every night as it was before this request.
   * One-night updates need no savepoint: they match all or nothing.
   */
  private async guarded(em: EntityManager, nights: number, update: () => Promise<{ affected?: number | null }>): Promise<boolean> {
    if (nights > 1) await em.query('SAVEPOINT rr_capacity');
    const result = await update();
    if (result.affected === nights) return true;
    if (nights > 1) await em.query('ROLLBACK TO SAVEPOINT rr_capacity');
    return false;
  }

  /** Gives `beds` back on each night; a shortfall means the calendar has drifted, which is a bug. */
  async release(ctx: RequestContext, baseId: number, firstNight: CalendarDate, nights: number, beds: number): Promise<void> {
    const em = requireManager(ctx);
    if (!Number.isInteger(beds) || beds <= 0) throw new Error(`release needs a positive bed count, got ${beds}`);
    const lastNight = addDays(firstNight, nights - 1);
    const result = await em
      .createQueryBuilder()
      .update(CapacityNight)
      .set({ reservedBeds: () => 'reservedBeds - :beds' })
      .where('baseId = :baseId AND night BETWEEN :firstNight AND :lastNight AND reservedBeds - :beds >= allottedBeds')
      .setParameters({ baseId, firstNight, lastNight, beds })
      .execute();
    if (result.affected !== nights) {
      throw new Error(`Capacity drift: releasing ${beds} beds at base ${baseId} ${firstNight}…${lastNight} matched ${result.affected} of ${nights} nights`);
    }
  }

  /**
   * Holds `beds` for an allotment on each night: taken from general sale with the same guard as
   * reserve (CAPACITY_EXCEEDED naming the night), and counted as allotted until batches use them.
   */
  async allot(ctx: RequestContext, baseId: number, firstNight: CalendarDate, nights: number, beds: number): Promise<void> {
    const em = requireManager(ctx);
    if (!Number.isInteger(beds) || beds <= 0) throw new Error(`allot needs a positive bed count, got ${beds}`);
    const lastNight = addDays(firstNight, nights - 1);
    await this.guarded(em, nights, () =>
      em
        .createQueryBuilder()
        .update(CapacityNight)
        .set({ reservedBeds: () => 'reservedBeds + :beds', allottedBeds: () => 'allottedBeds + :beds' })
        .where('baseId = :baseId AND night BETWEEN :firstNight AND :lastNight')
        .andWhere('closed = 0 AND reservedBeds + :beds <= totalBeds')
        .setParameters({ baseId, firstNight, lastNight, beds })
        .execute(),
    ) || (await this.explainShortage(ctx, baseId, firstNight, lastNight, beds, 'from'));
  }

  /**
   * Moves `beds` between an allotment's unused beds and its batches on the nights given (delta > 0:
   * a batch takes them; delta < 0: a batch gives them back to the allotment). Reserved beds do not
   * change. The allotment's own rows were checked under lock first, so a mismatch is a bug.
   */
  async useAllotted(ctx: RequestContext, baseId: number, nights: CalendarDate[], delta: number): Promise<void> {
    const em = requireManager(ctx);
    if (!nights.length || delta === 0) return;
    const result = await em
      .createQueryBuilder()
      .update(CapacityNight)
      .set({ allottedBeds: () => 'allottedBeds - :delta' })
      .where('baseId = :baseId AND night IN (:...nights)')
      .andWhere('allottedBeds - :delta >= 0 AND allottedBeds - :delta <= reservedBeds')
      // Taking block beds on a closed night is refused here too, the database's last word.
      .andWhere(delta > 0 ? 'closed = 0' : '1 = 1')
      .setParameters({ baseId, nights, delta })
      .execute();
    if (result.affected !== nights.length) {
      throw new Error(`Capacity drift: moving ${delta} allotted beds at base ${baseId} on ${nights.join(', ')} matched ${result.affected} of ${nights.length} nights`);
    }
  }

  /** The first closed night among those given, if any (read in the caller's transaction). */
  async firstClosedNight(ctx: RequestContext, baseId: number, nights: CalendarDate[]): Promise<CapacityNight | null> {
    if (!nights.length) return null;
    return requireManager(ctx).findOne(CapacityNight, { where: { baseId, night: In(nights), closed: true }, order: { night: 'ASC' } });
  }

  /** Returns an allotment night's unused beds to general sale (its release). */
  async releaseAllotted(ctx: RequestContext, baseId: number, nights: CalendarDate[], beds: number): Promise<void> {
    const em = requireManager(ctx);
    if (!nights.length || beds === 0) return;
    const result = await em
      .createQueryBuilder()
      .update(CapacityNight)
      .set({ reservedBeds: () => 'reservedBeds - :beds', allottedBeds: () => 'allottedBeds - :beds' })
      .where('baseId = :baseId AND night IN (:...nights) AND allottedBeds >= :beds')
      .setParameters({ baseId, nights, beds })
      .execute();
    if (result.affected !== nights.length) {
      throw new Error(`Capacity drift: releasing ${beds} allotted beds at base ${baseId} on ${nights.join(', ')} matched ${result.affected} of ${nights.length} nights`);
    }
  }

  /** Gives `beds` back to general sale on the nights given (a batch's beds on released allotment nights). */
  async releaseNights(ctx: RequestContext, baseId: number, nights: CalendarDate[], beds: number): Promise<void> {
    const em = requireManager(ctx);
    if (!nights.length || beds === 0) return;
    const result = await em
      .createQueryBuilder()
      .update(CapacityNight)
      .set({ reservedBeds: () => 'reservedBeds - :beds' })
      .where('baseId = :baseId AND night IN (:...nights) AND reservedBeds - :beds >= allottedBeds')
      .setParameters({ baseId, nights, beds })
      .execute();
    if (result.affected !== nights.length) {
      throw new Error(`Capacity drift: releasing ${beds} beds at base ${baseId} on ${nights.join(', ')} matched ${result.affected} of ${nights.length} nights`);
    }
  }

  /** Takes (delta > 0) or gives back (delta < 0) the difference of a headcount change. */
  async adjust(ctx: RequestContext, baseId: number, firstNight: CalendarDate, nights: number, delta: number): Promise<void> {
    if (delta > 0) await this.reserve(ctx, baseId, firstNight, nights, delta, 'headcount');
    if (delta < 0) await this.release(ctx, baseId, firstNight, nights, -delta);
  }

  private async explainShortage(ctx: RequestContext, baseId: number, first: CalendarDate, last: CalendarDate, beds: number, field: string): Promise<never> {
    // A locking read sees the current rows, not the transaction's older snapshot (MySQL REPEATABLE READ).
    const rows = await this.db
      .forUpdate(ctx.em!.createQueryBuilder(CapacityNight, 'n'))
      .where('n.baseId = :baseId AND n.night BETWEEN :first AND :last', { baseId, first, last })
      .orderBy('n.night', 'ASC')
      .getMany();
    const byNight = new Map(rows.map((r) => [r.night, r]));
    for (const night of eachDay(first, last)) {
      const row = byNight.get(night);
      if (!row) {
        throw DomainException.capacityExceeded(`Base ${baseId} has no beds set for the night of ${night}; ${beds} requested`, { night, availableBeds: 0, requestedBeds: beds });
      }
      if (row.closed) {
        throw DomainException.badInput(field, `Base ${baseId} is closed on the night of ${night}${row.closedReason ? ` (${row.closedReason})` : ''}`, { night });
      }
      const available = row.totalBeds - row.reservedBeds;
      if (available < beds) {
        throw DomainException.capacityExceeded(`Only ${Math.max(0, available)} beds are left at base ${baseId} on the night of ${night}; ${beds} requested`, {
          night,
          availableBeds: Math.max(0, available),
          requestedBeds: beds,
        });
      }
    }
    throw new Error(`Capacity update at base ${baseId} ${first}…${last} fell short but every night fits`);
  }

  /** Each night from…to with beds, reservations and closures, in one query. */
  async calendar(ctx: RequestContext, baseId: number, from: CalendarDate, to: CalendarDate): Promise<CapacityDay[]> {
    checkRange(from, to, MAX_QUERY_NIGHTS);
    return this.readCalendar(ctx, baseId, from, to);
  }

  /** After a change: the changed nights, however many the change allowed. */
  private async readCalendar(ctx: RequestContext, baseId: number, from: CalendarDate, to: CalendarDate): Promise<CapacityDay[]> {
    const rows = await this.db.read(ctx, (em) => em.find(CapacityNight, { where: { baseId, night: Between(from, to) } }));
    const byNight = new Map(rows.map((r) => [r.night, r]));
    return eachDay(from, to).map((d) => toDay(d, byNight.get(d)));
  }

  /** For each base (all, or those asked): its nights and whether `headcount` fits every one. Two queries. */
  async availability(ctx: RequestContext, from: CalendarDate, to: CalendarDate, headcount: number, baseIds?: number[] | null): Promise<BaseAvailability[]> {
    checkRange(from, to, MAX_QUERY_NIGHTS);
    if (!Number.isInteger(headcount) || headcount < 1) throw DomainException.badInput('headcount', `headcount must be at least 1, got ${headcount}`);
    if (baseIds && baseIds.length > MAX_AVAILABILITY_BASES) {
      throw DomainException.badInput('baseIds', `At most ${MAX_AVAILABILITY_BASES} bases at a time; ${baseIds.length} given`);
    }
    if (baseIds && new Set(baseIds).size !== baseIds.length) throw DomainException.badInput('baseIds', 'baseIds lists a base twice');
    let bases: Base[];
    if (baseIds?.length) {
      const found = await this.bases.findByIds(ctx, baseIds);
      const missing = baseIds.find((_, i) => !found[i]);
      if (missing !== undefined) throw DomainException.notFound('Base', missing, 'baseIds');
      bases = found as Base[];
    } else {
      bases = await this.bases.list(ctx);
    }
    if (!bases.length) return [];
    const rows = await this.db.read(ctx, (em) =>
      em.find(CapacityNight, { where: { baseId: In(bases.map((b) => b.id)), night: Between(from, to) } }),
    );
    const byKey = new Map(rows.map((r) => [`${r.baseId}|${r.night}`, r]));
    const days = eachDay(from, to);
    return bases.map((base) => {
      const nights = days.map((d) => toDay(d, byKey.get(`${base.id}|${d}`)));
      const minAvailableBeds = Math.min(...nights.map((n) => n.availableBeds));
      return { base, nights, minAvailableBeds, fits: minAvailableBeds >= headcount };
    });
  }

  /** Sets the beds of each night; refuses (CONFLICT, naming the night) to go below beds already reserved. */
  async setCapacity(ctx: RequestContext, input: SetCapacityInput): Promise<CapacityDay[]> {
    assertManagesBase(ctx, input.baseId);
    checkRange(input.from, input.to, MAX_CHANGE_NIGHTS);
    checkNotPast(input.from);
    await this.db.transaction(ctx, async (tx) => {
      await this.bases.getOrThrow(tx, input.baseId, 'baseId');
      await this.insertMissingNights(tx.em!, input.baseId, input.from, input.to, input.totalBeds);
      await tx
        .em!.createQueryBuilder()
        .update(CapacityNight)
        .set({ totalBeds: input.totalBeds })
        .where('baseId = :baseId AND night BETWEEN :from AND :to AND reservedBeds <= :total')
        .setParameters({ baseId: input.baseId, from: input.from, to: input.to, total: input.totalBeds })
        .execute();
      const blocked = await this.db
        .forUpdate(tx.em!.createQueryBuilder(CapacityNight, 'n'))
        .where('n.baseId = :baseId AND n.night BETWEEN :from AND :to AND n.reservedBeds > :total', {
          baseId: input.baseId,
          from: input.from,
          to: input.to,
          total: input.totalBeds,
        })
        .orderBy('n.night', 'ASC')
        .getOne();
      if (blocked) {
        throw DomainException.conflict(
          `The night of ${blocked.night} already has ${blocked.reservedBeds} beds reserved; totalBeds cannot go below that. Nothing was changed.`,
          { field: 'totalBeds', night: blocked.night, reservedBeds: blocked.reservedBeds },
        );
      }
    });
    return this.readCalendar(ctx, input.baseId, input.from, input.to);
  }

  /** Stops new bookings on the nights; batches already holding beds keep them. */
  async closeDates(ctx: RequestContext, input: CloseDatesInput): Promise<CapacityDay[]> {
    return this.setClosed(ctx, input, true, input.reason);
  }

  async reopenDates(ctx: RequestContext, input: ReopenDatesInput): Promise<CapacityDay[]> {
    return this.setClosed(ctx, input, false, null);
  }

  private async setClosed(ctx: RequestContext, input: { baseId: number; from: string; to: string }, closed: boolean, reason: string | null) {
    assertManagesBase(ctx, input.baseId);
    checkRange(input.from, input.to, MAX_CHANGE_NIGHTS);
    checkNotPast(input.from);
    await this.db.transaction(ctx, async (tx) => {
      await this.bases.getOrThrow(tx, input.baseId, 'baseId');
      if (closed) await this.insertMissingNights(tx.em!, input.baseId, input.from, input.to, 0);
      await tx
        .em!.createQueryBuilder()
        .update(CapacityNight)
        .set({ closed, closedReason: reason })
        .where('baseId = :baseId AND night BETWEEN :from AND :to', { baseId: input.baseId, from: input.from, to: input.to })
        .execute();
    });
    return this.readCalendar(ctx, input.baseId, input.from, input.to);
  }

  /** Rows for nights that have none yet; concurrent callers may race here, hence INSERT-or-ignore. */
  private async insertMissingNights(em: EntityManager, baseId: number, from: CalendarDate, to: CalendarDate, totalBeds: number) {
    const days = eachDay(from, to);
    for (let i = 0; i < days.length; i += INSERT_CHUNK) {
      const values = days.slice(i, i + INSERT_CHUNK).map((night) => ({ baseId, night, totalBeds, reservedBeds: 0, closed: false, closedReason: null }));
      await em.createQueryBuilder().insert().into(CapacityNight).values(values).orIgnore().execute();
    }
  }

  /** Every base/night with beds reserved, for the capacity audit. */
  reservedNights(ctx: RequestContext): Promise<Array<{ baseId: number; night: CalendarDate; reservedBeds: number; allottedBeds: number }>> {
    return this.db.read(ctx, (em) =>
      em.find(CapacityNight, { select: { baseId: true, night: true, reservedBeds: true, allottedBeds: true }, where: { reservedBeds: MoreThan(0) } }),
    );
  }
}
