import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

@InputType({ description: 'A new version of a union’s funding policy; omitted fields keep the values in force before it.' })
export class SetUnionPolicyInput {
  @Field(() => Int)
  @IsInt()
  unionId: number;

  @Field(() => DateScalar, { description: 'Today or later: batches requested from this day on follow it.' })
  effectiveFrom: string;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  capPerPersonPerDay?: number | null;

  @Field(() => Int, { nullable: true, description: '1–30.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'maxDaysPerTrip is 1 to 30' })
  @Max(30, { message: 'maxDaysPerTrip is 1 to 30' })
  maxDaysPerTrip?: number | null;

  @Field(() => Int, { nullable: true, description: '1–366.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'maxDaysPerYear is 1 to 366' })
  @Max(366, { message: 'maxDaysPerYear is 1 to 366' })
  maxDaysPerYear?: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Per person per year; send "0.00" to remove the cap.' })
  @IsOptional()
  capPerPersonPerYear?: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  @IsOptional()
  insuranceMinimum?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  publicationRequired?: boolean | null;

  @Field(() => Int, { nullable: true, description: '1–30.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'publicationWorkingDays is 1 to 30' })
  @Max(30, { message: 'publicationWorkingDays is 1 to 30' })
  publicationWorkingDays?: number | null;
}
