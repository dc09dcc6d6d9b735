import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { Holiday } from './holiday.entity.js';
import { HolidayService } from './holiday.service.js';

@Resolver(() => Holiday)
export class HolidayResolver {
  constructor(private readonly holidayService: HolidayService) {}

  @Query(() => [Holiday], { description: 'The holidays of a year, in date order.' })
  @SignedIn()
  holidays(@Ctx() ctx: RequestContext, @Args('year', { type: () => Int }) year: number): Promise<Holiday[]> {
    return this.holidayService.list(ctx, year);
  }

  @Mutation(() => Holiday, { description: 'Adds (or renames) a holiday (admin): publication periods counted later skip it.' })
  @Roles(Role.ADMIN)
  addHoliday(@Ctx() ctx: RequestContext, @Args('date', { type: () => DateScalar }) date: string, @Args('name') name: string): Promise<Holiday> {
    return this.holidayService.add(ctx, date, name);
  }

  @Mutation(() => Boolean, { description: 'Removes a holiday (admin); false when there was none that day.' })
  @Roles(Role.ADMIN)
  removeHoliday(@Ctx() ctx: RequestContext, @Args('date', { type: () => DateScalar }) date: string): Promise<boolean> {
    return this.holidayService.remove(ctx, date);
  }
}
