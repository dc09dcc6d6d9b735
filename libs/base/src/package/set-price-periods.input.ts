import { Field, InputType, Int } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { Season } from './price-period.entity.js';

@InputType({ description: 'One season of a package: its price per person per night over a range of nights.' })
export class PricePeriodInput {
  @Field(() => Season)
  @IsEnum(Season)
  season: Season;

  @Field(() => DateScalar, { description: 'The first night the price applies to.' })
  firstNight: string;

  @Field(() => DateScalar, { description: 'The last night (included); at most 366 nights after firstNight.' })
  lastNight: string;

  @Field(() => MoneyScalar, { description: 'Per person per night, e.g. "420.00".' })
  @IsInt({ message: 'pricePerNight must be an amount of yuan, e.g. "420.00"' })
  @Min(0, { message: 'pricePerNight cannot be negative' })
  @Max(10_000_000, { message: 'pricePerNight cannot exceed 100000.00 yuan' })
  pricePerNight: number;
}

@InputType({ description: "A package's seasons, all at once: they replace the ones it had. Batches already booked keep their price." })
export class SetPricePeriodsInput {
  @Field(() => Int)
  @IsInt()
  packageId: number;

  @Field(() => [PricePeriodInput], { description: 'At most 60, none overlapping another; empty removes every season.' })
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => PricePeriodInput)
  periods: PricePeriodInput[];
}
