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
