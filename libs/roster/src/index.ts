import { Insurance } from './insurance/insurance.entity.js';
import { Participant } from './participant/participant.entity.js';
import { PersonalDataAccess } from './personal-data/personal-data-access.entity.js';
import { RosterEvent } from './roster-workflow/roster-event.entity.js';
import { Roster } from './roster-state/roster.entity.js';
import { SignUp, SignUpEvent, SignUpRound } from './sign-up/sign-up.entity.js';

export { RosterModule } from './roster.module.js';
export { Participant, Gender, ParticipantCategory } from './participant/participant.entity.js';
export { DocumentType, mainlandIdCheckDigit } from './participant/identity-document.js';
export { ParticipantEditService } from './participant/participant-edit.service.js';
export { ParticipantQueryService } from './participant/participant-query.service.js';
export type { ParticipantFields } from './participant/participant-check.js';
export { PersonalDataAccess } from './personal-data/personal-data-access.entity.js';
export { PersonalDataCipher } from './personal-data/personal-data.cipher.js';
export { RosterStatus } from './roster-state/roster-status.js';
export { RosterWorkflowService, maskName } from './roster-workflow/roster-workflow.service.js';
export { RosterSweeper } from './roster-workflow/roster-sweeper.service.js';
export { InsuranceService } from './insurance/insurance.service.js';

export { SignUp, SignUpEvent, SignUpRound } from './sign-up/sign-up.entity.js';
export { SignUpRule, SignUpRoundStatus, SignUpStatus } from './sign-up/sign-up-status.js';
export { SignUpService } from './sign-up/sign-up.service.js';
export { SignUpSweeper } from './sign-up/sign-up-sweeper.service.js';
export { lotteryKey, orderByRule } from './sign-up/sign-up-order.js';

export const ROSTER_ENTITIES = [Participant, PersonalDataAccess, RosterEvent, Roster, Insurance, SignUpRound, SignUp, SignUpEvent];
