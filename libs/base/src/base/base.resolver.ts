import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { Region } from '../region/region.entity.js';
import { RegionService } from '../region/region.service.js';
import { Base } from './base.entity.js';
import { BaseService } from './base.service.js';
import { CreateBaseInput } from './create-base.input.js';
import { UpdateBaseInput } from './update-base.input.js';

@Resolver(() => Base)
export class BaseResolver {
  constructor(
    private readonly baseService: BaseService,
    private readonly regions: RegionService,
  ) {}

  @Query(() => [Base], { description: 'Every base.' })
  @SignedIn()
  bases(@Ctx() ctx: RequestContext): Promise<Base[]> {
    return this.baseService.list(ctx);
  }

  @Query(() => Base, { description: 'One base; NOT_FOUND when it does not exist.' })
  @SignedIn()
  base(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Base> {
    return this.baseService.getOrThrow(ctx, id);
  }

  @Mutation(() => Base)
  @Roles(Role.ADMIN)
  createBase(@Ctx() ctx: RequestContext, @Args('input') input: CreateBaseInput): Promise<Base> {
    return this.baseService.create(ctx, input);
  }

  @Mutation(() => Base)
  @Roles(Role.ADMIN)
  updateBase(@Ctx() ctx: RequestContext, @Args('input') input: UpdateBaseInput): Promise<Base> {
    return this.baseService.update(ctx, input);
  }

  @ResolveField(() => Region, { description: 'The region (city) the base is in.' })
  async region(@Ctx() ctx: RequestContext, @Parent() base: Base): Promise<Region> {
    return (await this.regions.load(ctx, base.regionId))!;
  }
}
