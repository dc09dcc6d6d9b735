import { Module, type OnModuleInit } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BatchRules, BookingModule } from '@app/booking';
import { BatchRosterResolver } from './participant/batch-roster.resolver.js';
import { ParticipantResolver } from './participant/participant.resolver.js';
import { ParticipantService } from './participant/participant.service.js';
import { RosterBatchRules } from './participant/roster-batch-rules.js';
import { PersonalDataAccessResolver } from './personal-data/personal-data-access.resolver.js';
import { PersonalDataAccessService } from './personal-data/personal-data-access.service.js';
import { PersonalDataCipher } from './personal-data/personal-data.cipher.js';
import { RosterFileController } from './spreadsheet/roster-file.controller.js';

/** Rooming lists: participants, their encrypted personal data and its access log, spreadsheets in and out. */
@Module({
  imports: [BaseModule, BookingModule],
  controllers: [RosterFileController],
  providers: [
    PersonalDataCipher,
    PersonalDataAccessService,
    ParticipantService,
    RosterBatchRules,
    ParticipantResolver,
    BatchRosterResolver,
    PersonalDataAccessResolver,
  ],
  exports: [ParticipantService, PersonalDataCipher],
})
export class RosterModule implements OnModuleInit {
  constructor(
    private readonly batchRules: BatchRules,
    private readonly rosterRules: RosterBatchRules,
  ) {}

  onModuleInit(): void {
    this.batchRules.register(this.rosterRules);
  }
}
