import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { CalendarDayInput } from './calendar-day.input.js';
import { DayKind, Holiday } from './holiday.entity.js';
import { HolidayService } from './holiday.service.js';

@Resolver(() => Holiday)
export class HolidayResolver {
  constructor(private readonly holidayService: HolidayService) {}

  @Query(() => [Holiday], { description: 'The working calendar of a year: its public holidays and make-up working days (调休), in date order.' })
  @SignedIn()
  holidays(@Ctx() ctx: RequestContext, @Args('year', { type: () => Int }) year: number): Promise<Holiday[]> {
    return this.holidayService.list(ctx, year);
  }

  @Mutation(() => Holiday, {
    description: 'Adds or corrects one day (admin): a public holiday (the default kind) or a make-up working day on a Saturday or Sunday. Notice periods counted later follow it.',
  })
  @Roles(Role.ADMIN)
  addHoliday(
    @Ctx() ctx: RequestContext,
    @Args('date', { type: () => DateScalar }) date: string,
    @Args('name') name: string,
    @Args('kind', { type: () => DayKind, nullable: true, description: 'HOLIDAY when left out.' }) kind?: DayKind | null,
  ): Promise<Holiday> {
    return this.holidayService.add(ctx, date, name, kind ?? DayKind.HOLIDAY);
  }

  @Mutation(() => [Holiday], {
    description: "Sets a year's published arrangement in one call (admin): replaces all of that year's days. Dates must be inside the year, each once; make-up days on weekends.",
  })
  @Roles(Role.ADMIN)
  setHolidayYear(@Ctx() ctx: RequestContext, @Args('year', { type: () => Int }) year: number, @Args('days', { type: () => [CalendarDayInput] }) days: CalendarDayInput[]): Promise<Holiday[]> {
    return this.holidayService.setYear(ctx, year, days);
  }

  @Mutation(() => Boolean, { description: 'Removes a day from the working calendar (admin), holiday or make-up day; false when there was none that day.' })
  @Roles(Role.ADMIN)
  removeHoliday(@Ctx() ctx: RequestContext, @Args('date', { type: () => DateScalar }) date: string): Promise<boolean> {
    return this.holidayService.remove(ctx, date);
  }
}
