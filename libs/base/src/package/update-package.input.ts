import { Field, InputType, Int } from '@nestjs/graphql';
import { MoneyScalar, OptionalNotNull } from '@app/shared';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'Changes to a package; omitted fields stay. Batches already booked keep their snapshot.' })
export class UpdatePackageInput {
  @Field(() => Int)
  @IsInt()
  id: number;

  @Field({ nullable: true })
  @OptionalNotNull()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @Field(() => Int, { nullable: true })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(30)
  nights?: number;

  @Field(() => MoneyScalar, { nullable: true })
  @OptionalNotNull()
  @IsInt({ message: 'pricePerPerson must be an amount of yuan, e.g. "3980.00"' })
  @Min(0, { message: 'pricePerPerson cannot be negative' })
  @Max(100_000_000, { message: 'pricePerPerson cannot exceed 1000000.00 yuan' })
  pricePerPerson?: number;

  @Field(() => Int, { nullable: true })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(1000)
  minGroupSize?: number;

  @Field(() => Int, { nullable: true })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxGroupSize?: number;

  @Field({ nullable: true })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;
}
