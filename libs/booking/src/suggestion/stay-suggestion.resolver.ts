import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, type RequestContext, SignedIn } from '@app/shared';
import { StayOption } from './stay-option.model.js';
import { StaySuggestionService } from './stay-suggestion.service.js';

@Resolver(() => StayOption)
export class StaySuggestionResolver {
  constructor(private readonly suggestions: StaySuggestionService) {}

  @Query(() => [StayOption], {
    description:
      "Stays that fit a group today instead of the asked one: the same package's nearest start dates (up to 28 days either side) and the other bases' packages of as many nights on the asked dates, cheapest first — what a refused requestBatch lists in extensions.alternatives. Dates whose rooming list can no longer pass the union's approval path are left out.",
  })
  @SignedIn()
  suggestStays(
    @Ctx() ctx: RequestContext,
    @Args('packageId', { type: () => Int }) packageId: number,
    @Args('startDate', { type: () => DateScalar }) startDate: string,
    @Args('headcount', { type: () => Int }) headcount: number,
    @Args('unionId', { type: () => Int, nullable: true, description: "The union the stay is for (an organiser's own by default): its notice deadlines apply." }) unionId?: number | null,
  ): Promise<StayOption[]> {
    return this.suggestions.suggest(ctx, { packageId, startDate, headcount, unionId: unionId ?? ctx.actor?.unionId ?? null });
  }
}
