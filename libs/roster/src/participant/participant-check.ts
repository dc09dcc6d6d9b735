import { checkDocumentNumber, DocumentType, maskDocumentNumber, sexInMainlandId } from './identity-document.js';
import { Gender, ParticipantCategory } from './participant.entity.js';
import { checkPhone, maskPhone } from './phone-number.js';

/** A participant as a person types it, in GraphQL or in a spreadsheet row; every field may be wrong. */
export interface ParticipantFields {
  name?: string | null;
  gender?: Gender | null;
  documentType?: DocumentType | null;
  idNumber?: string | null;
  phone?: string | null;
  employer?: string | null;
  category?: ParticipantCategory | null;
  dietaryNeeds?: string | null;
  room?: string | null;
}

export type ParticipantField = keyof ParticipantFields;

/** A participant that passed every check, normalised, with the plain values still in hand. */
export interface CheckedParticipant {
  name: string;
  gender: Gender;
  documentType: DocumentType;
  idNumber: string;
  idNumberMasked: string;
  phone: string;
  phoneMasked: string;
  employer: string;
  category: ParticipantCategory;
  dietaryNeeds: string | null;
  room: string | null;
}

export interface FieldProblem {
  field: ParticipantField;
  message: string;
}

export const LIMITS = { name: 50, employer: 100, dietaryNeeds: 200, room: 20 } as const;

// Control characters and the bidirectional overrides that make a name display as something else.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function text(problems: FieldProblem[], field: 'name' | 'employer' | 'dietaryNeeds' | 'room', raw: string | null | undefined, required: boolean): string | null {
  const value = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!value) {
    if (required) problems.push({ field, message: 'is required' });
    return null;
  }
  if (INVISIBLE.test(value)) problems.push({ field, message: 'contains control characters' });
  else if ([...value].length > LIMITS[field]) problems.push({ field, message: `is at most ${LIMITS[field]} characters, got ${[...value].length}` });
  return value;
}

/** Every problem of one participant at once, so a spreadsheet row is fixed in one go. */
export function checkParticipant(input: ParticipantFields, today: string): { value: CheckedParticipant | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = text(problems, 'name', input.name, true);
  const employer = text(problems, 'employer', input.employer, true);
  const dietaryNeeds = text(problems, 'dietaryNeeds', input.dietaryNeeds, false);
  const room = text(problems, 'room', input.room, false);
  if (!input.gender) problems.push({ field: 'gender', message: 'is required' });
  if (!input.category) problems.push({ field: 'category', message: 'is required' });
  const documentType = input.documentType ?? null;
  if (!documentType) problems.push({ field: 'documentType', message: 'is required' });

  let idNumber: string | null = null;
  if (!documentType && !(input.idNumber ?? '').trim()) problems.push({ field: 'idNumber', message: 'is required' });
  if (documentType) {
    const checked = checkDocumentNumber(documentType, input.idNumber ?? '', today);
    if (checked.ok) idNumber = checked.value;
    else problems.push({ field: 'idNumber', message: checked.message });
  }
  if (idNumber && documentType === DocumentType.MAINLAND_ID && input.gender && sexInMainlandId(idNumber) !== (input.gender as string)) {
    problems.push({ field: 'gender', message: `does not match the resident ID number, which is a ${sexInMainlandId(idNumber) === 'MALE' ? 'man' : 'woman'}'s` });
  }
  const phone = checkPhone(input.phone ?? '');
  if (!phone.ok) problems.push({ field: 'phone', message: phone.message });

  if (problems.length) return { value: null, problems };
  return {
    value: {
      name: name!,
      gender: input.gender!,
      documentType: documentType!,
      idNumber: idNumber!,
      idNumberMasked: maskDocumentNumber(documentType!, idNumber!),
      phone: (phone as { value: string }).value,
      phoneMasked: maskPhone((phone as { value: string }).value),
      employer: employer!,
      category: input.category!,
      dietaryNeeds,
      room,
    },
    problems,
  };
}
