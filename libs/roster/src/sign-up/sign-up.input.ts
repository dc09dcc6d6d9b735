import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DocumentType } from '../participant/identity-document.js';
import { Gender, ParticipantCategory } from '../participant/participant.entity.js';
import { SignUpRule } from './sign-up-status.js';

@InputType({ description: "Opens a batch of the union for sign-up (报名) among the union's members." })
export class OpenSignUpInput {
  @Field(() => Int, { description: 'The batch (REQUESTED or CONFIRMED, its rooming list a DRAFT and not frozen).' })
  @IsInt()
  batchId: number;

  @Field(() => SignUpRule, { description: 'How the places are given out when it closes.' })
  rule: SignUpRule;

  @Field({ description: 'Sign-ups are taken until then (in the future, before the day of arrival); the sweep closes it then.' })
  deadline: Date;

  @Field(() => Int, { nullable: true, description: "Places to give out, 1 … the batch's headcount; the headcount when omitted." })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'places must be at least 1' })
  @Max(1000, { message: 'places cannot exceed 1000' })
  places?: number | null;

  @Field(() => String, { nullable: true, description: 'LOTTERY only: the seed of the draw, recorded (at most 100 characters); a random one when omitted.' })
  @IsOptional()
  seed?: string | null;
}

// Lengths and formats are checked by checkParticipant, the same rules a rooming-list entry meets.

@InputType({ description: "A worker's sign-up for a batch open for sign-up: the identity as the rooming list takes it." })
export class SignUpInput {
  @Field(() => Int, { description: 'The batch open for sign-up.' })
  @IsInt()
  batchId: number;

  @Field({ description: '姓名, as on the document; trimmed, at most 50 characters.' })
  name: string;

  @Field(() => Gender, { description: '性别 (must match a resident ID number).' })
  gender: Gender;

  @Field(() => DocumentType, { defaultValue: DocumentType.MAINLAND_ID, description: 'The identity document.' })
  documentType: DocumentType;

  @Field({ description: 'The document number; spaces and dashes are ignored.' })
  idNumber: string;

  @Field({ description: 'Mainland mobile (11 digits), or +852 / +853 and 8 digits.' })
  phone: string;

  @Field({ description: '工作单位, at most 100 characters.' })
  employer: string;

  @Field(() => ParticipantCategory, { defaultValue: ParticipantCategory.OTHER, description: 'The category of worker.' })
  category: ParticipantCategory;

  @Field(() => String, { nullable: true, description: '饮食禁忌, at most 200 characters.' })
  dietaryNeeds?: string | null;
}
