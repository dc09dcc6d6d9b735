import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/shared';
import { Base } from '../base/base.entity.js';
import { Package } from './package.entity.js';
import { PackageService } from './package.service.js';

/** Base.packages, beside the packages' service (bases need not know packages). */
@Resolver(() => Base)
export class BasePackagesResolver {
  constructor(private readonly packageService: PackageService) {}

  @ResolveField(() => [Package], { description: 'The packages the base offers (active ones unless asked).' })
  packages(@Ctx() ctx: RequestContext, @Parent() base: Base, @Args('includeInactive', { type: () => Boolean, defaultValue: false }) includeInactive: boolean): Promise<Package[]> {
    return this.packageService.listForBase(ctx, base.id, includeInactive);
  }
}
