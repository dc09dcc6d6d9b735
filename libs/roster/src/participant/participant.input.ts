import { Field, InputType } from '@nestjs/graphql';
import { DocumentType } from './identity-document.js';
import { Gender, ParticipantCategory } from './participant.entity.js';

// Lengths and formats are checked by checkParticipant, the same rules a spreadsheet row meets.

@InputType({ description: 'A person for a rooming list.' })
export class ParticipantInput {
  @Field({ description: '姓名, as on the document; trimmed, at most 50 characters.' })
  name: string;

  @Field(() => Gender)
  gender: Gender;

  @Field(() => DocumentType, { defaultValue: DocumentType.MAINLAND_ID })
  documentType: DocumentType;

  @Field({ description: 'The document number; spaces and dashes are ignored.' })
  idNumber: string;

  @Field({ description: 'Mainland mobile (11 digits), or +852 / +853 and 8 digits.' })
  phone: string;

  @Field({ description: '工作单位, at most 100 characters.' })
  employer: string;

  @Field(() => ParticipantCategory, { defaultValue: ParticipantCategory.OTHER })
  category: ParticipantCategory;

  @Field(() => String, { nullable: true, description: '饮食禁忌, at most 200 characters.' })
  dietaryNeeds?: string | null;

  @Field(() => String, { nullable: true, description: 'Room label (at most 20 characters): the same label means the same room.' })
  room?: string | null;
}

@InputType({ description: 'Changes to a participant; omitted fields stay as they are. Changing documentType re-checks idNumber.' })
export class UpdateParticipantInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => DocumentType, { nullable: true })
  documentType?: DocumentType;

  @Field({ nullable: true })
  idNumber?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  employer?: string;

  @Field(() => ParticipantCategory, { nullable: true })
  category?: ParticipantCategory;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  dietaryNeeds?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  room?: string | null;
}
