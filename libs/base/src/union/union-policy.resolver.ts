import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { SetUnionPolicyInput } from './set-union-policy.input.js';
import { UnionPolicy } from './union-policy.entity.js';
import { UnionPolicyService } from './union-policy.service.js';

@Resolver(() => UnionPolicy)
export class UnionPolicyResolver {
  constructor(private readonly policies: UnionPolicyService) {}

  @Query(() => UnionPolicy, {
    description: "The union's funding policy in force on a day (default today): its own latest version by then, or the defaults. A union's organisers and approvers read their own union's.",
  })
  @SignedIn()
  unionPolicy(@Ctx() ctx: RequestContext, @Args('unionId', { type: () => Int }) unionId: number, @Args('on', { type: () => DateScalar, nullable: true }) on?: string | null): Promise<UnionPolicy> {
    return this.policies.ofUnion(ctx, unionId, on ?? undefined);
  }

  @Query(() => [UnionPolicy], { description: 'Every version of the union’s policy, oldest first.' })
  @SignedIn()
  unionPolicyVersions(@Ctx() ctx: RequestContext, @Args('unionId', { type: () => Int }) unionId: number): Promise<UnionPolicy[]> {
    return this.policies.versions(ctx, unionId);
  }

  @Mutation(() => UnionPolicy, { description: "A new version of the union's policy from effectiveFrom (today or later): the union's approver or an admin." })
  @Roles(Role.UNION_APPROVER, Role.ADMIN)
  setUnionPolicy(@Ctx() ctx: RequestContext, @Args('input') input: SetUnionPolicyInput): Promise<UnionPolicy> {
    return this.policies.set(ctx, input);
  }
}
