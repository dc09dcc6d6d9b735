import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { StayRequestStatus } from './stay-request-status.js';

@InputType({ description: 'A stay made to order: what the union wants, sent to one base or several, which answer with quotes.' })
export class SendStayRequestInput {
  @Field(() => Int, { nullable: true, description: "The union the stay is for: an organiser's own when omitted; a PARTNER names one of its region's, an admin any." })
  @IsOptional()
  @IsInt()
  unionId?: number | null;

  @Field(() => [Int], { description: 'The bases asked (1 to 10, each once).' })
  @ArrayMinSize(1, { message: 'baseIds must name at least one base' })
  @ArrayMaxSize(10, { message: 'baseIds names at most 10 bases' })
  @IsInt({ each: true })
  baseIds: number[];

  @Field(() => DateScalar, { description: 'The earliest day of arrival; today or later.' })
  @IsNotEmpty()
  earliestStart: string;

  @Field(() => DateScalar, { nullable: true, description: 'The latest day of arrival (at most a year after earliestStart); earliestStart when omitted (fixed dates).' })
  @IsOptional()
  latestStart?: string | null;

  @Field(() => Int, { description: '1 to 30 nights.' })
  @IsInt()
  @Min(1, { message: 'nights must be at least 1' })
  @Max(30, { message: 'nights cannot exceed 30' })
  nights: number;

  @Field(() => Int, { description: 'Workers in the group, 1 to 1000.' })
  @IsInt()
  @Min(1, { message: 'headcount must be at least 1' })
  @Max(1000, { message: 'headcount cannot exceed 1000' })
  headcount: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Budget per person for the whole stay.' })
  @IsOptional()
  @IsInt({ message: 'budgetPerPerson must be an amount of yuan, e.g. "2500.00"' })
  @Min(1, { message: 'budgetPerPerson must be above 0' })
  @Max(100_000_000, { message: 'budgetPerPerson cannot exceed 1000000.00 yuan' })
  budgetPerPerson?: number | null;

  @Field(() => [String], { nullable: true, description: 'Themes, up to 10 of up to 20 characters each, e.g. ["康养", "红色教育", "劳模疗养"].' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'at most 10 themes' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'a theme cannot be blank' })
  @MaxLength(20, { each: true, message: 'a theme is at most 20 characters' })
  themes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Dietary needs, at most 500 characters.' })
  @IsOptional()
  @MaxLength(500)
  dietNeeds?: string | null;

  @Field(() => String, { nullable: true, description: 'Accessibility needs, at most 500 characters.' })
  @IsOptional()
  @MaxLength(500)
  accessibilityNeeds?: string | null;

  @Field(() => String, { nullable: true, description: 'Anything else, at most 2000 characters.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The last day bases may quote and the union accept (today … latestStart); the request expires at the end of it. Default: 14 days from today, or latestStart if sooner.',
  })
  @IsOptional()
  answerBy?: string | null;
}

@InputType({ description: 'Which stay requests to list.' })
export class StayRequestFilter {
  @Field(() => StayRequestStatus, { nullable: true, description: 'Only those in this status.' })
  @IsOptional()
  status?: StayRequestStatus | null;

  @Field(() => Int, { nullable: true, description: 'Only those sent to this base.' })
  @IsOptional()
  @IsInt()
  baseId?: number | null;
}
