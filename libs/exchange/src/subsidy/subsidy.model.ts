import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, MoneyScalar } from '@app/shared';

@ObjectType({ description: 'One exchange batch whose host granted vouchers: what its base may claim from the host federation.' })
export class SubsidyLine {
  @Field(() => Int)
  batchId: number;

  @Field()
  batchReference: string;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => Int)
  baseId: number;

  @Field(() => Int)
  unionId: number;

  @Field(() => Int, { description: 'People who checked in.' })
  people: number;

  @Field(() => MoneyScalar, { description: 'The voucher per person (the snapshot on the batch).' })
  voucherPerPerson: number;

  @Field(() => MoneyScalar, { description: 'voucherPerPerson × people.' })
  amount: number;

  @Field(() => Int, { nullable: true, description: 'The subsidy claim (bill) it is on; null while unclaimed.' })
  claimBillId: number | null;
}

@ObjectType({ description: 'The vouchers an agreement’s host bases granted to batches arriving in a period, per batch.' })
export class SubsidyStatement {
  @Field(() => Int)
  agreementId: number;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => [SubsidyLine])
  lines: SubsidyLine[];

  @Field(() => MoneyScalar, { description: 'All lines.' })
  total: number;

  @Field(() => MoneyScalar, { description: 'Lines not on a claim yet.' })
  unclaimed: number;
}
