import { Injectable } from '@nestjs/common';
import { addDays, type CalendarDate, DomainException, hydrate, type RequestContext, runSql, selectColumns, tableOf, todayInShanghai, TransactionRunner, type TxContext } from '@app/shared';
import { Between } from 'typeorm';
import type { CalendarDayInput } from './calendar-day.input.js';
import { CalendarVersion } from './calendar-version.entity.js';
import { DayKind, Holiday } from './holiday.entity.js';

/** Saturday or Sunday (the date is a calendar day; its weekday does not depend on a time zone). */
export function isWeekend(day: CalendarDate): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A working day: a weekday that is not a public holiday, or a make-up working day (调休) on a weekend. */
export function isWorkingDay(day: CalendarDate, calendar: ReadonlyMap<CalendarDate, DayKind>): boolean {
  const kind = calendar.get(day);
  if (kind === DayKind.MAKEUP_WORKDAY) return true;
  return kind !== DayKind.HOLIDAY && !isWeekend(day);
}

/** The day after the `n`th working day following `from`: a list published on `from` for `n` working days has cleared on that day. */
export function dayAfterWorkingDaysIn(from: CalendarDate, n: number, calendar: ReadonlyMap<CalendarDate, DayKind>): CalendarDate {
  let day = from;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) counted++;
  }
  return addDays(day, 1);
}

function checkName(name: string, field: string): string {
  const text = name.trim();
  if (!text || text.length > 50) throw DomainException.badInput(field, 'Name the holiday in 1 to 50 characters');
  return text;
}

/** The admin's working calendar (public holidays and make-up working days), and working-day arithmetic over it. */
@Injectable()
export class HolidayService {
  /** This process's copy of the whole calendar and the version it was read at. */
  private copy: { version: number; days: ReadonlyMap<CalendarDate, DayKind> } | null = null;

  constructor(private readonly db: TransactionRunner) {}

  list(ctx: RequestContext, year: number): Promise<Holiday[]> {
    return this.db.read(ctx, (em) => em.find(Holiday, { where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } }));
  }

  /** Adds or corrects one day; a make-up working day must fall on a Saturday or Sunday. */
  async add(ctx: RequestContext, date: CalendarDate, name: string, kind: DayKind = DayKind.HOLIDAY): Promise<Holiday> {
    const text = checkName(name, 'name');
    if (kind === DayKind.MAKEUP_WORKDAY && !isWeekend(date)) throw DomainException.badInput('date', `${date} is a weekday: a make-up working day (调休) is a Saturday or Sunday`);
    return this.db.transaction(ctx, async (tx) => {
      await tx.em.save(Holiday, { date, name: text, kind });
      await this.changed(tx);
      return { date, name: text, kind };
    });
  }

  /**
   * Replaces a year's days with a published arrangement, in one transaction: every date inside the
   * year, each at most once (so no holiday falls on a make-up day), make-up days on weekends.
   */
  async setYear(ctx: RequestContext, year: number, days: CalendarDayInput[]): Promise<Holiday[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw DomainException.badInput('year', 'Give a year between 2000 and 2100');
    const seen = new Set<string>();
    const rows = days.map((d, i) => {
      const field = `days[${i}]`;
      if (!d.date.startsWith(`${year}-`)) throw DomainException.badInput(`${field}.date`, `${d.date} is not in ${year}: set each year's days on their own`);
      if (seen.has(d.date)) throw DomainException.badInput(`${field}.date`, `${d.date} is listed twice: a day is either a holiday or a make-up working day`);
      seen.add(d.date);
      if (d.kind === DayKind.MAKEUP_WORKDAY && !isWeekend(d.date)) throw DomainException.badInput(`${field}.date`, `${d.date} is a weekday: a make-up working day (调休) is a Saturday or Sunday`);
      return { date: d.date, name: checkName(d.name, `${field}.name`), kind: d.kind };
    });
    await this.db.transaction(ctx, async (tx) => {
      await tx.em.delete(Holiday, { date: Between(`${year}-01-01`, `${year}-12-31`) });
      if (rows.length) await tx.em.insert(Holiday, rows);
      await this.changed(tx);
    });
    return this.list(ctx, year);
  }

  async remove(ctx: RequestContext, date: CalendarDate): Promise<boolean> {
    return this.db.transaction(ctx, async (tx) => {
      const removed = ((await tx.em.delete(Holiday, { date })).affected ?? 0) > 0;
      if (removed) await this.changed(tx);
      return removed;
    });
  }

  /** In the transaction that changed the calendar: every process's copy is stale from its commit on. */
  private async changed(tx: TxContext): Promise<void> {
    await runSql(tx.em, `UPDATE ${tableOf(tx.em, CalendarVersion)} SET version = version + 1 WHERE id = 1`, []);
  }

  /**
   * The whole working calendar as of `version` (read with a booking's package, in its transaction),
   * from this process's copy; read again, with its version, in one query when that differs. The map
   * holds every day kept, a superset of any window: callers only look days up in it.
   */
  async calendarAt(ctx: RequestContext, version: number): Promise<ReadonlyMap<CalendarDate, DayKind>> {
    if (this.copy?.version === version) return this.copy.days;
    const copy = await this.db.read(ctx, async (em) => {
      const sql = `SELECT cv.version AS version, ${selectColumns(em, Holiday, 'h')} FROM ${tableOf(em, CalendarVersion)} cv LEFT JOIN ${tableOf(em, Holiday)} h ON 1 = 1 WHERE cv.id = 1`;
      const rows = (await runSql(em, sql, [])).rows;
      if (!rows.length) throw new Error('calendar_version has no row 1: the migration that creates it was not applied');
      const days = new Map<CalendarDate, DayKind>();
      for (const row of rows) {
        const day = hydrate(em, Holiday, row, 'h');
        if (day) days.set(day.date, day.kind);
      }
      return { version: Number(rows[0].version), days };
    });
    this.copy = copy;
    return copy.days;
  }

  /**
   * The day after the `n`th working day following `from` (weekends and holidays do not count, make-up
   * working days do): a list published on `from` for `n` working days has cleared on that day. Reads the calendar once.
   */
  async dayAfterWorkingDays(ctx: RequestContext, from: CalendarDate = todayInShanghai(), n: number): Promise<CalendarDate> {
    return dayAfterWorkingDaysIn(from, n, await this.calendarBetween(ctx, from, addDays(from, n * 3 + 40)));
  }

  /** The holidays and make-up working days from…to (both included) as one map, in one query: for arithmetic over a window. */
  async calendarBetween(ctx: RequestContext, from: CalendarDate, to: CalendarDate): Promise<Map<CalendarDate, DayKind>> {
    const days = await this.db.read(ctx, async (em) =>
      (await runSql(em, `SELECT ${selectColumns(em, Holiday, 'h')} FROM ${tableOf(em, Holiday)} h WHERE h.date BETWEEN ? AND ?`, [from, to])).rows.map((r) => hydrate(em, Holiday, r, 'h')!),
    );
    return new Map(days.map((d) => [d.date, d.kind]));
  }
}
