import { Field, InputType, Int } from '@nestjs/graphql';
import { MoneyScalar } from '@app/shared';
import { IsEnum, IsInt, IsNotEmpty, Max, MaxLength, Min } from 'class-validator';
import { PaymentMethod } from './payment.entity.js';

@InputType({ description: 'Money received against a bill; partial payments add up, more than is outstanding is refused.' })
export class RecordPaymentInput {
  @Field(() => Int)
  @IsInt()
  billId: number;

  @Field(() => MoneyScalar, { description: 'In yuan, more than 0 and at most what is outstanding.' })
  @IsInt()
  @Min(1, { message: 'amount must be more than 0.00' })
  @Max(100_000_000_000, { message: 'amount cannot exceed 1000000000.00 yuan' })
  amount: number;

  @Field(() => PaymentMethod)
  @IsEnum(PaymentMethod)
  method: PaymentMethod;

  @Field({ description: 'Transfer or receipt number (at most 100 characters).' })
  @IsNotEmpty()
  @MaxLength(100)
  reference: string;
}
