import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { BaseAvailability, CapacityDay } from './capacity-day.model.js';
import { CloseDatesInput, ReopenDatesInput, SetCapacityInput } from './capacity-range.input.js';
import { CapacityCalendarService } from './capacity-calendar.service.js';

@Resolver()
export class CapacityResolver {
  constructor(private readonly capacity: CapacityCalendarService) {}

  @Query(() => [BaseAvailability], {
    description: 'For each base (all, or `baseIds`): nights from…to (both included, at most 366) and whether `headcount` beds are free on every one.',
  })
  @SignedIn()
  availability(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('headcount', { type: () => Int }) headcount: number,
    @Args('baseIds', { type: () => [Int], nullable: true }) baseIds?: number[] | null,
  ): Promise<BaseAvailability[]> {
    return this.capacity.availability(ctx, from, to, headcount, baseIds);
  }

  @Mutation(() => [CapacityDay], { description: 'Sets beds per night; refused (CONFLICT) below beds already reserved, naming the night.' })
  @Roles(Role.ADMIN, Role.BASE_OPERATOR)
  setCapacity(@Ctx() ctx: RequestContext, @Args('input') input: SetCapacityInput): Promise<CapacityDay[]> {
    return this.capacity.setCapacity(ctx, input);
  }

  @Mutation(() => [CapacityDay], { description: 'Closes nights to new batches; batches already holding beds keep them.' })
  @Roles(Role.ADMIN, Role.BASE_OPERATOR)
  closeDates(@Ctx() ctx: RequestContext, @Args('input') input: CloseDatesInput): Promise<CapacityDay[]> {
    return this.capacity.closeDates(ctx, input);
  }

  @Mutation(() => [CapacityDay])
  @Roles(Role.ADMIN, Role.BASE_OPERATOR)
  reopenDates(@Ctx() ctx: RequestContext, @Args('input') input: ReopenDatesInput): Promise<CapacityDay[]> {
    return this.capacity.reopenDates(ctx, input);
  }
}
