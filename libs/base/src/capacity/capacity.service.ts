import { Injectable } from '@nestjs/common';
import { addDays, type CalendarDate, DomainException, eachDay, type RequestContext, runSql, tableOf, TransactionRunner, type TxContext } from '@app/shared';
import { type EntityManager, In, MoreThan } from 'typeorm';
import { CapacityNight } from './capacity-night.entity.js';
import { type NightRange, nightRuns } from './night-move.js';

/**
 * The capacity counter: beds taken and given back on a base's nights, by batches and allotments.
 * Only through conditional UPDATEs over a night range (rows locked in date order by the primary key),
 * so `0 ≤ reservedBeds ≤ totalBeds` holds under any concurrency without reading first. Setting beds
 * and closing nights is CapacityCalendarService's.
 */
@Injectable()
export class CapacityService {
  constructor(private readonly db: TransactionRunner) {}

  /**
   * Takes `beds` on each of `nights` nights from `firstNight`, or throws — CAPACITY_EXCEEDED naming
   * the first night short of beds and what is left, BAD_USER_INPUT for a closed night. Must run in
   * the caller's transaction, which rolls back any nights already taken when it throws.
   */
  async reserve(ctx: TxContext, baseId: number, firstNight: CalendarDate, nights: number, beds: number, field = 'startDate'): Promise<void> {
    const em = ctx.em;
    if (!Number.isInteger(beds) || beds <= 0) throw new Error(`reserve needs a positive bed count, got ${beds}`);
    const lastNight = addDays(firstNight, nights - 1);
    // Every booking sends this statement: written once, not through the query builder.
    const sql = `UPDATE ${tableOf(em, CapacityNight)} SET reservedBeds = reservedBeds + ? WHERE baseId = ? AND night BETWEEN ? AND ? AND closed = 0 AND reservedBeds + ? <= totalBeds`;
    (await this.guarded(em, nights, () => runSql(em, sql, [beds, baseId, firstNight, lastNight, beds]))) || (await this.explainShortage(ctx, baseId, firstNight, lastNight, beds, field));
  }

