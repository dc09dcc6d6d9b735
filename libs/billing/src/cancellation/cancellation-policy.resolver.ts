import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Base } from '@app/base';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { CancellationWindow } from './cancellation-policy.js';
import { CancellationPolicyService } from './cancellation-policy.service.js';

@Resolver(() => Base)
export class CancellationPolicyResolver {
  constructor(private readonly policies: CancellationPolicyService) {}

  @ResolveField(() => [CancellationWindow], {
    description: 'What cancelling a CONFIRMED batch costs, widest window first (default: free until 14 days before, 30 % until 7, 50 % until 1, 100 % on the day).',
  })
  cancellationPolicy(@Ctx() ctx: RequestContext, @Parent() base: Base): Promise<CancellationWindow[]> {
    return this.policies.forBase(ctx, base.id);
  }

  @ResolveField(() => Int, { description: 'Percent of the package price a person who does not arrive costs (default 0).' })
  noShowFeePercent(@Ctx() ctx: RequestContext, @Parent() base: Base): Promise<number> {
    return this.policies.noShowPercent(ctx, base.id);
  }

  @Mutation(() => Int, { description: "Sets a base's no-show fee, 0–100 percent of the package price per person who did not arrive (its operator or an admin); bills issued later follow it." })
  @Roles(Role.BASE_OPERATOR, Role.ADMIN)
  setNoShowFee(@Ctx() ctx: RequestContext, @Args('baseId', { type: () => Int }) baseId: number, @Args('percent', { type: () => Int }) percent: number): Promise<number> {
    return this.policies.setNoShow(ctx, baseId, percent);
  }

  @Mutation(() => [CancellationWindow], { description: "Replaces a base's cancellation policy (its operator or an admin); applies to cancellations from now on." })
  @Roles(Role.BASE_OPERATOR, Role.ADMIN)
  setCancellationPolicy(
    @Ctx() ctx: RequestContext,
    @Args('baseId', { type: () => Int }) baseId: number,
    @Args('windows', { type: () => [CancellationWindow] }) windows: CancellationWindow[],
  ): Promise<CancellationWindow[]> {
    return this.policies.set(ctx, baseId, windows);
  }
}
