import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MoneyScalar } from '@app/shared';

@ObjectType({ description: "Who pays the package: union funds up to the cap per person per day × the stay's days, the rest each worker's own share (自费)." })
export class BillFunding {
  @Field(() => MoneyScalar)
  capPerPersonPerDay: number;

  @Field(() => Int, { description: 'Days of the stay, the days of arrival and departure included.' })
  days: number;

  @Field(() => Int)
  people: number;

  @Field(() => MoneyScalar, { description: 'min(package price per person, cap × days).' })
  unionFundedPerPerson: number;

  @Field(() => MoneyScalar, { description: 'What is left of the package price per person: each worker pays it.' })
  selfPaidPerPerson: number;

  @Field(() => MoneyScalar)
  unionFunded: number;

  @Field(() => MoneyScalar)
  selfPaid: number;
}
