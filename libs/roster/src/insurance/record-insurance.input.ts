import { Field, InputType, Int } from '@nestjs/graphql';
import { MoneyScalar } from '@app/shared';
import { IsInt, IsNotEmpty, MaxLength } from 'class-validator';

@InputType({ description: "A batch's group accident insurance (团体意外险)." })
export class RecordInsuranceInput {
  @Field(() => Int)
  @IsInt()
  batchId: number;

  @Field({ description: 'The insurer, e.g. 中国人寿.' })
  @IsNotEmpty()
  @MaxLength(100)
  insurer: string;

  @Field({ description: 'The policy number.' })
  @IsNotEmpty()
  @MaxLength(64)
  policyNumber: string;

  @Field(() => MoneyScalar, { description: 'Sum insured per person: at least the union policy’s insuranceMinimum.' })
  sumInsured: number;
}
