import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';

@ObjectType({ description: 'A stay that fits the group today: the asked package on other dates, or another base’s package of as many nights on the asked dates.' })
export class StayOption {
  @Field(() => Int)
  baseId: number;

  @Field()
  baseName: string;

  @Field(() => Int)
  packageId: number;

  @Field()
  packageName: string;

  @Field(() => Int)
  nights: number;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => DateScalar, { description: 'Departure day (startDate + nights).' })
  endDate: string;

  @Field(() => Int, { description: 'Days from the asked start date: 0 at another base on the asked dates, negative when earlier.' })
  shiftDays: number;

  @Field(() => MoneyScalar, { description: "Per person for the whole stay at today's prices, night by night over the package's seasons." })
  pricePerPerson: number;

  @Field({ description: 'Every night of it is off-peak (淡季): the weeks the federation wants filled.' })
  offPeak: boolean;
}
