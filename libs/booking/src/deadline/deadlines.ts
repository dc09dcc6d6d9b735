import { registerEnumType } from '@nestjs/graphql';
import { dayAfterWorkingDaysIn, type DayKind, isWorkingDay } from '@app/base';
import { addDays, type CalendarDate } from '@app/shared';

/** The step a held (REQUESTED) batch waits for next; its deadline is when the hold lapses. */
export enum BatchStep {
  SUBMIT_LIST = 'SUBMIT_LIST',
  APPROVE_LIST = 'APPROVE_LIST',
  PUBLISH_LIST = 'PUBLISH_LIST',
  CONFIRM = 'CONFIRM',
}

registerEnumType(BatchStep, {
  name: 'BatchStep',
  description:
    'The next step on the way to a confirmed batch: the organiser submits the rooming list, the approver approves it, then publishes it for public notice, and the base confirms (once the list has cleared, where the policy asks for notice).',
});

/** What the deadlines depend on: the union's policy version kept on the batch and the base's roster cut-off. */
export interface DeadlineRules {
  publicationRequired: boolean;
  publicationWorkingDays: number;
  cutoffDays: number;
}

/** When each step of a batch is due (calendar days, Asia/Shanghai); the list's steps are null without public notice. */
export interface Deadlines {
  submitBy: CalendarDate | null;
  approveBy: CalendarDate | null;
  publishBy: CalendarDate | null;
  clearsOn: CalendarDate | null;
  confirmBy: CalendarDate;
  rosterFreezesOn: CalendarDate;
}

export type WorkingCalendar = ReadonlyMap<CalendarDate, DayKind>;

/** How far back from arrival the calendar must be read: the notice, the cut-off and the longest run of days off (a week's holiday and its weekends). */
export function lookBackDays(rules: DeadlineRules): number {
  return rules.cutoffDays + rules.publicationWorkingDays * 3 + 40;
}

/** The last working day strictly before `day`. */
function workingDayBefore(day: CalendarDate, calendar: WorkingCalendar): CalendarDate {
  let d = addDays(day, -1);
  while (!isWorkingDay(d, calendar)) d = addDays(d, -1);
  return d;
}

/**
 * The deadlines of a stay arriving on `startDate`. The list is published at the latest on the last
 * working day from which its notice still clears by arrival; it is approved that same day at the
 * latest, and submitted by the working day before — or the day before the list freezes for the
 * organiser, whichever comes first. Pure: the calendar must cover `lookBackDays` before arrival.
 */
export function deadlinesFor(startDate: CalendarDate, rules: DeadlineRules, calendar: WorkingCalendar): Deadlines {
  const rosterFreezesOn = addDays(startDate, -rules.cutoffDays);
  if (!rules.publicationRequired) return { submitBy: null, approveBy: null, publishBy: null, clearsOn: null, confirmBy: startDate, rosterFreezesOn };
  const n = rules.publicationWorkingDays;
  // The day a list clears only moves later as its publication does, so the first fit walking back is the latest.
  let publishBy = workingDayBefore(startDate, calendar);
  while (dayAfterWorkingDaysIn(publishBy, n, calendar) > startDate) publishBy = workingDayBefore(publishBy, calendar);
  const beforeApproval = workingDayBefore(publishBy, calendar);
  const dayBeforeFreeze = addDays(rosterFreezesOn, -1);
  return {
    submitBy: beforeApproval < dayBeforeFreeze ? beforeApproval : dayBeforeFreeze,
    approveBy: publishBy,
    publishBy,
    clearsOn: dayAfterWorkingDaysIn(publishBy, n, calendar),
    confirmBy: startDate,
    rosterFreezesOn,
  };
}

/** The deadline of `step` (null for CONFIRM: its hold has its own rule, see holdUntil). */
export function deadlineOf(step: BatchStep, d: Deadlines): CalendarDate | null {
  if (step === BatchStep.SUBMIT_LIST) return d.submitBy;
  if (step === BatchStep.APPROVE_LIST) return d.approveBy;
  if (step === BatchStep.PUBLISH_LIST) return d.publishBy;
  return null;
}

/** The last second of a calendar day in Asia/Shanghai. */
export function endOfDay(day: CalendarDate): Date {
  return new Date(`${day}T23:59:59+08:00`);
}

/**
 * Until when a batch waiting for `step` holds its beds: the end of that step's deadline day, never
 * less than the plain hold (`createdAt` + the TTL). Waiting for the base: two days past the day the
 * list clears (the roster's own `clearsOn` once posted), at most to arrival; without public notice,
 * exactly the plain hold.
 */
export function holdUntil(step: BatchStep, d: Deadlines, createdAt: Date, ttlSeconds: number, clearsOn: CalendarDate | null = null): Date {
  const plain = new Date(createdAt.getTime() + ttlSeconds * 1000);
  let day: CalendarDate | null = deadlineOf(step, d);
  if (step === BatchStep.CONFIRM) {
    if (!d.clearsOn) return plain;
    const grace = addDays(clearsOn ?? d.clearsOn, 2);
    day = grace < d.confirmBy ? grace : d.confirmBy;
  }
  if (!day) return plain;
  const end = endOfDay(day);
  return end > plain ? end : plain;
}

/**
 * The first start date from `asked` on whose list can still be submitted by `today` (the calendar
 * must cover `lookBackDays` before `asked` to `fitHorizon` after `today`).
 */
export function earliestFit(asked: CalendarDate, today: CalendarDate, rules: DeadlineRules, calendar: WorkingCalendar): CalendarDate {
  let start = asked;
  // A later arrival never moves a deadline earlier, so the first start that fits is the earliest.
  while (deadlinesFor(start, rules, calendar).submitBy! < today) start = addDays(start, 1);
  return start;
}

/** Days after today within which a fitting start date is always found: the whole path laid out after today. */
export function fitHorizon(rules: DeadlineRules): number {
  return lookBackDays(rules) + 1;
}

/** What the history says when a hold lapses because `step` was missed. */
export function missedStep(step: BatchStep, d: Deadlines): string {
  if (step === BatchStep.SUBMIT_LIST) return `the list was not submitted by ${d.submitBy}`;
  if (step === BatchStep.APPROVE_LIST) return `the list was not approved by ${d.approveBy}`;
  if (step === BatchStep.PUBLISH_LIST) return `the list was not published by ${d.publishBy}`;
  return `the base did not confirm by ${d.confirmBy}`;
}
