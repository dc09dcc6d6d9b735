import { Module } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BatchFieldsResolver } from './batch/batch-fields.resolver.js';
import { BatchLifecycleService } from './batch/batch-lifecycle.service.js';
import { BatchQueryService } from './batch/batch-query.service.js';
import { BatchRequestService } from './batch/batch-request.service.js';
import { BatchResolver } from './batch/batch.resolver.js';
import { BatchRules } from './batch/batch-rules.js';
import { HoldSweeperService } from './batch/hold-sweeper.service.js';

/** Batches: requests, their lifecycle, holds and the capacity audit. */
@Module({
  imports: [BaseModule],
  providers: [BatchRules, BatchRequestService, BatchLifecycleService, BatchQueryService, HoldSweeperService, BatchResolver, BatchFieldsResolver],
  exports: [BatchRules, BatchRequestService, BatchLifecycleService, BatchQueryService, HoldSweeperService],
})
export class BookingModule {}
