import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { CreateUnionInput } from './create-union.input.js';
import { TradeUnion } from './union.entity.js';
import { UnionService } from './union.service.js';

@Resolver(() => TradeUnion)
export class UnionResolver {
  constructor(private readonly unionService: UnionService) {}

  @Query(() => [TradeUnion], { description: 'Every union.' })
  @SignedIn()
  unions(@Ctx() ctx: RequestContext): Promise<TradeUnion[]> {
    return this.unionService.list(ctx);
  }

  @Query(() => TradeUnion, { description: 'One union; NOT_FOUND when it does not exist.' })
  @SignedIn()
  union(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<TradeUnion> {
    return this.unionService.getOrThrow(ctx, id);
  }

  @Mutation(() => TradeUnion)
  @Roles(Role.ADMIN)
  createUnion(@Ctx() ctx: RequestContext, @Args('input') input: CreateUnionInput): Promise<TradeUnion> {
    return this.unionService.create(ctx, input);
  }
}
