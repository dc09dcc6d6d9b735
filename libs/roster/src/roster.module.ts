import { Module, type OnModuleInit } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BatchRules, BookingModule } from '@app/booking';
import { InsuranceResolver } from './insurance/insurance.resolver.js';
import { PaperworkAccessService } from './paperwork-access/paperwork-access.service.js';
import { InsuranceService } from './insurance/insurance.service.js';
import { BatchRosterResolver, ParticipantStayResolver, UnionCoverageResolver } from './participant/batch-roster.resolver.js';
import { ParticipantResolver } from './participant/participant.resolver.js';
import { ParticipantEditService } from './participant/participant-edit.service.js';
import { ParticipantQueryService } from './participant/participant-query.service.js';
import { RosterCheckService } from './participant/roster-check.service.js';
import { RosterBatchRules } from './participant/roster-batch-rules.js';
import { PersonalDataAccessResolver } from './personal-data/personal-data-access.resolver.js';
import { PersonalDataAccessService } from './personal-data/personal-data-access.service.js';
import { PersonalDataCipher } from './personal-data/personal-data.cipher.js';
import { RosterWorkflowResolver } from './roster-workflow/roster-workflow.resolver.js';
import { RosterListsResolver } from './roster-state/roster-lists.resolver.js';
import { RosterWorkflowRules } from './roster-workflow/roster-workflow.rules.js';
import { RosterMoveRules } from './roster-workflow/roster-move.rules.js';
import { RosterWorkflowService } from './roster-workflow/roster-workflow.service.js';
import { RosterSweeper } from './roster-workflow/roster-sweeper.service.js';
import { RosterFileController } from './spreadsheet/roster-file.controller.js';
import { NoticeController } from './notice/notice.controller.js';
import { NoticeLinkResolver } from './notice/notice-link.resolver.js';
import { RosterImportService } from './spreadsheet/roster-import.service.js';
import { SheetParserService } from './spreadsheet/sheet-parser.service.js';
import { BatchSignUpResolver, SignUpResolver, SignUpRoundResolver } from './sign-up/sign-up.resolver.js';
import { SignUpService } from './sign-up/sign-up.service.js';
import { SignUpPlacesService } from './sign-up/sign-up-places.service.js';
import { SignUpTripService } from './sign-up/sign-up-trip.service.js';
import { SignUpSweeper } from './sign-up/sign-up-sweeper.service.js';

/**
 * The rooming list (名单): participants and their encrypted personal data with its access log, the
 * union's approval and public notice, spreadsheets in and out, accident insurance and the team
 * leader. It joins the batch lifecycle only through BatchRules; booking never imports it.
 */
@Module({
  imports: [BaseModule, BookingModule],
  controllers: [RosterFileController, NoticeController],
  providers: [
    PaperworkAccessService,
    PersonalDataCipher,
    PersonalDataAccessService,
    RosterCheckService,
    ParticipantQueryService,
    ParticipantEditService,
    RosterBatchRules,
    ParticipantResolver,
    BatchRosterResolver,
    ParticipantStayResolver,
    UnionCoverageResolver,
    PersonalDataAccessResolver,
    RosterImportService,
    SheetParserService,
    RosterWorkflowService,
    RosterWorkflowRules,
    RosterMoveRules,
    RosterSweeper,
    RosterWorkflowResolver,
    RosterListsResolver,
    NoticeLinkResolver,
    InsuranceService,
    InsuranceResolver,
    SignUpService,
    SignUpPlacesService,
    SignUpTripService,
    SignUpSweeper,
    SignUpResolver,
    BatchSignUpResolver,
    SignUpRoundResolver,
  ],
  exports: [ParticipantEditService, ParticipantQueryService, PersonalDataCipher, RosterWorkflowService, InsuranceService, SignUpService, SignUpSweeper],
})
export class RosterModule implements OnModuleInit {
  constructor(
    private readonly batchRules: BatchRules,
    private readonly rosterRules: RosterBatchRules,
    private readonly workflowRules: RosterWorkflowRules,
    private readonly moveRules: RosterMoveRules,
  ) {}

  /** The rooming list's rules join the lifecycle the same way another domain's would. */
  onModuleInit(): void {
    // The workflow first: a list the union is handling refuses a headcount change before its count is weighed.
    this.batchRules.register(this.workflowRules);
    this.batchRules.register(this.rosterRules);
    this.batchRules.register(this.moveRules);
  }
}
