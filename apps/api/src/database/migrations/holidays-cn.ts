import type { QueryRunner } from 'typeorm';

/**
 * The 2026 working calendar as published by the State Council (国务院办公厅, 2025-11-04): its public
 * holidays and make-up working days (调休). Reference data, so it ships with the schema; later years
 * are added by the admin (setHolidayYear) when they are published.
 */
export const CN_2026: ReadonlyArray<readonly [from: string, to: string, name: string]> = [
  ['2026-01-01', '2026-01-03', '元旦'],
  ['2026-02-15', '2026-02-23', '春节'],
  ['2026-04-04', '2026-04-06', '清明节'],
  ['2026-05-01', '2026-05-05', '劳动节'],
  ['2026-06-19', '2026-06-21', '端午节'],
  ['2026-09-25', '2026-09-27', '中秋节'],
  ['2026-10-01', '2026-10-07', '国庆节'],
];
export const CN_2026_MAKEUP: ReadonlyArray<readonly [date: string, name: string]> = [
  ['2026-01-04', '元旦'],
  ['2026-02-14', '春节'],
  ['2026-02-28', '春节'],
  ['2026-05-09', '劳动节'],
  ['2026-09-20', '国庆节'],
  ['2026-10-10', '国庆节'],
];

/** Every seeded day, in date order, with its kind. */
export function cn2026Days(): Array<{ date: string; name: string; kind: 'HOLIDAY' | 'MAKEUP_WORKDAY' }> {
  const days: Array<{ date: string; name: string; kind: 'HOLIDAY' | 'MAKEUP_WORKDAY' }> = [];
  for (const [from, to, name] of CN_2026) {
    for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) days.push({ date: d.toISOString().slice(0, 10), name, kind: 'HOLIDAY' });
  }
  for (const [date, name] of CN_2026_MAKEUP) days.push({ date, name, kind: 'MAKEUP_WORKDAY' });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Inserts the 2026 days that are not there yet: a day the admin (or the demo, or a test) already
 * entered is kept as it is, so the migration never fails on an existing row and never overwrites a
 * correction. Written for both drivers (plain `?` placeholders).
 */
export async function seedHolidays2026(q: QueryRunner): Promise<void> {
  for (const day of cn2026Days()) {
    const found = (await q.query('SELECT name FROM holiday WHERE date = ?', [day.date])) as unknown[];
    if (!found.length) await q.query('INSERT INTO holiday (date, name, kind) VALUES (?, ?, ?)', [day.date, day.name, day.kind]);
  }
}

/** Undoes the seed: removes the seeded days that still have their seeded name and kind. */
export async function unseedHolidays2026(q: QueryRunner): Promise<void> {
  for (const day of cn2026Days()) await q.query('DELETE FROM holiday WHERE date = ? AND name = ? AND kind = ?', [day.date, day.name, day.kind]);
}
