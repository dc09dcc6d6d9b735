import { Injectable } from '@nestjs/common';
import { type CalendarDate, Clock, daysBetween, DomainException, eachDay, insertRow, nowToTheSecond, type RequestContext, runSql, tableOf, TransactionRunner, type TxContext } from '@app/shared';
import { Between, type EntityManager } from 'typeorm';
import { assertManagesBase } from '../base/base-access.js';
import type { Base } from '../base/base.entity.js';
import { BaseService } from '../base/base.service.js';
import { CapacityChange, CapacityChangeKind } from './capacity-change.entity.js';
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
function checkNotPast(from: CalendarDate, today: CalendarDate): void {
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

/**
 * The capacity calendar: beds per base per night as operators set them and close them, and as
 * everyone reads them (a base's calendar, availability across bases). Taking and giving back beds
 * is CapacityService's.
 */
@Injectable()
export class CapacityCalendarService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly bases: BaseService,
    private readonly clock: Clock,
  ) {}

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
    // Plain rows, not entities: TypeORM's entity mapping of up to 50 × 366 nights cost more than the query.
    const ids = bases.map((b) => b.id);
    const rows = await this.db.read(
      ctx,
      async (em) =>
        (
          await runSql(
            em,
            `SELECT baseId, night, totalBeds, reservedBeds, allottedBeds, closed, closedReason FROM ${tableOf(em, CapacityNight)} WHERE baseId IN (${ids.map(() => '?').join(', ')}) AND night BETWEEN ? AND ?`,
            [...ids, from, to],
          )
        ).rows as unknown as CapacityNight[],
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
    checkNotPast(input.from, this.clock.today());
    await this.db.transaction(ctx, async (tx) => {
      await this.bases.getOrThrow(tx, input.baseId, 'baseId');
      await this.insertMissingNights(tx.em, input.baseId, input.from, input.to, input.totalBeds);
      await tx.em
        .createQueryBuilder()
        .update(CapacityNight)
        .set({ totalBeds: input.totalBeds })
        .where('baseId = :baseId AND night BETWEEN :from AND :to AND reservedBeds <= :total')
        .setParameters({ baseId: input.baseId, from: input.from, to: input.to, total: input.totalBeds })
        .execute();
      const blocked = await this.db
        .forUpdate(tx.em.createQueryBuilder(CapacityNight, 'n'))
        .where('n.baseId = :baseId AND n.night BETWEEN :from AND :to AND n.reservedBeds > :total', {
          baseId: input.baseId,
          from: input.from,
          to: input.to,
          total: input.totalBeds,
        })
        .orderBy('n.night', 'ASC')
        .getOne();
      if (blocked) {
        throw DomainException.conflict(`The night of ${blocked.night} already has ${blocked.reservedBeds} beds reserved; totalBeds cannot go below that. Nothing was changed.`, {
          field: 'totalBeds',
          night: blocked.night,
          reservedBeds: blocked.reservedBeds,
        });
      }
      await this.record(tx, input, CapacityChangeKind.CAPACITY, input.totalBeds);
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
    checkNotPast(input.from, this.clock.today());
    await this.db.transaction(ctx, async (tx) => {
      await this.bases.getOrThrow(tx, input.baseId, 'baseId');
      if (closed) await this.insertMissingNights(tx.em, input.baseId, input.from, input.to, 0);
      await tx.em
        .createQueryBuilder()
        .update(CapacityNight)
        .set({ closed, closedReason: reason })
        .where('baseId = :baseId AND night BETWEEN :from AND :to', { baseId: input.baseId, from: input.from, to: input.to })
        .execute();
      await this.record(tx, input, closed ? CapacityChangeKind.CLOSED : CapacityChangeKind.REOPENED, null);
    });
    return this.readCalendar(ctx, input.baseId, input.from, input.to);
  }

  /** Who changed which nights, in the change's transaction: what live calendar views follow. */
  private async record(tx: TxContext, range: { baseId: number; from: string; to: string }, kind: CapacityChangeKind, totalBeds: number | null): Promise<void> {
    const actor = tx.requireActor();
    await insertRow(tx.em, CapacityChange, { baseId: range.baseId, kind, from: range.from, to: range.to, totalBeds, actor: actor.username, actorId: actor.userId, at: nowToTheSecond() });
  }

  /** Rows for nights that have none yet; concurrent callers may race here, hence INSERT-or-ignore. */
  private async insertMissingNights(em: EntityManager, baseId: number, from: CalendarDate, to: CalendarDate, totalBeds: number) {
    const days = eachDay(from, to);
    for (let i = 0; i < days.length; i += INSERT_CHUNK) {
      const values = days.slice(i, i + INSERT_CHUNK).map((night) => ({ baseId, night, totalBeds, reservedBeds: 0, closed: false, closedReason: null }));
      await em.createQueryBuilder().insert().into(CapacityNight).values(values).orIgnore().execute();
    }
  }
}
