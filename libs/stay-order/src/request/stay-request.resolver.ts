import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Base, BaseService, TradeUnion, UnionService } from '@app/base';
import { Ctx, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { visibleBases } from './stay-request-access.js';
import { StayRequest, StayRequestDecline, StayRequestEvent } from './stay-request.entity.js';
import { StayRequestService } from './stay-request.service.js';
import { SendStayRequestInput, StayRequestFilter } from './send-stay-request.input.js';

@Resolver(() => StayRequest)
export class StayRequestResolver {
  constructor(
    private readonly requests: StayRequestService,
    private readonly unions: UnionService,
    private readonly baseService: BaseService,
  ) {}

  @Query(() => [StayRequest], {
    description: "Stay requests the caller sees, newest first, at most 200: a union's own, a partner's region's unions', an operator's those sent to their base, an admin's all.",
  })
  @SignedIn()
  stayRequests(@Ctx() ctx: RequestContext, @Args('filter', { type: () => StayRequestFilter, nullable: true }) filter?: StayRequestFilter | null): Promise<StayRequest[]> {
    return this.requests.list(ctx, filter);
  }

  @Query(() => StayRequest, { description: 'One stay request; NOT_FOUND unless the caller sees it.' })
  @SignedIn()
  stayRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<StayRequest> {
    return this.requests.getVisibleOrThrow(ctx, id);
  }

  @Mutation(() => StayRequest, {
    description: "Asks one base or several for a stay made to order: an organiser for their union, a partner for one of its region's unions (unionId), an admin for any.",
  })
  @Roles(Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN)
  sendStayRequest(@Ctx() ctx: RequestContext, @Args('input') input: SendStayRequestInput): Promise<StayRequest> {
    return this.requests.send(ctx, input);
  }

  @ResolveField(() => TradeUnion, { description: 'The union the stay is for.' })
  async union(@Ctx() ctx: RequestContext, @Parent() request: StayRequest): Promise<TradeUnion> {
    return (await this.unions.load(ctx, request.unionId))!;
  }

  @ResolveField(() => [Base], { description: "The bases asked: all for the union's side, their own for an operator." })
  async bases(@Ctx() ctx: RequestContext, @Parent() request: StayRequest): Promise<Base[]> {
    const ids = visibleBases(ctx, request, await this.requests.baseIds(ctx, request.id));
    return (await Promise.all(ids.map((id) => this.baseService.load(ctx, id)))).filter((b): b is Base => b !== null);
  }

  @ResolveField(() => [StayRequestDecline], { description: "The bases that declined it, by when (to the second), then by base: all for the union's side, their own for an operator." })
  declines(@Ctx() ctx: RequestContext, @Parent() request: StayRequest): Promise<StayRequestDecline[]> {
    return this.requests.declines(ctx, request);
  }

  @ResolveField(() => [StayRequestEvent], { description: 'Every change of status, oldest first.' })
  history(@Ctx() ctx: RequestContext, @Parent() request: StayRequest): Promise<StayRequestEvent[]> {
    return this.requests.history(ctx, request.id);
  }
}
