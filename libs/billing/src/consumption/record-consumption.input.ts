import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';
import { IsEnum, IsInt, IsNotEmpty, Max, MaxLength, Min } from 'class-validator';
import { ConsumptionCategory } from './consumption-entry.entity.js';

@InputType({ description: 'Something a batch consumed, recorded by its base.' })
export class RecordConsumptionInput {
  @Field(() => Int)
  @IsInt()
  batchId: number;

  @Field(() => ConsumptionCategory)
  @IsEnum(ConsumptionCategory)
  category: ConsumptionCategory;

  @Field({ description: 'What it was, e.g. "温泉门票" (at most 200 characters).' })
  @IsNotEmpty()
  @MaxLength(200)
  description: string;

  @Field(() => Int, { description: '1 to 100,000.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity: number;

  @Field(() => MoneyScalar, { description: 'Price of one, in yuan ("38.00").' })
  @IsInt()
  @Min(0, { message: 'unitPrice cannot be negative; a correction is reverseConsumption' })
  @Max(100_000_000, { message: 'unitPrice cannot exceed 1000000.00 yuan' })
  unitPrice: number;

  @Field(() => DateScalar, { nullable: true, description: 'A day of the stay, from startDate to endDate; today (Asia/Shanghai) when left out.' })
  occurredOn?: string | null;
}
