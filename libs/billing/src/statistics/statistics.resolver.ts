import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, Role, Roles } from '@app/shared';
import { StaggeringRow, Statistics, StatisticsExchange, StatisticsGroupBy } from './statistics.model.js';
import { StaggeringStatisticsService } from './staggering-statistics.service.js';
import { StatisticsService } from './statistics.service.js';

@Resolver(() => Statistics)
export class StatisticsResolver {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly staggeringStatistics: StaggeringStatisticsService,
  ) {}

  @Query(() => Statistics, {
    name: 'statistics',
    description:
      'Batches, person-visits, person-nights and money for batches arriving from `from` to `to` (both included, at most 3 years), per group and in total, with the same period a year earlier and the growth. Scoped like bills (a PARTNER: the exchange batches their region sent or hosted).',
  })
  @Roles(Role.UNION_ORGANISER, Role.UNION_APPROVER, Role.BASE_OPERATOR, Role.PARTNER, Role.ADMIN)
  get(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('groupBy', { type: () => StatisticsGroupBy }) groupBy: StatisticsGroupBy,
    @Args('exchange', { type: () => StatisticsExchange, defaultValue: StatisticsExchange.ALL, description: 'Count every batch, only exchange batches, or only the others.' })
    exchange: StatisticsExchange,
  ): Promise<Statistics> {
    return this.statistics.statistics(ctx, from, to, groupBy, exchange);
  }

  @ResolveField(() => [StaggeringRow], {
    description:
      "Staggering (错时化), per base and month of the period (by month, then base): bed-nights on offer and taken, occupancy, and the requests and moves refused for a full or closed night, and the moves to other dates. Computed only when asked for. Refusals and moves are scoped like batches and follow `exchange`; bed figures are the federation's and each base's operator's (their base), null for others. The same period a year earlier is not compared here.",
  })
  staggering(@Ctx() ctx: RequestContext, @Parent() statistics: Statistics): Promise<StaggeringRow[]> {
    const exchange = statistics.exchange === StatisticsExchange.EXCHANGE ? true : statistics.exchange === StatisticsExchange.NON_EXCHANGE ? false : null;
    return this.staggeringStatistics.rows(ctx, statistics.from, statistics.to, exchange);
  }
}
