import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MoneyScalar } from '@app/shared';

@ObjectType({
  description:
    "Who pays the package: union funds up to the cap per person per day × the stay's days, the rest each worker's own share (自费), for each person who arrived. A no-show fee is the union's alone: the people it is for did not come.",
})
export class BillFunding {
  @Field(() => MoneyScalar)
  capPerPersonPerDay: number;

  @Field(() => Int, { description: 'Days of the stay, the days of arrival and departure included.' })
  days: number;

  @Field(() => Int, { description: 'People who arrived: the package is split for them.' })
  people: number;

  @Field(() => MoneyScalar, { description: 'min(package price per person, cap × days).' })
  unionFundedPerPerson: number;

  @Field(() => MoneyScalar, { description: 'What is left of the package price per person: each worker pays it.' })
  selfPaidPerPerson: number;

  @Field(() => MoneyScalar, { description: 'unionFundedPerPerson × people.' })
  unionFunded: number;

  @Field(() => MoneyScalar, { description: 'selfPaidPerPerson × people.' })
  selfPaid: number;

  @Field(() => Int, { description: 'People on the list who did not arrive.' })
  noShows: number;

  @Field(() => MoneyScalar, { description: "The no-show line (the base's no-show percent of the package for each no-show), paid from union funds; 0.00 when none." })
  noShowFee: number;

  @Field(() => MoneyScalar, { description: 'What union funds pay of the package and no-shows: unionFunded + noShowFee.' })
  unionTotal: number;
}
