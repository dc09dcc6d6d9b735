import { applyDecorators } from '@nestjs/common';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';

/** A score from 1 to 5. */
const Score = (name: string) =>
  applyDecorators(
    Field(() => Int),
    IsInt(),
    Min(1, { message: `${name} is 1 to 5` }),
    Max(5, { message: `${name} is 1 to 5` }),
  );

@InputType({ description: 'A rating of a completed stay: each score 1 (poor) to 5 (excellent).' })
export class RateStayInput {
  @Field(() => Int)
  @IsInt()
  batchId: number;

  @Score('overall')
  overall: number;

  @Score('lodging')
  lodging: number;

  @Score('meals')
  meals: number;

  @Score('activities')
  activities: number;

  @Score('service')
  service: number;

  @Field(() => String, { nullable: true, description: 'At most 1,000 characters.' })
  @IsOptional()
  @MaxLength(1000)
  comment?: string | null;
}
