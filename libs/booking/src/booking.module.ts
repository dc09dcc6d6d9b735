import { Module, type OnModuleInit } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BatchFieldsResolver } from './batch/batch-fields.resolver.js';
import { BatchLifecycleService } from './batch/batch-lifecycle.service.js';
import { BatchQueryService } from './batch/batch-query.service.js';
import { BatchRequestService } from './batch/batch-request.service.js';
import { BatchResolver } from './batch/batch.resolver.js';
import { BatchRules } from './batch/batch-rules.js';
import { HoldSweeperService } from './batch/hold-sweeper.service.js';
import { BaseRatingResolver, BatchFeedbackResolver, FeedbackResolver } from './feedback/feedback.resolver.js';
import { FeedbackService } from './feedback/feedback.service.js';
import { BatchRosterResolver, ParticipantStayResolver, UnionCoverageResolver } from './participant/batch-roster.resolver.js';
import { ParticipantResolver } from './participant/participant.resolver.js';
import { ParticipantService } from './participant/participant.service.js';
import { RosterBatchRules } from './participant/roster-batch-rules.js';
import { PersonalDataAccessResolver } from './personal-data/personal-data-access.resolver.js';
import { PersonalDataAccessService } from './personal-data/personal-data-access.service.js';
import { PersonalDataCipher } from './personal-data/personal-data.cipher.js';
import { RosterWorkflowResolver } from './roster-workflow/roster-workflow.resolver.js';
import { RosterWorkflowRules } from './roster-workflow/roster-workflow.rules.js';
import { RosterWorkflowService } from './roster-workflow/roster-workflow.service.js';
import { RosterFileController } from './spreadsheet/roster-file.controller.js';

/**
 * Batches and their people: requests, the lifecycle, holds, the capacity audit, and rooming lists
 * with their encrypted personal data, its access log and the spreadsheet endpoints; the unions'
 * ratings of their stays.
 */
@Module({
  imports: [BaseModule],
  controllers: [RosterFileController],
  providers: [
    BatchRules,
    BatchRequestService,
    BatchLifecycleService,
    BatchQueryService,
    HoldSweeperService,
    BatchResolver,
    BatchFieldsResolver,
    PersonalDataCipher,
    PersonalDataAccessService,
    ParticipantService,
    RosterBatchRules,
    ParticipantResolver,
    BatchRosterResolver,
    ParticipantStayResolver,
    UnionCoverageResolver,
    PersonalDataAccessResolver,
    FeedbackService,
    FeedbackResolver,
    BaseRatingResolver,
    BatchFeedbackResolver,
    RosterWorkflowService,
    RosterWorkflowRules,
    RosterWorkflowResolver,
  ],
  exports: [BatchRules, BatchRequestService, BatchLifecycleService, BatchQueryService, HoldSweeperService, ParticipantService, PersonalDataCipher, FeedbackService],
})
export class BookingModule implements OnModuleInit {
  constructor(
    private readonly batchRules: BatchRules,
    private readonly rosterRules: RosterBatchRules,
    private readonly workflowRules: RosterWorkflowRules,
    private readonly workflow: RosterWorkflowService,
    private readonly sweeper: HoldSweeperService,
  ) {}

  /** The rooming list's rules join the lifecycle the same way another domain's would. */
  onModuleInit(): void {
    // The workflow first: a list the union is handling refuses a headcount change before its count is weighed.
    this.batchRules.register(this.workflowRules);
    this.batchRules.register(this.rosterRules);
    this.sweeper.also('cleared rosters', (now) => this.workflow.clearDue(now));
  }
}
