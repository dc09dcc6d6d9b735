import { Injectable } from '@nestjs/common';
import { DEFAULT_POLICY, type StayCandidate, StayOptionsService, UnionPolicyService } from '@app/base';
import { type CalendarDate, Clock, type ErrorDetails, formatYuan, type RequestContext } from '@app/shared';
import { DeadlineService } from '../deadline/deadline.service.js';
import type { StayOption } from './stay-option.model.js';

/** How far either side of the asked start date the same package is tried. */
const WINDOW_DAYS = 28;
const SAME_BASE = 3;
const OTHER_BASES = 5;

export interface StayWish {
  packageId: number;
  startDate: CalendarDate;
  headcount: number;
  /** The union the stay would be for: its policy's deadlines decide which dates can still be booked. */
  unionId: number | null;
}

/**
 * Alternatives to a stay that does not fit (错时化): the nearest start dates of the same package that
 * have the beds, and the other bases with a package of as many nights free on the asked dates, each
 * at today's price, cheapest first. A constant number of reads: the base module's five, the policy
 * and the calendar once.
 */
@Injectable()
export class StaySuggestionService {
  constructor(
    private readonly options: StayOptionsService,
    private readonly policies: UnionPolicyService,
    private readonly deadlines: DeadlineService,
    private readonly clock: Clock,
  ) {}

  async suggest(ctx: RequestContext, wish: StayWish): Promise<StayOption[]> {
    const today = this.clock.today();
    // Sequential reads: one pool connection at a time per refusal (see StayOptionsService.fitting).
    const { sameBase, otherBases } = await this.options.fitting(ctx, { packageId: wish.packageId, startDate: wish.startDate, headcount: wish.headcount, windowDays: WINDOW_DAYS });
    const policy = wish.unionId === null ? { ...DEFAULT_POLICY, unionId: 0 } : await this.policies.on(ctx, wish.unionId, today);
    const fitting = await this.deadlines.fittingStarts(ctx, policy, [...sameBase, ...otherBases], today);
    const nearest = fitting
      .filter((s) => s.shiftDays !== 0)
      .sort((a, b) => Math.abs(a.shiftDays) - Math.abs(b.shiftDays) || a.shiftDays - b.shiftDays)
      .slice(0, SAME_BASE);
    const elsewhere = fitting
      .filter((s) => s.shiftDays === 0)
      .sort(byPrice)
      .slice(0, OTHER_BASES);
    return [...nearest, ...elsewhere].sort(byPrice).map(({ rosterCutoffDays: _cutoff, ...option }) => option);
  }

  /** The same answer as `extensions.alternatives` of a refusal: flat records, money as yuan. */
  static asDetails(options: StayOption[]): ErrorDetails[string] {
    return options.map((o) => ({ ...o, pricePerPerson: formatYuan(o.pricePerPerson) }));
  }
}

/** Cheapest first; at one price, off-peak, then the nearest date, then the base. */
function byPrice(a: StayCandidate, b: StayCandidate): number {
  return a.pricePerPerson - b.pricePerPerson || Number(b.offPeak) - Number(a.offPeak) || Math.abs(a.shiftDays) - Math.abs(b.shiftDays) || a.baseId - b.baseId;
}
