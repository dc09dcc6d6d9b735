import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/shared';
import { Agreement } from '../agreement/agreement.entity.js';
import { AgreementBalance } from './balance.model.js';
import { BalanceService } from './balance.service.js';

/** Agreement.balance: lives beside the balance it computes, so agreement/ does not import balance/. */
@Resolver(() => Agreement)
export class AgreementBalanceResolver {
  constructor(private readonly balances: BalanceService) {}

  @ResolveField(() => AgreementBalance, {
    description: "One agreement year's balance: per direction, batches that went ahead and still committed, quota used and left, benefits granted, and the net.",
  })
  balance(
    @Ctx() ctx: RequestContext,
    @Parent() a: Agreement,
    @Args('year', { type: () => Int, nullable: true, description: 'Agreement year, 1 from its first day; default the current one.' }) year?: number | null,
  ): Promise<AgreementBalance> {
    return this.balances.balance(ctx, a, year);
  }
}