  /**
   * Takes `beds` on each of `nights` nights from `firstNight` if every night is open and has them,
   * and answers whether it did; nothing is taken otherwise (no explanation is read). The waiting
   * list's offers use it to try one entry after another in the caller's transaction.
   */
  async tryReserve(ctx: TxContext, baseId: number, firstNight: CalendarDate, nights: number, beds: number): Promise<boolean> {
    const em = ctx.em;
    if (!Number.isInteger(beds) || beds <= 0) throw new Error(`tryReserve needs a positive bed count, got ${beds}`);
    const lastNight = addDays(firstNight, nights - 1);
    return this.guarded(em, nights, () =>
      em
        .createQueryBuilder()
        .update(CapacityNight)
        .set({ reservedBeds: () => 'reservedBeds + :beds' })
        .where('baseId = :baseId AND night BETWEEN :firstNight AND :lastNight')
        .andWhere('closed = 0 AND reservedBeds + :beds <= totalBeds')
        .setParameters({ baseId, firstNight, lastNight, beds })
        .execute(),
    );
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
  async release(ctx: TxContext, baseId: number, firstNight: CalendarDate, nights: number, beds: number): Promise<void> {
    const em = ctx.em;
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
  async allot(ctx: TxContext, baseId: number, firstNight: CalendarDate, nights: number, beds: number): Promise<void> {
    const em = ctx.em;
    if (!Number.isInteger(beds) || beds <= 0) throw new Error(`allot needs a positive bed count, got ${beds}`);
    const lastNight = addDays(firstNight, nights - 1);
    (await this.guarded(em, nights, () =>
      em
        .createQueryBuilder()
        .update(CapacityNight)
        .set({ reservedBeds: () => 'reservedBeds + :beds', allottedBeds: () => 'allottedBeds + :beds' })
        .where('baseId = :baseId AND night BETWEEN :firstNight AND :lastNight')
        .andWhere('closed = 0 AND reservedBeds + :beds <= totalBeds')
        .setParameters({ baseId, firstNight, lastNight, beds })
        .execute(),
    )) || (await this.explainShortage(ctx, baseId, firstNight, lastNight, beds, 'from'));
  }

  /**
   * Moves `beds` between an allotment's unused beds and its batches on the nights given (delta > 0:
   * a batch takes them; delta < 0: a batch gives them back to the allotment). Reserved beds do not
   * change. The allotment's own rows were checked under lock first, so a mismatch is a bug.
   */
  async useAllotted(ctx: TxContext, baseId: number, nights: CalendarDate[], delta: number): Promise<void> {
    const em = ctx.em;
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
  async firstClosedNight(ctx: TxContext, baseId: number, nights: CalendarDate[]): Promise<CapacityNight | null> {
    if (!nights.length) return null;
    return ctx.em.findOne(CapacityNight, { where: { baseId, night: In(nights), closed: true }, order: { night: 'ASC' } });
  }

  /** Returns an allotment night's unused beds to general sale (its release). */
  async releaseAllotted(ctx: TxContext, baseId: number, nights: CalendarDate[], beds: number): Promise<void> {
    const em = ctx.em;
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
  async releaseNights(ctx: TxContext, baseId: number, nights: CalendarDate[], beds: number): Promise<void> {
    const em = ctx.em;
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

  /**
   * Moves a batch's `beds` from one range of nights to another in one pass over both, in date order:
   * taken where only new (CAPACITY_EXCEEDED naming the first short night, as reserve), given back
   * where only old, untouched where both. Runs in the caller's transaction, which rolls back the
   * nights already moved when it throws.
   */
  async move(ctx: TxContext, baseId: number, from: NightRange, to: NightRange, beds: number): Promise<void> {
    for (const run of nightRuns(from, to)) {
      if (run.sign > 0) await this.reserve(ctx, baseId, run.first, run.nights.length, beds);
      else await this.release(ctx, baseId, run.first, run.nights.length, beds);
    }
  }

  /** Takes (delta > 0) or gives back (delta < 0) the difference of a headcount change. */
  async adjust(ctx: TxContext, baseId: number, firstNight: CalendarDate, nights: number, delta: number): Promise<void> {
    if (delta > 0) await this.reserve(ctx, baseId, firstNight, nights, delta, 'headcount');
    if (delta < 0) await this.release(ctx, baseId, firstNight, nights, -delta);
  }

  private async explainShortage(ctx: TxContext, baseId: number, first: CalendarDate, last: CalendarDate, beds: number, field: string): Promise<never> {
    // A locking read sees the current rows, not the transaction's older snapshot (MySQL REPEATABLE READ).
    const rows = await this.db
      .forUpdate(ctx.em.createQueryBuilder(CapacityNight, 'n'))
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

  /**
   * Per base and month (YYYY-MM) of the nights in [from, to] that are open: the beds set (`bedNights`)
   * and those reserved now (`reservedBedNights`: held, confirmed and checked-in batches, and room blocks).
   * One aggregate query; `baseId` limits it to one base, null to none. Not scoped: the caller decides.
   */
  async monthlyBeds(ctx: RequestContext, from: CalendarDate, to: CalendarDate, baseId: number | null): Promise<Array<{ baseId: number; month: string; bedNights: number; reservedBedNights: number }>> {
    const rows = await this.db.read(ctx, (em) => {
      const qb = em
        .createQueryBuilder(CapacityNight, 'n')
        .select('n.baseId', 'baseId')
        .addSelect('SUBSTR(n.night, 1, 7)', 'month')
        .addSelect('SUM(n.totalBeds)', 'bedNights')
        .addSelect('SUM(n.reservedBeds)', 'reservedBedNights')
        .where('n.night BETWEEN :from AND :to AND n.closed = 0', { from, to })
        .groupBy('n.baseId')
        .addGroupBy('SUBSTR(n.night, 1, 7)');
      if (baseId !== null) qb.andWhere('n.baseId = :baseId', { baseId });
      return qb.getRawMany<{ baseId: number | string; month: string; bedNights: number | string; reservedBedNights: number | string }>();
    });
    return rows.map((r) => ({ baseId: Number(r.baseId), month: r.month, bedNights: Number(r.bedNights), reservedBedNights: Number(r.reservedBedNights) }));
  }

  /** Every base/night with beds reserved, for the capacity audit. */
  reservedNights(ctx: RequestContext): Promise<Array<{ baseId: number; night: CalendarDate; reservedBeds: number; allottedBeds: number }>> {
    return this.db.read(ctx, (em) => em.find(CapacityNight, { select: { baseId: true, night: true, reservedBeds: true, allottedBeds: true }, where: { reservedBeds: MoreThan(0) } }));
  }
}
