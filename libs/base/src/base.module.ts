import { Module } from '@nestjs/common';
import { AllotmentService } from './allotment/allotment.service.js';
import { AllotmentSweeper } from './allotment/allotment-sweeper.service.js';
import { HolidayResolver } from './holiday/holiday.resolver.js';
import { HolidayService } from './holiday/holiday.service.js';
import { BaseResolver } from './base/base.resolver.js';
import { BaseService } from './base/base.service.js';
import { CapacityResolver } from './capacity/capacity.resolver.js';
import { CapacityService } from './capacity/capacity.service.js';
import { PackageResolver } from './package/package.resolver.js';
import { PackageService } from './package/package.service.js';
import { RegionResolver } from './region/region.resolver.js';
import { RegionService } from './region/region.service.js';
import { UnionPolicyResolver } from './union/union-policy.resolver.js';
import { UnionPolicyService } from './union/union-policy.service.js';
import { UnionResolver } from './union/union.resolver.js';
import { UnionService } from './union/union.service.js';

/** Regions, bases, their packages and capacity calendar, and the unions that book them. */
@Module({
  providers: [HolidayService, HolidayResolver, UnionPolicyService, UnionPolicyResolver, AllotmentService, AllotmentSweeper, RegionService, RegionResolver, BaseService, UnionService, PackageService, CapacityService, BaseResolver, UnionResolver, PackageResolver, CapacityResolver],
  exports: [HolidayService, UnionPolicyService, AllotmentService, RegionService, BaseService, UnionService, PackageService, CapacityService],
})
export class BaseModule {}
