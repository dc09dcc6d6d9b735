import { addDays, type CalendarDate } from '@app/shared';

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = y + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface AgreementYear {
  year: number;
  start: CalendarDate;
  end: CalendarDate;
}

/** Agreement years from `from` to `to`: year 1 starts on `from`, each ends the day before the next starts (the last on `to`). */
export function agreementYears(from: CalendarDate, to: CalendarDate): AgreementYear[] {
  const years: AgreementYear[] = [];
  for (let year = 1; ; year++) {
    const start = addYears(from, year - 1);
    if (start > to) break;
    const next = addYears(from, year);
    const end = addDays(next, -1) < to ? addDays(next, -1) : to;
    years.push({ year, start, end });
  }
  return years;
}

/** The agreement year a day falls in (1-based), or null outside the agreement. */
export function agreementYearOf(from: CalendarDate, to: CalendarDate, day: CalendarDate): AgreementYear | null {
  return agreementYears(from, to).find((y) => y.start <= day && day <= y.end) ?? null;
}
