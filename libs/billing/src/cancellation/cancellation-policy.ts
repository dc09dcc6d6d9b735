import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DomainException } from '@app/shared';

/** One step of a cancellation policy: cancelled fewer than `daysBefore` days before arrival costs `percent`. */
@ObjectType('CancellationWindow', { description: 'Cancelling fewer than daysBefore days before arrival costs percent % of the package price × headcount.' })
@InputType('CancellationWindowInput')
export class CancellationWindow {
  @Field(() => Int, { description: 'Days before startDate (1–365).' })
  daysBefore: number;

  @Field(() => Int, { description: 'Percent of the package price × headcount (0–100).' })
  percent: number;
}

/** Free until 14 days before, 30 % until 7, 50 % until 1, 100 % on the day. */
export const DEFAULT_POLICY: readonly CancellationWindow[] = [
  { daysBefore: 14, percent: 30 },
  { daysBefore: 7, percent: 50 },
  { daysBefore: 1, percent: 100 },
];

/** Widest window first; checked so the fee never drops as arrival comes closer. */
export function checkPolicy(windows: CancellationWindow[]): CancellationWindow[] {
  if (windows.length > 10) throw DomainException.badInput('windows', 'A policy has at most 10 windows');
  const sorted = [...windows].sort((a, b) => b.daysBefore - a.daysBefore);
  sorted.forEach((w, i) => {
    const field = `windows.${windows.indexOf(w)}`;
    if (!Number.isInteger(w.daysBefore) || w.daysBefore < 1 || w.daysBefore > 365) throw DomainException.badInput(`${field}.daysBefore`, `daysBefore is 1–365, got ${w.daysBefore}`);
    if (!Number.isInteger(w.percent) || w.percent < 0 || w.percent > 100) throw DomainException.badInput(`${field}.percent`, `percent is 0–100, got ${w.percent}`);
    const wider = sorted[i - 1];
    if (wider && wider.daysBefore === w.daysBefore) throw DomainException.badInput(`${field}.daysBefore`, `two windows start ${w.daysBefore} days before`);
    if (wider && wider.percent > w.percent) {
      throw DomainException.badInput(`${field}.percent`, `the fee cannot fall as arrival comes closer: ${wider.percent} % from ${wider.daysBefore} days, ${w.percent} % from ${w.daysBefore}`);
    }
  });
  return sorted;
}

/** The percent due for a cancellation `daysLeft` days before arrival (0 on the day itself). */
export function feePercent(windows: readonly CancellationWindow[], daysLeft: number): number {
  let percent = 0;
  for (const w of windows) if (daysLeft < w.daysBefore) percent = Math.max(percent, w.percent);
  return percent;
}

/** percent % of an amount in fen, rounded half up to the fen (exact integers throughout). */
export function percentOf(amount: number, percent: number): number {
  return Math.floor((amount * percent + 50) / 100);
}
