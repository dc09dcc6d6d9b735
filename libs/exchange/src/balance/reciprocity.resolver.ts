import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, Role, Roles } from '@app/shared';
import { Reciprocity } from './balance.model.js';
import { BalanceService } from './balance.service.js';

@Resolver(() => Reciprocity)
export class ReciprocityResolver {
  constructor(private readonly balances: BalanceService) {}

  @Query(() => Reciprocity, {
    description:
      "The federation's dashboard: per partner region of `regionId`, exchange batches sent and received (arriving from…to, at most 3 years) and the net. A PARTNER for their own region, an admin for any.",
  })
  @Roles(Role.PARTNER, Role.ADMIN)
  reciprocity(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => Int }) regionId: number,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ): Promise<Reciprocity> {
    return this.balances.reciprocity(ctx, regionId, from, to);
  }
}
