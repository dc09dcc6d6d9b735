import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, PageArgs } from '@app/shared';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { WaitingListStatus } from './waiting-list-status.js';

@InputType({ description: 'A request that does not fit now, to wait for beds: the same fields as requestBatch, and the last day it still wants an answer.' })
export class JoinWaitingListInput {
  @Field(() => Int, { description: 'The package it would book (its base is the queue it joins).' })
  @IsInt()
  packageId: number;

  @Field(() => DateScalar, { description: 'Day of arrival; today or later.' })
  @IsNotEmpty()
  startDate: string;

  @Field(() => Int, { description: "Workers in the batch, within the package's group sizes." })
  @IsInt()
  @Min(1, { message: 'headcount must be at least 1' })
  @Max(1000, { message: 'headcount cannot exceed 1000' })
  headcount: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The last day it still wants an answer, today … startDate; the day before startDate when omitted (today for a stay arriving today). Still WAITING after that day, it expires.',
  })
  @IsOptional()
  answerBy?: string | null;

  @Field(() => Int, { nullable: true, description: "The union it waits for; an organiser's own union when omitted. An admin, or a PARTNER (any union of their region), must give it." })
  @IsOptional()
  @IsInt()
  unionId?: number | null;

  @Field(() => Int, { nullable: true, description: 'The exchange agreement the batch would be booked under, as for requestBatch. Required for a PARTNER.' })
  @IsOptional()
  @IsInt()
  agreementId?: number | null;

  @Field(() => String, { nullable: true, description: 'Any unique string per intended entry (e.g. a UUID). Sending it again returns the same entry instead of queueing twice.' })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'idempotencyKey must be 1–100 printable ASCII characters without spaces' })
  idempotencyKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes, carried to the batch.' })
  @IsOptional()
  @MaxLength(1000)
  notes?: string | null;
}

@InputType({ description: 'Narrows the waiting list; the fields combine with AND.' })
export class WaitingListFilter {
  @Field(() => WaitingListStatus, { nullable: true })
  @IsOptional()
  @IsEnum(WaitingListStatus)
  status?: WaitingListStatus | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  baseId?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  unionId?: number | null;
}

@ArgsType()
export class WaitingListArgs extends PageArgs {
  @Field(() => WaitingListFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WaitingListFilter)
  filter?: WaitingListFilter | null;
}
