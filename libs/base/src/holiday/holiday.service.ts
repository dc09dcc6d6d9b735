import { Injectable } from '@nestjs/common';
import { addDays, type CalendarDate, DomainException, type RequestContext, todayInShanghai, TransactionRunner } from '@app/shared';
import { Between } from 'typeorm';
import { Holiday } from './holiday.entity.js';

/** Saturday or Sunday (the date is a calendar day; its weekday does not depend on a time zone). */
export function isWeekend(day: CalendarDate): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The admin's holiday calendar, and working-day arithmetic over it. */
@Injectable()
export class HolidayService {
  constructor(private readonly db: TransactionRunner) {}

  list(ctx: RequestContext, year: number): Promise<Holiday[]> {
    return this.db.read(ctx, (em) => em.find(Holiday, { where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } }));
  }

  async add(ctx: RequestContext, date: CalendarDate, name: string): Promise<Holiday> {
    const text = name.trim();
    if (!text || text.length > 50) throw DomainException.badInput('name', 'Name the holiday in 1 to 50 characters');
    return this.db.transaction(ctx, async (tx) => {
      await tx.em.save(Holiday, { date, name: text });
      return { date, name: text };
    });
  }

  async remove(ctx: RequestContext, date: CalendarDate): Promise<boolean> {
    return this.db.transaction(ctx, async (tx) => ((await tx.em.delete(Holiday, { date })).affected ?? 0) > 0);
  }

  /**
   * The day after the `n`th working day following `from` (weekends and holidays do not count): a
   * list published on `from` for `n` working days has cleared on that day. Reads the holidays once.
   */
  async dayAfterWorkingDays(ctx: RequestContext, from: CalendarDate = todayInShanghai(), n: number): Promise<CalendarDate> {
    const horizon = addDays(from, n * 3 + 40);
    const holidays = new Set((await this.db.read(ctx, (em) => em.find(Holiday, { select: { date: true }, where: { date: Between(from, horizon) } }))).map((h) => h.date));
    let day = from;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      if (!isWeekend(day) && !holidays.has(day)) counted++;
    }
    return addDays(day, 1);
  }
}
