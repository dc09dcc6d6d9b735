import { Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, SignedIn } from '@app/shared';
import { Region } from './region.entity.js';
import { RegionService } from './region.service.js';

@Resolver(() => Region)
export class RegionResolver {
  constructor(private readonly regionService: RegionService) {}

  @Query(() => [Region], { description: 'Every region.' })
  @SignedIn()
  regions(@Ctx() ctx: RequestContext): Promise<Region[]> {
    return this.regionService.list(ctx);
  }
}
