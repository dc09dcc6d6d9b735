import { Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch, BenefitType } from '@app/booking';
import { Ctx, formatYuan, MoneyScalar, type RequestContext } from '@app/shared';
import { Agreement } from './agreement.entity.js';
import { AgreementService } from './agreement.service.js';

@ObjectType({ description: 'The host benefit a batch was booked with (a snapshot: later changes to the agreement do not change it).' })
export class BatchBenefit {
  @Field(() => BenefitType)
  type: BenefitType;

  @Field({ description: 'As agreed: yuan per person for a voucher, percent for a discount.' })
  amount: string;

  @Field(() => MoneyScalar, { description: 'Per person: the voucher, or the discount off the booked price (rounded to the fen).' })
  perPerson: number;
}

/** What exchange adds to a batch. */
@Resolver(() => Batch)
export class BatchAgreementResolver {
  constructor(private readonly agreements: AgreementService) {}

  @ResolveField(() => Agreement, { nullable: true, description: 'The exchange agreement it was booked under (null when none, or not visible to the caller).' })
  agreement(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<Agreement | null> | null {
    return batch.agreementId === null ? null : this.agreements.loadVisible(ctx, batch.agreementId);
  }

  @ResolveField(() => BatchBenefit, { nullable: true, description: 'The host benefit under its agreement; null outside any agreement.' })
  benefit(@Parent() batch: Batch): BatchBenefit | null {
    if (batch.agreementId === null || !batch.benefitType) return null;
    return { type: batch.benefitType, amount: formatYuan(batch.benefitAmount), perPerson: batch.benefitPerPerson };
  }
}
