import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { Region } from '../region/region.entity.js';
import { RegionService } from '../region/region.service.js';
import { CreateUnionInput } from './create-union.input.js';
import { TradeUnion } from './union.entity.js';
import { UnionService } from './union.service.js';

@Resolver(() => TradeUnion)
export class UnionResolver {
  constructor(
    private readonly unionService: UnionService,
    private readonly regions: RegionService,
  ) {}

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

  @Mutation(() => TradeUnion, { description: "Declares the union's member count (its approver or an admin): the base of its coverage." })
  @Roles(Role.UNION_APPROVER, Role.ADMIN)
  setUnionMemberCount(@Ctx() ctx: RequestContext, @Args('unionId', { type: () => Int }) unionId: number, @Args('memberCount', { type: () => Int }) memberCount: number): Promise<TradeUnion> {
    return this.unionService.setMemberCount(ctx, unionId, memberCount);
  }

  @ResolveField(() => Region, { description: 'The region (city) the union belongs to.' })
  async region(@Ctx() ctx: RequestContext, @Parent() union: TradeUnion): Promise<Region> {
    return (await this.regions.load(ctx, union.regionId))!;
  }

  @ResolveField(() => Boolean, { description: "True for a region's federation union (总工会), the party to its exchange agreements." })
  async isFederation(@Ctx() ctx: RequestContext, @Parent() union: TradeUnion): Promise<boolean> {
    return (await this.regions.load(ctx, union.regionId))?.federationUnionId === union.id;
  }
}
