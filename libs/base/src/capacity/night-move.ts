import { addDays, type CalendarDate } from '@app/shared';

/** The nights a stay occupies: `nights` nights from `first`. */
export interface NightRange {
  first: CalendarDate;
  nights: number;
}

/** A stretch of consecutive nights a move changes the same way: +1 taken (only in the new range), −1 given back (only in the old). */
export interface NightRun {
  first: CalendarDate;
  nights: CalendarDate[];
  sign: 1 | -1;
}

/**
 * What moving a stay from one range to another does to each night, as runs in date order over both
 * ranges: nights in both are untouched, so a batch never holds a shared night twice or not at all,
 * and capacity rows are always locked in date order (two moves in opposite directions cannot deadlock).
 */
export function nightRuns(from: NightRange, to: NightRange): NightRun[] {
  const signOf = new Map<CalendarDate, number>();
  for (let i = 0; i < from.nights; i++) signOf.set(addDays(from.first, i), -1);
  for (let i = 0; i < to.nights; i++) {
    const night = addDays(to.first, i);
    signOf.set(night, (signOf.get(night) ?? 0) + 1);
  }
  const runs: NightRun[] = [];
  for (const night of [...signOf.keys()].sort()) {
    const sign = signOf.get(night)!;
    if (sign === 0) continue;
    const last = runs[runs.length - 1];
    if (last && last.sign === sign && addDays(last.nights[last.nights.length - 1], 1) === night) last.nights.push(night);
    else runs.push({ first: night, nights: [night], sign: sign as 1 | -1 });
  }
  return runs;
}
