import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { Base } from '../base/base.entity.js';
import { BaseService } from '../base/base.service.js';
import { CreatePackageInput } from './create-package.input.js';
import { Package } from './package.entity.js';
import { PackageService } from './package.service.js';
import { PricePeriod } from './price-period.entity.js';
import { SetPricePeriodsInput } from './set-price-periods.input.js';
import { StayPriceModel } from './stay-price.model.js';
import { UpdatePackageInput } from './update-package.input.js';

@Resolver(() => Package)
export class PackageResolver {
  constructor(
    private readonly packages: PackageService,
    private readonly bases: BaseService,
  ) {}

  @Query(() => Package, { description: 'One package (also inactive ones); NOT_FOUND when it does not exist.' })
  @SignedIn()
  package(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Package> {
    return this.packages.getOrThrow(ctx, id);
  }

  @Mutation(() => Package, { description: "A new package at the operator's own base (admin: any base)." })
  @Roles(Role.ADMIN, Role.BASE_OPERATOR)
  createPackage(@Ctx() ctx: RequestContext, @Args('input') input: CreatePackageInput): Promise<Package> {
    return this.packages.create(ctx, input);
  }

  @Mutation(() => Package)
  @Roles(Role.ADMIN, Role.BASE_OPERATOR)
  updatePackage(@Ctx() ctx: RequestContext, @Args('input') input: UpdatePackageInput): Promise<Package> {
    return this.packages.update(ctx, input);
  }

  @ResolveField(() => Base)
  async base(@Ctx() ctx: RequestContext, @Parent() pkg: Package): Promise<Base> {
    return (await this.bases.load(ctx, pkg.baseId))!;
  }

  @Mutation(() => [PricePeriod], {
    description: "Sets a package's seasons (peak, shoulder, off-peak prices per night), replacing the ones it had; batches already booked keep their price.",
  })
  @Roles(Role.ADMIN, Role.BASE_OPERATOR)
  setPackagePrices(@Ctx() ctx: RequestContext, @Args('input') input: SetPricePeriodsInput): Promise<PricePeriod[]> {
    return this.packages.setPricePeriods(ctx, input);
  }

  @ResolveField(() => [PricePeriod], { description: 'The seasons, in night order; nights outside them cost their share of pricePerPerson.' })
  pricePeriods(@Ctx() ctx: RequestContext, @Parent() pkg: Package): Promise<PricePeriod[]> {
    return this.packages.pricePeriods(ctx, pkg.id);
  }

  @ResolveField(() => StayPriceModel, { description: "Today's price of this package for a stay arriving on startDate, night by night: what a batch booked now would keep." })
  priceOfStay(@Ctx() ctx: RequestContext, @Parent() pkg: Package, @Args('startDate', { type: () => DateScalar }) startDate: string): Promise<StayPriceModel> {
    return this.packages.priceOfStay(ctx, pkg, startDate);
  }
}
