import { DayKind } from './holiday.entity.js';
import { dayAfterWorkingDaysIn, isWeekend, isWorkingDay } from './holiday.service.js';

/** The 2026 days the arithmetic is tried on, as the State Council published them (the migration seeds all of them). */
const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
};
const CALENDAR_2026 = new Map<string, DayKind>([
  ...[...days('2026-02-15', '2026-02-23'), ...days('2026-09-25', '2026-09-27'), ...days('2026-10-01', '2026-10-07')].map((d) => [d, DayKind.HOLIDAY] as const),
  ...['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'].map((d) => [d, DayKind.MAKEUP_WORKDAY] as const),
]);

describe('working days (public holidays skipped, make-up days counted)', () => {
  it.each([
    // [what, published on, working days, clears on]
    ['plain week: Friday + 3 = Mon, Tue, Wed', '2026-11-27', 3, '2026-12-03'],
    ['plain week: Saturday + 1 = Monday', '2026-11-28', 1, '2026-12-01'],
    ['plain week: Monday + 5 = Tue to Fri and the next Monday', '2026-11-30', 5, '2026-12-08'],
    ['no working days: the next day', '2026-11-27', 0, '2026-11-28'],
    ['国庆: the make-up Sunday before it counts (Sun 20 Sep, Mon, Tue)', '2026-09-18', 3, '2026-09-23'],
    ['中秋 on Fri 25 Sep: Thursday + 1 = Monday 28', '2026-09-24', 1, '2026-09-29'],
    ['国庆: Tuesday + 3 = Wed 30 Sep, Thu 8 and Fri 9 Oct', '2026-09-29', 3, '2026-10-10'],
    ['国庆: Wednesday + 3 = Oct 8, 9 and the make-up Saturday 10', '2026-09-30', 3, '2026-10-11'],
    ['国庆: from inside it, Oct 3 + 1 = Thu 8 Oct', '2026-10-03', 1, '2026-10-09'],
    ['春节: Thursday + 3 = Fri 13, make-up Sat 14, Tue 24 Feb', '2026-02-12', 3, '2026-02-25'],
    ['春节: its last day + 5 = Tue 24 … the make-up Saturday 28', '2026-02-23', 5, '2026-03-01'],
    ['春节: Friday + 1 = the make-up Saturday 14', '2026-02-13', 1, '2026-02-15'],
  ])('%s', (_what, from, n, clearsOn) => {
    expect(dayAfterWorkingDaysIn(from, n, CALENDAR_2026)).toBe(clearsOn);
  });

  it('tells a working day from a day off', () => {
    expect(isWeekend('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-10', CALENDAR_2026)).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-10-11', CALENDAR_2026)).toBe(false); // plain Sunday
    expect(isWorkingDay('2026-10-01', CALENDAR_2026)).toBe(false); // Thursday, 国庆
    expect(isWorkingDay('2026-10-08', CALENDAR_2026)).toBe(true);
    // Without the weekends-only rule the same span would clear on 5 Oct: the calendar matters.
    expect(dayAfterWorkingDaysIn('2026-09-30', 3, new Map())).toBe('2026-10-06');
  });
});
