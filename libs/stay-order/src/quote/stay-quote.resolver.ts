import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Base, BaseService } from '@app/base';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { StayRequest } from '../request/stay-request.entity.js';
import { SendStayQuoteInput } from './send-stay-quote.input.js';
import { StayAcceptanceService } from './stay-acceptance.service.js';
import { StayQuote, StayQuoteEvent } from './stay-quote.entity.js';
import { StayQuoteService } from './stay-quote.service.js';
import { StayRequestClosingService } from './stay-request-closing.service.js';

const ASKING = [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN];

@Resolver(() => StayQuote)
export class StayQuoteResolver {
  constructor(
    private readonly quotes: StayQuoteService,
    private readonly acceptance: StayAcceptanceService,
    private readonly closing: StayRequestClosingService,
    private readonly bases: BaseService,
  ) {}

  @Mutation(() => StayQuote, { description: "A base's operator (or an admin) answers an OPEN stay request sent to the base; it replaces the base's earlier open quote." })
  @Roles(Role.BASE_OPERATOR, Role.ADMIN)
  sendStayQuote(@Ctx() ctx: RequestContext, @Args('input') input: SendStayQuoteInput): Promise<StayQuote> {
    return this.quotes.send(ctx, input);
  }

  @Mutation(() => StayQuote, { description: 'OFFERED → WITHDRAWN, by the base (or an admin), with a reason.' })
  @Roles(Role.BASE_OPERATOR, Role.ADMIN)
  withdrawStayQuote(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('reason') reason: string): Promise<StayQuote> {
    return this.quotes.withdraw(ctx, id, reason);
  }

  @Mutation(() => StayQuote, { description: "OFFERED → DECLINED, by the union's side, with a reason the base reads in the quote's history." })
  @Roles(...ASKING)
  declineStayQuote(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('reason') reason: string): Promise<StayQuote> {
    return this.quotes.decline(ctx, id, reason);
  }

  @Mutation(() => StayQuote, {
    description:
      "The union's side accepts a quote: in one transaction a private package (its union only) and a REQUESTED batch holding the beds under the same rules as requestBatch (CAPACITY_EXCEEDED, POLICY_VIOLATION … refuse it whole); the other bases' open quotes are declined with `declineReason` (a default says which was accepted). A PARTNER gives the agreementId it books under.",
  })
  @Roles(...ASKING)
  acceptStayQuote(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => Int }) id: number,
    @Args('agreementId', { type: () => Int, nullable: true }) agreementId?: number | null,
    @Args('declineReason', { type: () => String, nullable: true }) declineReason?: string | null,
  ): Promise<StayQuote> {
    return this.acceptance.accept(ctx, id, agreementId ?? null, declineReason ?? null);
  }

  @Mutation(() => StayRequest, { description: "OPEN → WITHDRAWN, by the union's side, with a reason; its open quotes are declined with it." })
  @Roles(...ASKING)
  withdrawStayRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('reason') reason: string): Promise<StayRequest> {
    return this.closing.withdraw(ctx, id, reason);
  }

  @Mutation(() => StayRequest, {
    description:
      "A base's operator (or an admin, naming baseId) declines an OPEN stay request sent to the base, with a reason the union reads in `declines`: the base's side ends, its open quote is withdrawn and it quotes no more. When every base asked has declined, the request becomes DECLINED.",
  })
  @Roles(Role.BASE_OPERATOR, Role.ADMIN)
  declineStayRequest(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason') reason: string,
    @Args('baseId', { type: () => Int, nullable: true, description: "The declining base: an operator's own by default; an admin must name it." }) baseId?: number | null,
  ): Promise<StayRequest> {
    return this.closing.decline(ctx, id, baseId, reason);
  }

  @ResolveField(() => Base, { description: 'The quoting base.' })
  async base(@Ctx() ctx: RequestContext, @Parent() quote: StayQuote): Promise<Base> {
    return (await this.bases.load(ctx, quote.baseId))!;
  }

  @ResolveField(() => [StayQuoteEvent], { description: 'Every change of status, oldest first; a decline or withdrawal says why.' })
  history(@Ctx() ctx: RequestContext, @Parent() quote: StayQuote): Promise<StayQuoteEvent[]> {
    return this.quotes.history(ctx, quote.id);
  }
}

/** StayRequest.quotes, beside the quotes' service (requests need not know quotes). */
@Resolver(() => StayRequest)
export class StayRequestQuotesResolver {
  constructor(private readonly quoteService: StayQuoteService) {}

  @ResolveField(() => [StayQuote], { description: "Its quotes, oldest first: all for the union's side, their own base's for an operator." })
  quotes(@Ctx() ctx: RequestContext, @Parent() request: StayRequest): Promise<StayQuote[]> {
    return this.quoteService.list(ctx, request);
  }
}
