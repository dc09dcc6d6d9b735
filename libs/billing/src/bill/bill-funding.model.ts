import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BillShare } from './bill-share.entity.js';
import { MoneyScalar } from '@app/shared';

@ObjectType({
  description:
    "Who pays the package: union funds up to the cap per person per day × the stay's days, the rest each worker's own share (自费), for each person who arrived. A no-show fee is the union's alone: the people it is for did not come.",
})
export class BillFunding {
  @Field(() => MoneyScalar)
  capPerPersonPerDay: number;

  @Field(() => MoneyScalar, { nullable: true, description: "The union's yearly cap per person from union funds (the batch's policy version); null for none." })
  capPerPersonPerYear: number | null;

  @Field(() => Int, { description: 'Days of the stay, the days of arrival and departure included.' })
  days: number;

  @Field(() => Int, { description: 'People who arrived: the package is split for them.' })
  people: number;

  @Field(() => MoneyScalar, { description: "min(package price per person less the host region's voucher, cap × days): before any yearly cap (see shares)." })
  unionFundedPerPerson: number;

  @Field(() => MoneyScalar, { description: 'What the daily cap leaves of the package price per person, before any yearly cap (see shares for what each person pays).' })
  selfPaidPerPerson: number;

  @Field(() => MoneyScalar, { description: "The package's union-funded part over the people who arrived: the sum of the shares (unionFundedPerPerson × people when no yearly cap cut it)." })
  unionFunded: number;

  @Field(() => MoneyScalar, { description: 'The people’s own shares (自费) summed.' })
  selfPaid: number;

  @Field(() => [BillShare], { description: 'Per person who arrived: what union funds and they themselves pay of the package. Empty on bills of stays recorded without a list.' })
  shares: BillShare[];

  @Field(() => Int, { description: 'People on the list who did not arrive.' })
  noShows: number;

  @Field(() => MoneyScalar, { description: "The no-show line (the base's no-show percent of the package for each no-show), paid from union funds; 0.00 when none." })
  noShowFee: number;

  @Field(() => MoneyScalar, { description: 'What union funds pay of the package and no-shows: unionFunded + noShowFee.' })
  unionTotal: number;
}
