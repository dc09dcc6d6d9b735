import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { TradeUnion } from '../union/union.entity.js';
import { UnionService } from '../union/union.service.js';
import { CreateRegionInput } from './create-region.input.js';
import { Region } from './region.entity.js';
import { RegionService } from './region.service.js';

@Resolver(() => Region)
export class RegionResolver {
  constructor(
    private readonly regionService: RegionService,
    private readonly unions: UnionService,
  ) {}

  @Query(() => [Region], { description: 'Every region.' })
  @SignedIn()
  regions(@Ctx() ctx: RequestContext): Promise<Region[]> {
    return this.regionService.list(ctx);
  }

  @Mutation(() => Region, { description: 'A new region with its federation union (code "<code>-FED"). Admin only.' })
  @Roles(Role.ADMIN)
  createRegion(@Ctx() ctx: RequestContext, @Args('input') input: CreateRegionInput): Promise<Region> {
    return this.regionService.create(ctx, input);
  }

  @ResolveField(() => TradeUnion, { description: "The region's federation union (总工会)." })
  async federation(@Ctx() ctx: RequestContext, @Parent() region: Region): Promise<TradeUnion> {
    return (await this.unions.load(ctx, region.federationUnionId))!;
  }
}
