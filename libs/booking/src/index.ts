import { BatchEvent } from './batch/batch-event.entity.js';
import { Batch } from './batch/batch.entity.js';
import { StayFeedback } from './feedback/stay-feedback.entity.js';
import { StaggeringEvent } from './batch/staggering-event.entity.js';
import { WaitingListEntry, WaitingListEvent } from './waitlist/waiting-list-entry.entity.js';

export { BookingModule } from './booking.module.js';
export { Batch } from './batch/batch.entity.js';
export { BatchEvent } from './batch/batch-event.entity.js';
export { BatchStatus, HOLDS_BEDS } from './batch/batch-status.js';
export { BatchRequestService } from './batch/batch-request.service.js';
export { BatchLifecycleService } from './batch/batch-lifecycle.service.js';
export { BatchRescheduleService } from './batch/batch-reschedule.service.js';
export { BatchQueryService, type ExchangeFigures, type StayFigures, type StayGrouping } from './batch/batch-query.service.js';
export { BatchRules, type BatchRule, type BatchMove } from './batch/batch-rules.js';
export { batchScope, canSee, scopeBatches, type BatchScope } from './batch/batch-access.js';
export { BatchConnection } from './batch/batch-connection.model.js';
export { BatchFilter } from './batch/batches.args.js';
export { BedSource } from './batch/bed-source.js';
export { BenefitType, discountPerPerson } from './exchange-terms/benefit.js';
export type { AgreementTerms, AgreementRequest } from './exchange-terms/agreement-terms.js';
export type { PastStay } from './batch/batch-request.service.js';
export { HoldSweeperService } from './batch/hold-sweeper.service.js';
export { BatchHoldService } from './batch/batch-hold.service.js';
export { DeadlineService, type DeadlineSubject } from './deadline/deadline.service.js';
export { BatchStep, deadlinesFor, earliestFit, holdUntil, type DeadlineRules, type Deadlines } from './deadline/deadlines.js';
export { BatchDeadlines } from './deadline/batch-deadlines.model.js';

export { StayFeedback } from './feedback/stay-feedback.entity.js';
export { FeedbackService } from './feedback/feedback.service.js';

export const BOOKING_ENTITIES = [Batch, BatchEvent, StayFeedback, StaggeringEvent, WaitingListEntry, WaitingListEvent];
export { StaggeringEvent, StaggeringKind, RefusalCause } from './batch/staggering-event.entity.js';
export { StaggeringService, type StaggeringCounts, type StayedBedNights } from './batch/staggering.service.js';
export { WaitingListEntry, WaitingListEvent } from './waitlist/waiting-list-entry.entity.js';
export { WaitingListStatus } from './waitlist/waiting-list-status.js';
export { WaitingListService } from './waitlist/waiting-list.service.js';
export { WaitingListOfferService } from './waitlist/waiting-list-offer.service.js';
export { WaitingListSweeper } from './waitlist/waiting-list-sweeper.service.js';
export type { JoinWaitingListInput } from './waitlist/join-waiting-list.input.js';
export type { HeldBeds } from './batch/batch-rules.js';

export { StaySuggestionService, type StayWish } from './suggestion/stay-suggestion.service.js';
export { StayOption } from './suggestion/stay-option.model.js';
