import { Module } from '@nestjs/common';
import { AllotmentDrawService } from './allotment/allotment-draw.service.js';
import { AllotmentResolver } from './allotment/allotment.resolver.js';
import { AllotmentService } from './allotment/allotment.service.js';
import { AllotmentSweeper } from './allotment/allotment-sweeper.service.js';
import { HolidayResolver } from './holiday/holiday.resolver.js';
import { HolidayService } from './holiday/holiday.service.js';
import { BaseResolver } from './base/base.resolver.js';
import { BaseService } from './base/base.service.js';
import { CapacityCalendarService } from './capacity/capacity-calendar.service.js';
import { BaseCalendarResolver } from './capacity/base-calendar.resolver.js';
import { CapacityResolver } from './capacity/capacity.resolver.js';
import { CapacityService } from './capacity/capacity.service.js';
import { BasePackagesResolver } from './package/base-packages.resolver.js';
import { PackageResolver } from './package/package.resolver.js';
import { PackageService } from './package/package.service.js';
import { StayOptionsService } from './package/stay-options.service.js';
import { RegionResolver } from './region/region.resolver.js';
import { RegionService } from './region/region.service.js';
import { RegionFederationResolver } from './union/region-federation.resolver.js';
import { UnionPolicyResolver } from './union/union-policy.resolver.js';
import { UnionPolicyService } from './union/union-policy.service.js';
import { UnionResolver } from './union/union.resolver.js';
import { UnionService } from './union/union.service.js';
import { UnionOrganisers } from './union/union-organisers.js';

/** Regions, bases, their packages, capacity calendar and allotments (room blocks), and the unions that book them. */
@Module({
  providers: [
    HolidayService,
    HolidayResolver,
    UnionPolicyService,
    UnionPolicyResolver,
    AllotmentService,
    AllotmentDrawService,
    AllotmentResolver,
    AllotmentSweeper,
    RegionService,
    RegionResolver,
    BaseService,
    UnionService,
    UnionOrganisers,
    PackageService,
    StayOptionsService,
    CapacityService,
    CapacityCalendarService,
    BaseResolver,
    UnionResolver,
    PackageResolver,
    CapacityResolver,
    BasePackagesResolver,
    BaseCalendarResolver,
    RegionFederationResolver,
  ],
  exports: [
    HolidayService,
    UnionPolicyService,
    AllotmentService,
    AllotmentDrawService,
    RegionService,
    BaseService,
    UnionService,
    UnionOrganisers,
    PackageService,
    StayOptionsService,
    CapacityService,
    CapacityCalendarService,
  ],
})
export class BaseModule {}
