import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, PageArgs } from '@app/shared';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DocumentType } from '../participant/identity-document.js';
import { Gender, ParticipantCategory } from '../participant/participant.entity.js';
import { SignUpRoundStatus, SignUpRule } from './sign-up-status.js';

@InputType({
  description: "Opens a batch of the union — or a trip not yet booked (packageId, startDate, places) — for sign-up (报名) among the union's members. Give exactly one of batchId and packageId.",
})
export class OpenSignUpInput {
  @Field(() => Int, { nullable: true, description: 'The batch (REQUESTED or CONFIRMED, its rooming list a DRAFT and not frozen); or leave it out and give a trip (packageId, startDate, places).' })
  @IsOptional()
  @IsInt()
  batchId?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A trip not yet booked: the package (active, one you may book; it fixes the base and the nights). It is booked as a batch at the closing, for as many as are selected.',
  })
  @IsOptional()
  @IsInt()
  packageId?: number | null;

  @Field(() => DateScalar, { nullable: true, description: "A trip: the day of arrival, after today and after the deadline (the deadline must fall before the base's rooming-list cut-off)." })
  @IsOptional()
  startDate?: string | null;

  @Field(() => Int, { nullable: true, description: "A trip: the union it is for; an organiser's own when omitted, the admin must give it." })
  @IsOptional()
  @IsInt()
  unionId?: number | null;

  @Field(() => SignUpRule, { description: 'How the places are given out when it closes.' })
  rule: SignUpRule;

  @Field({ description: 'Sign-ups are taken until then (in the future, before the day of arrival); the sweep closes it then.' })
  deadline: Date;

  @Field(() => Int, {
    nullable: true,
    description: "Places to give out: for a batch 1 … its headcount (the headcount when omitted); for a trip the headcount wanted (required), within the package's group sizes.",
  })
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

@InputType({ description: "A worker's sign-up for a batch or a trip open for sign-up (give exactly one of batchId and roundId): the identity as the rooming list takes it." })
export class SignUpInput {
  @Field(() => Int, { nullable: true, description: 'The batch open for sign-up; or give roundId.' })
  @IsOptional()
  @IsInt()
  batchId?: number | null;

  @Field(() => Int, { nullable: true, description: "The sign-up round (openSignUp's id): the way to sign up for a trip not yet booked; works for a batch's round too." })
  @IsOptional()
  @IsInt()
  roundId?: number | null;

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

@ArgsType()
export class SignUpRoundsArgs extends PageArgs {
  @Field(() => SignUpRoundStatus, { nullable: true, description: 'Only the rounds in this state.' })
  @IsOptional()
  @IsEnum(SignUpRoundStatus)
  status?: SignUpRoundStatus | null;
}
