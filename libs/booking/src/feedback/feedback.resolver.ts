import { Args, Field, Float, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Base, BaseService } from '@app/base';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { Batch } from '../batch/batch.entity.js';
import { FeedbackService } from './feedback.service.js';
import { RateStayInput } from './rate-stay.input.js';
import { StayFeedback } from './stay-feedback.entity.js';

@ObjectType({ description: "A base's ratings: averages of every stay rated there (two decimals) and how many." })
export class BaseRating {
  @Field(() => Int, { description: 'Stays rated.' })
  count: number;

  @Field(() => Float)
  overall: number;

  @Field(() => Float)
  lodging: number;

  @Field(() => Float)
  meals: number;

  @Field(() => Float)
  activities: number;

  @Field(() => Float)
  service: number;
}

@ObjectType({ description: 'A base with its ratings.' })
export class RatedBase extends BaseRating {
  @Field(() => Base)
  base: Base;
}

@Resolver(() => StayFeedback)
export class FeedbackResolver {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly bases: BaseService,
  ) {}

  @Mutation(() => StayFeedback, { description: "The batch's union rates a COMPLETED (or SETTLED) stay, once; a second rating is a CONFLICT." })
  @Roles(Role.UNION_ORGANISER, Role.ADMIN)
  rateStay(@Ctx() ctx: RequestContext, @Args('input') input: RateStayInput): Promise<StayFeedback> {
    return this.feedback.rate(ctx, input);
  }

  @Query(() => [StayFeedback], { description: "Ratings, newest first (at most 500): an operator sees their base's, an organiser their union's, an admin all or one base's." })
  @Roles(Role.BASE_OPERATOR, Role.UNION_ORGANISER, Role.ADMIN)
  stayFeedback(@Ctx() ctx: RequestContext, @Args('baseId', { type: () => Int, nullable: true }) baseId?: number | null): Promise<StayFeedback[]> {
    return this.feedback.list(ctx, baseId);
  }

  @Query(() => [RatedBase], { description: 'Every rated base, the lowest overall average first (admin).' })
  @Roles(Role.ADMIN)
  async baseRatings(@Ctx() ctx: RequestContext): Promise<RatedBase[]> {
    const ratings = (await this.feedback.ratings(ctx)).sort((a, b) => a.overall - b.overall || a.baseId - b.baseId);
    return Promise.all(ratings.map(async (r) => ({ ...r, base: (await this.bases.load(ctx, r.baseId))! })));
  }
}

/** A base's rating, on the Base type. */
@Resolver(() => Base)
export class BaseRatingResolver {
  constructor(private readonly feedback: FeedbackService) {}

  @ResolveField(() => BaseRating, { nullable: true, description: 'Averages of the ratings of stays there; null before the first.' })
  rating(@Ctx() ctx: RequestContext, @Parent() base: Base): Promise<BaseRating | null> {
    return this.feedback.rating(ctx, base.id);
  }
}

/** A batch's rating, on the Batch type. */
@Resolver(() => Batch)
export class BatchFeedbackResolver {
  constructor(private readonly feedbackService: FeedbackService) {}

  @ResolveField(() => StayFeedback, { nullable: true, description: "The union's rating of the stay, once given." })
  feedback(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<StayFeedback | null> {
    return this.feedbackService.forBatch(ctx, batch.id);
  }
}
