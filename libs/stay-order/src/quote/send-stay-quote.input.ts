import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';
import { ArrayMaxSize, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'A base’s quote for a stay request. A newer quote from the same base replaces its open one.' })
export class SendStayQuoteInput {
  @Field(() => Int, { description: 'The OPEN stay request answered.' })
  @IsInt()
  requestId: number;

  @Field(() => Int, { description: 'The quoting base: the operator’s own; one the request was sent to.' })
  @IsInt()
  baseId: number;

  @Field(() => DateScalar, { description: 'The day of arrival offered, within the request’s earliestStart…latestStart, today or later.' })
  @IsNotEmpty()
  startDate: string;

  @Field(() => MoneyScalar, { description: 'Price per person for the whole stay (above 0).' })
  @IsInt({ message: 'pricePerPerson must be an amount of yuan, e.g. "2680.00"' })
  @Min(1, { message: 'pricePerPerson must be above 0' })
  @Max(100_000_000, { message: 'pricePerPerson cannot exceed 1000000.00 yuan' })
  pricePerPerson: number;

  @Field({ description: 'What the price includes, at most 1000 characters.' })
  @IsNotEmpty({ message: 'Say what the price includes' })
  @MaxLength(1000)
  includes: string;

  @Field(() => [String], { description: 'The programme, one line per day (at most nights + 1 lines of up to 500 characters).' })
  @ArrayMaxSize(31)
  @IsString({ each: true })
  @MaxLength(500, { each: true, message: 'a day of the programme is at most 500 characters' })
  programme: string[];

  @Field(() => DateScalar, { description: 'The last day the quote may be accepted: today … startDate, and not after the request’s own answerBy day.' })
  @IsNotEmpty()
  validUntil: string;
}
