import { Injectable } from '@nestjs/common';
import { BaseService, type DayKind, HolidayService, type UnionPolicy, UnionPolicyService } from '@app/base';
import { addDays, type CalendarDate, DomainException, may, Permission, type RequestContext } from '@app/shared';
import { type DeadlineRules, type Deadlines, deadlinesFor, earliestFit, fitHorizon, lookBackDays, type WorkingCalendar } from './deadlines.js';

/** What a batch's deadlines are computed from (a stored batch, or a request before it is written). */
export interface DeadlineSubject {
  unionId: number;
  unionPolicyId: number | null;
  baseId: number;
  startDate: CalendarDate;
}

const WINDOW = /^(\d{4}-\d{2}-\d{2})\|(\d{4}-\d{2}-\d{2})$/;

/**
 * A batch's deadlines from the policy version it keeps, its base's cut-off and the working calendar,
 * and the refusal of a request whose list cannot clear notice before arrival. Reads go through
 * per-request loaders: a page of batches costs one query each for policies, bases and the calendar.
 */
@Injectable()
export class DeadlineService {
  constructor(
    private readonly policies: UnionPolicyService,
    private readonly bases: BaseService,
    private readonly holidays: HolidayService,
  ) {}

  /** The deadlines of a batch (or a batch about to be written), by the policy version it keeps. */
  async forBatch(ctx: RequestContext, batch: DeadlineSubject): Promise<Deadlines> {
    const [policy, cutoffDays] = await Promise.all([this.policies.forBatch(ctx, batch), this.cutoffOf(ctx, batch.baseId)]);
    const rules = rulesOf(policy, cutoffDays);
    if (!rules.publicationRequired) return deadlinesFor(batch.startDate, rules, new Map());
    return deadlinesFor(batch.startDate, rules, await this.calendar(ctx, addDays(batch.startDate, -lookBackDays(rules)), batch.startDate));
  }

  /**
   * Refuses (POLICY_VIOLATION, field startDate, with `earliestStartDate`) a stay arriving on
   * `startDate` whose list could no longer be submitted by `today` under `unionPolicy`, and answers its
   * deadlines otherwise. For a request and for a move to other dates; reads the calendar once.
   */
  async assertFits(ctx: RequestContext, at: { unionPolicy: UnionPolicy; baseId: number; startDate: CalendarDate; today: CalendarDate; calendarVersion?: number }): Promise<Deadlines> {
    const rules = rulesOf(at.unionPolicy, await this.cutoffOf(ctx, at.baseId));
    if (!rules.publicationRequired) return deadlinesFor(at.startDate, rules, new Map());
    const to = addDays(at.startDate > at.today ? at.startDate : at.today, fitHorizon(rules));
    // With the calendar's version (read with a booking's package), this process's copy answers without a query.
    const calendar =
      at.calendarVersion !== undefined ? await this.holidays.calendarAt(ctx, at.calendarVersion) : await this.holidays.calendarBetween(ctx, addDays(at.startDate, -lookBackDays(rules)), to);
    const deadlines = deadlinesFor(at.startDate, rules, calendar);
    // The system's own seeding (the demo's stays in progress) books without the union's paperwork, as it confirms without it.
    if (deadlines.submitBy! >= at.today || may(ctx, Permission.RecordHistory)) return deadlines;
    const earliest = earliestFit(at.startDate, at.today, rules, calendar);
    const n = rules.publicationWorkingDays;
    const missed =
      deadlines.publishBy! < at.today
        ? `its rooming list would have to be publicly posted by ${deadlines.publishBy} to clear ${n} working days of notice before arrival`
        : `its rooming list would have to be submitted by ${deadlines.submitBy} to be approved and posted for ${n} working days by ${deadlines.publishBy}`;
    throw DomainException.policyViolation(
      'publicationWorkingDays',
      `A stay arriving on ${at.startDate} does not fit the union's approval path: ${missed}, and today is ${at.today}; the earliest start date that fits is ${earliest}`,
      { field: 'startDate', earliestStartDate: earliest, submitBy: deadlines.submitBy, publishBy: deadlines.publishBy },
    );
  }

  /**
   * The start dates (each at a base with its own cut-off) whose list can still go through the union's
   * approval path from `today`; one read of the calendar for all of them.
   */
  async fittingStarts<T extends { startDate: CalendarDate; rosterCutoffDays: number }>(ctx: RequestContext, policy: UnionPolicy, stays: T[], today: CalendarDate): Promise<T[]> {
    const open = stays.filter((s) => s.startDate >= today);
    if (!policy.publicationRequired || open.length === 0) return open;
    const starts = open.map((s) => s.startDate).sort();
    const longest = Math.max(...open.map((s) => lookBackDays(rulesOf(policy, s.rosterCutoffDays))));
    const calendar = await this.holidays.calendarBetween(ctx, addDays(starts[0], -longest), starts.at(-1)!);
    return open.filter((s) => deadlinesFor(s.startDate, rulesOf(policy, s.rosterCutoffDays), calendar).submitBy! >= today);
  }

  private async cutoffOf(ctx: RequestContext, baseId: number): Promise<number> {
    const base = await this.bases.load(ctx, baseId);
    if (!base) throw new Error(`Base ${baseId} is missing`);
    return base.rosterCutoffDays;
  }

  /** The working calendar over from…to; the windows asked in one tick are read as one span. */
  private calendar(ctx: RequestContext, from: CalendarDate, to: CalendarDate): Promise<WorkingCalendar> {
    return ctx
      .loader<string, ReadonlyMap<CalendarDate, DayKind>>('workingCalendar', async (windows) => {
        const spans = windows.map((w) => WINDOW.exec(w)!);
        const first = spans.map((m) => m[1]).sort()[0];
        const last = spans.map((m) => m[2]).sort()[spans.length - 1];
        const calendar = await this.holidays.calendarBetween(ctx, first, last);
        return windows.map(() => calendar);
      })
      .load(`${from}|${to}`);
  }
}

function rulesOf(policy: UnionPolicy, cutoffDays: number): DeadlineRules {
  return { publicationRequired: policy.publicationRequired, publicationWorkingDays: policy.publicationWorkingDays, cutoffDays };
}
