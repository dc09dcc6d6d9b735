import { Allotment, AllotmentEvent, AllotmentNight } from './allotment/allotment.entity.js';
import { Base } from './base/base.entity.js';
import { CapacityNight } from './capacity/capacity-night.entity.js';
import { Package } from './package/package.entity.js';
import { PricePeriod } from './package/price-period.entity.js';
import { Region } from './region/region.entity.js';
import { Holiday } from './holiday/holiday.entity.js';
import { TradeUnion } from './union/union.entity.js';
import { UnionPolicy } from './union/union-policy.entity.js';

export { BaseModule } from './base.module.js';
export { Allotment, AllotmentEvent, AllotmentNight } from './allotment/allotment.entity.js';
export { AllotmentService, type AllotmentHolding } from './allotment/allotment.service.js';
export { AllotmentDrawService } from './allotment/allotment-draw.service.js';
export { AllotmentSweeper } from './allotment/allotment-sweeper.service.js';
export { DayKind, Holiday } from './holiday/holiday.entity.js';
export { dayAfterWorkingDaysIn, HolidayService, isWeekend, isWorkingDay } from './holiday/holiday.service.js';
export { Region } from './region/region.entity.js';
export { RegionService } from './region/region.service.js';
export { Base } from './base/base.entity.js';
export { BaseService } from './base/base.service.js';
export { assertManagesBase } from './base/base-access.js';
export { TradeUnion } from './union/union.entity.js';
export { UnionService } from './union/union.service.js';
export { UnionOrganisers, type OrganiserLookup } from './union/union-organisers.js';
export { UnionPolicy, DEFAULT_POLICY } from './union/union-policy.entity.js';
export { UnionPolicyService, stayDays } from './union/union-policy.service.js';
export { Package } from './package/package.entity.js';
export { PackageService } from './package/package.service.js';
export { PricePeriod, Season } from './package/price-period.entity.js';
export { type StayPrice, stayPrice } from './package/stay-price.js';
export { checkGroupSize } from './package/group-size.js';
export { CapacityService } from './capacity/capacity.service.js';
export { type NightRange, nightRuns } from './capacity/night-move.js';
export { CapacityCalendarService } from './capacity/capacity-calendar.service.js';
export { CapacityDrift, CapacityDay, BaseAvailability } from './capacity/capacity-day.model.js';

/** The tables this module owns. */
export const BASE_ENTITIES = [Holiday, UnionPolicy, Allotment, AllotmentNight, AllotmentEvent, Region, Base, TradeUnion, Package, PricePeriod, CapacityNight];
