import { Args, Query, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, Role, Roles } from '@app/shared';
import { Statistics, StatisticsExchange, StatisticsGroupBy } from './statistics.model.js';
import { StatisticsService } from './statistics.service.js';

@Resolver(() => Statistics)
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

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
}
