import { Participant } from './participant/participant.entity.js';
import { PersonalDataAccess } from './personal-data/personal-data-access.entity.js';

export { RosterModule } from './roster.module.js';
export { Participant, Gender, ParticipantCategory } from './participant/participant.entity.js';
export { DocumentType, mainlandIdCheckDigit } from './participant/identity-document.js';
export { ParticipantService } from './participant/participant.service.js';
export type { ParticipantFields } from './participant/participant-check.js';
export { PersonalDataAccess } from './personal-data/personal-data-access.entity.js';
export { PersonalDataCipher } from './personal-data/personal-data.cipher.js';

export const ROSTER_ENTITIES = [Participant, PersonalDataAccess];
