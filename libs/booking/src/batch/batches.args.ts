import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, PageArgs } from '@app/shared';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, ValidateNested } from 'class-validator';
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
export class BatchesArgs extends PageArgs {
  @Field(() => BatchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BatchFilter)
  filter?: BatchFilter | null;
}
