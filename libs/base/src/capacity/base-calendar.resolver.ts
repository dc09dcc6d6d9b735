import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext } from '@app/shared';
import { Base } from '../base/base.entity.js';
import { CapacityDay } from './capacity-day.model.js';
import { CapacityCalendarService } from './capacity-calendar.service.js';

/** Base.calendar, beside the calendar's service (bases need not know capacity). */
@Resolver(() => Base)
export class BaseCalendarResolver {
  constructor(private readonly capacity: CapacityCalendarService) {}

  @ResolveField(() => [CapacityDay], { description: `Each night from…to (both included, at most 366).` })
  calendar(@Ctx() ctx: RequestContext, @Parent() base: Base, @Args('from', { type: () => DateScalar }) from: string, @Args('to', { type: () => DateScalar }) to: string): Promise<CapacityDay[]> {
    return this.capacity.calendar(ctx, base.id, from, to);
  }
}
