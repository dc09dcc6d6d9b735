import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { IsInt, IsNotEmpty, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'Beds per night for nights `from`…`to`, both included.' })
export class SetCapacityInput {
  @Field(() => Int)
  @IsInt()
  baseId: number;

  @Field(() => DateScalar)
  @IsNotEmpty()
  from: string;

  @Field(() => DateScalar)
  @IsNotEmpty()
  to: string;

  @Field(() => Int, { description: 'Cannot go below the beds already reserved on any of the nights.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  totalBeds: number;
}

@InputType({ description: 'Nights `from`…`to` (both included) on which the base takes no new batches.' })
export class CloseDatesInput {
  @Field(() => Int)
  @IsInt()
  baseId: number;

  @Field(() => DateScalar)
  @IsNotEmpty()
  from: string;

  @Field(() => DateScalar)
  @IsNotEmpty()
  to: string;

  @Field({ description: 'Why, e.g. "renovation"; shown in the calendar.' })
  @IsNotEmpty()
  @MaxLength(200)
  reason: string;
}

@InputType({ description: 'Nights `from`…`to` (both included) to open again.' })
export class ReopenDatesInput {
  @Field(() => Int)
  @IsInt()
  baseId: number;

  @Field(() => DateScalar)
  @IsNotEmpty()
  from: string;

  @Field(() => DateScalar)
  @IsNotEmpty()
  to: string;
}
