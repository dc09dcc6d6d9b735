import { Module } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BatchFieldsResolver } from './batch/batch-fields.resolver.js';
import { BatchHoldService } from './batch/batch-hold.service.js';
import { BatchLifecycleService } from './batch/batch-lifecycle.service.js';
import { BatchQueryService } from './batch/batch-query.service.js';
import { BatchRequestService } from './batch/batch-request.service.js';
import { BatchRescheduleService } from './batch/batch-reschedule.service.js';
import { BatchResolver } from './batch/batch.resolver.js';
import { BatchRules } from './batch/batch-rules.js';
import { HoldSweeperService } from './batch/hold-sweeper.service.js';
import { BaseRatingResolver, BatchFeedbackResolver, FeedbackResolver } from './feedback/feedback.resolver.js';
import { FeedbackService } from './feedback/feedback.service.js';
import { DeadlineService } from './deadline/deadline.service.js';
import { StaySuggestionResolver } from './suggestion/stay-suggestion.resolver.js';
import { StaySuggestionService } from './suggestion/stay-suggestion.service.js';
import { StaggeringService } from './batch/staggering.service.js';
import { WaitingListOfferService } from './waitlist/waiting-list-offer.service.js';
import { WaitingListResolver } from './waitlist/waiting-list.resolver.js';
import { WaitingListService } from './waitlist/waiting-list.service.js';
import { WaitingListSweeper } from './waitlist/waiting-list-sweeper.service.js';
import { ChangeFeed } from './live/change-feed.service.js';
import { LiveResolver } from './live/live.resolver.js';

/**
 * Batches: requests, the lifecycle, holds, the capacity audit, the unions' ratings of their
 * stays, and the waiting list (requests that did not fit, offered beds as they come back). Other domains (the rooming list, billing, exchange) add their rules through BatchRules.
 */
@Module({
  imports: [BaseModule],
  providers: [
    BatchRules,
    DeadlineService,
    BatchHoldService,
    StaySuggestionService,
    StaySuggestionResolver,
    StaggeringService,
    BatchRequestService,
    BatchLifecycleService,
    BatchRescheduleService,
    BatchQueryService,
    HoldSweeperService,
    BatchResolver,
    BatchFieldsResolver,
    FeedbackService,
    FeedbackResolver,
    BaseRatingResolver,
    BatchFeedbackResolver,
    WaitingListService,
    WaitingListOfferService,
    WaitingListSweeper,
    WaitingListResolver,
    ChangeFeed,
    LiveResolver,
  ],
  exports: [
    BatchRules,
    DeadlineService,
    StaySuggestionService,
    BatchHoldService,
    BatchRequestService,
    BatchLifecycleService,
    BatchRescheduleService,
    BatchQueryService,
    FeedbackService,
    StaggeringService,
    WaitingListService,
    WaitingListOfferService,
  ],
})
export class BookingModule {}
