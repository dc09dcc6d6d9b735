import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { CreateRegionInput } from '../region/create-region.input.js';
import { Region } from '../region/region.entity.js';
import { TradeUnion } from './union.entity.js';
import { UnionService } from './union.service.js';

/** A region's federation union (总工会): made with the region, resolved on it. Here, so regions need not know unions. */
@Resolver(() => Region)
export class RegionFederationResolver {
  constructor(private readonly unions: UnionService) {}

  @Mutation(() => Region, { description: 'A new region with its federation union (code "<code>-FED"). Admin only.' })
  @Roles(Role.ADMIN)
  createRegion(@Ctx() ctx: RequestContext, @Args('input') input: CreateRegionInput): Promise<Region> {
    return this.unions.createRegion(ctx, input);
  }

  @ResolveField(() => TradeUnion, { description: "The region's federation union (总工会)." })
  async federation(@Ctx() ctx: RequestContext, @Parent() region: Region): Promise<TradeUnion> {
    return (await this.unions.load(ctx, region.federationUnionId))!;
  }
}
