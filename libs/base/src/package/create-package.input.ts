import { Field, InputType, Int } from '@nestjs/graphql';
import { MoneyScalar } from '@app/shared';
import { IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'A new package at a base.' })
export class CreatePackageInput {
  @Field(() => Int)
  @IsInt()
  baseId: number;

  @Field()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => Int, { description: '1 to 30 nights.' })
  @IsInt()
  @Min(1)
  @Max(30)
  nights: number;

  @Field(() => MoneyScalar)
  @IsInt({ message: 'pricePerPerson must be an amount of yuan, e.g. "3980.00"' })
  @Min(0, { message: 'pricePerPerson cannot be negative' })
  @Max(100_000_000, { message: 'pricePerPerson cannot exceed 1000000.00 yuan' })
  pricePerPerson: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  minGroupSize: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  maxGroupSize: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;
}
