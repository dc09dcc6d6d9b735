import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { BatchStatus } from './batch-status.js';

@InputType({ description: 'Narrows the batches listed; every field is optional and they combine with AND.' })
export class BatchFilter {
  @Field(() => BatchStatus, { nullable: true })
  @IsOptional()
  @IsEnum(BatchStatus)
  status?: BatchStatus | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  baseId?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  unionId?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Batches arriving on or after this day.' })
  @IsOptional()
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Batches arriving on or before this day.' })
  @IsOptional()
  to?: string | null;
}

@ArgsType()
export class BatchesArgs {
  @Field(() => BatchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BatchFilter)
  filter?: BatchFilter | null;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(100)
  after?: string | null;
}
