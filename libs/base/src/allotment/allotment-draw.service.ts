import { Injectable } from '@nestjs/common';
import { addDays, type CalendarDate, DomainException, TransactionRunner, type TxContext } from '@app/shared';
import { CapacityService } from '../capacity/capacity.service.js';
import { AllotmentNight } from './allotment.entity.js';
import { runs } from './allotment-nights.js';
import { type NightRange, nightRuns } from '../capacity/night-move.js';

/**
 * A batch's beds on an allotment: drawn when it is requested, the difference of a headcount change,
 * given back when it ends. Always in the batch's transaction; the allotment's night rows are locked
 * (by night) before any capacity row, the lock order of every allotment path.
 */
@Injectable()
export class AllotmentDrawService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly capacity: CapacityService,
  ) {}

  /**
   * Takes `beds` on every night from the first allotment (of those given, in order) with that many
   * unused, unreleased beds on each night of the stay; returns its id, or null when none has room.
   */
  async draw(tx: TxContext, allotmentIds: number[], firstNight: CalendarDate, nights: number, beds: number): Promise<number | null> {
    for (const id of allotmentIds) {
      const rows = await this.lockNights(tx, id, firstNight, nights);
      if (
        rows.length === nights &&
        rows.every((r) => !r.released && r.beds - r.used >= beds) &&
        !(await this.capacity.firstClosedNight(
          tx,
          rows[0].baseId,
          rows.map((r) => r.night),
        ))
      ) {
        await this.use(tx, id, rows, beds);
        return id;
      }
    }
    return null;
  }

  /** A headcount change of a batch drawing on the allotment: the difference, from or back to it. */
  async adjust(tx: TxContext, allotmentId: number, firstNight: CalendarDate, nights: number, delta: number): Promise<void> {
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
    const closed = await this.capacity.firstClosedNight(
      tx,
      rows[0].baseId,
      rows.map((r) => r.night),
    );
    if (closed)
      throw DomainException.badInput('headcount', `The base is closed on the night of ${closed.night}${closed.closedReason ? ` (${closed.closedReason})` : ''}; the batch cannot grow`, {
        night: closed.night,
      });
    await this.use(tx, allotmentId, rows, delta);
  }

  /**
   * A batch gives `beds` back: to the allotment on nights not yet released, to general sale on
   * nights already released (the allotment then holds only what stays used).
   */
  async giveBack(tx: TxContext, allotmentId: number, firstNight: CalendarDate, nights: number, beds: number): Promise<void> {
    const em = tx.em;
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
   * Moves a batch's `beds` on its allotment from one range of nights to another: the allotment's rows
   * of both ranges locked in date order first, then the new nights drawn and the old given back (to
   * the allotment, or to general sale where released), nothing on nights in both. A new night the
   * allotment does not hold is BAD_USER_INPUT on startDate, one short of unused beds (or released)
   * CAPACITY_EXCEEDED naming it: the batch stays on the allotment, it never falls back to general sale.
   */
  async move(tx: TxContext, allotmentId: number, from: NightRange, to: NightRange, beds: number): Promise<void> {
    const moves = nightRuns(from, to).flatMap((run) => run.nights.map((night) => ({ night, sign: run.sign })));
    if (!moves.length) return;
    const rows = await this.db
      .forUpdate(tx.em.createQueryBuilder(AllotmentNight, 'n'))
      .where('n.allotmentId = :allotmentId AND n.night IN (:...nights)', { allotmentId, nights: moves.map((m) => m.night) })
      .orderBy('n.night', 'ASC')
      .getMany();
    const byNight = new Map(rows.map((r) => [r.night, r]));
    const taking = moves.filter((m) => m.sign > 0).map((m) => m.night);
    const givingBack = moves.filter((m) => m.sign < 0).map((m) => m.night);
    for (const night of taking) {
      const row = byNight.get(night);
      if (!row) {
        throw DomainException.badInput('startDate', `The batch's beds come from allotment ${allotmentId}, which does not hold the night of ${night}: move it within the allotment's nights`, {
          night,
          allotmentId,
        });
      }
      if (row.released || row.beds - row.used < beds) {
        const left = row.released ? 0 : row.beds - row.used;
        throw DomainException.capacityExceeded(
          `The batch's beds come from allotment ${allotmentId}, which has ${left} unused beds left on the night of ${night}${row.released ? ' (released to general sale)' : ''}; ${beds} needed`,
          { field: 'startDate', night, availableBeds: left, requestedBeds: beds, allotmentId },
        );
      }
    }
    if (givingBack.some((night) => (byNight.get(night)?.used ?? 0) < beds)) {
      throw new Error(`Allotment drift: moving ${beds} beds off allotment ${allotmentId} on ${givingBack.join(', ')}`);
    }
    const baseId = rows[0].baseId;
    const closed = await this.capacity.firstClosedNight(tx, baseId, taking);
    if (closed) throw DomainException.badInput('startDate', `The base is closed on the night of ${closed.night}${closed.closedReason ? ` (${closed.closedReason})` : ''}`, { night: closed.night });
    if (givingBack.length) {
      await tx.em
        .createQueryBuilder()
        .update(AllotmentNight)
        .set({ used: () => 'used - :beds', beds: () => 'CASE WHEN released = 1 THEN beds - :beds ELSE beds END' })
        .where('allotmentId = :allotmentId AND night IN (:...givingBack)', { allotmentId, givingBack, beds })
        .execute();
    }
    if (taking.length) {
      await tx.em
        .createQueryBuilder()
        .update(AllotmentNight)
        .set({ used: () => 'used + :beds' })
        .where('allotmentId = :allotmentId AND night IN (:...taking) AND released = 0 AND used + :beds <= beds', { allotmentId, taking, beds })
        .execute();
    }
    // Capacity rows in date order over both ranges, as on every other path.
    const moved = rows.filter((r) => taking.includes(r.night) || givingBack.includes(r.night));
    for (const run of runs(moved, (r) => (taking.includes(r.night) ? 'take' : r.released ? 'released' : 'held'))) {
      if (run.key === 'take') await this.capacity.useAllotted(tx, baseId, run.nights, beds);
      else if (run.key === 'held') await this.capacity.useAllotted(tx, baseId, run.nights, -beds);
      else await this.capacity.releaseNights(tx, baseId, run.nights, beds);
    }
  }

  private lockNights(tx: TxContext, allotmentId: number, firstNight: CalendarDate, nights: number): Promise<AllotmentNight[]> {
    const lastNight = addDays(firstNight, nights - 1);
    return this.db
      .forUpdate(tx.em.createQueryBuilder(AllotmentNight, 'n'))
      .where('n.allotmentId = :allotmentId AND n.night BETWEEN :firstNight AND :lastNight', { allotmentId, firstNight, lastNight })
      .orderBy('n.night', 'ASC')
      .getMany();
  }

  /** `beds` more used on the (locked, checked) rows, and as many fewer unused in the calendar. */
  private async use(tx: TxContext, allotmentId: number, rows: AllotmentNight[], beds: number): Promise<void> {
    const nights = rows.map((r) => r.night);
    await tx.em
      .createQueryBuilder()
      .update(AllotmentNight)
      .set({ used: () => 'used + :beds' })
      .where('allotmentId = :allotmentId AND night IN (:...nights) AND released = 0 AND used + :beds <= beds', { allotmentId, nights, beds })
      .execute();
    await this.capacity.useAllotted(tx, rows[0].baseId, nights, beds);
  }
}
