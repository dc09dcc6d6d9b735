import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';
import { Season } from './price-period.entity.js';

@ObjectType('NightPrice', { description: 'One night of a stay and what it costs per person.' })
export class NightPriceModel {
  @Field(() => DateScalar)
  night: string;

  @Field(() => Season, { nullable: true, description: "The night's season; null outside every season (the night costs its share of the package's price)." })
  season: Season | null;

  @Field(() => MoneyScalar, { description: 'Per person.' })
  price: number;
}

@ObjectType('StayPrice', { description: "Today's price of a stay arriving on a given date, night by night over the package's seasons." })
export class StayPriceModel {
  @Field(() => MoneyScalar, { description: 'Per person for the whole stay: the sum of its nights; what a batch booked now keeps.' })
  pricePerPerson: number;

  @Field(() => [NightPriceModel])
  nights: NightPriceModel[];
}
