import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allotment, AllotmentEvent, AllotmentNight, AllotmentService, Base, BaseService } from '@app/base';
import { Ctx, DateScalar, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { Agreement } from '../agreement/agreement.entity.js';
import { AgreementService } from '../agreement/agreement.service.js';
import { CreateAllotmentInput } from './create-allotment.input.js';
import { ExchangeAllotmentService } from './exchange-allotment.service.js';

@Resolver(() => Allotment)
export class AllotmentResolver {
  constructor(
    private readonly exchange: ExchangeAllotmentService,
    private readonly allotments: AllotmentService,
    private readonly agreements: AgreementService,
    private readonly bases: BaseService,
  ) {}

  @Query(() => Allotment, { description: 'One allotment; NOT_FOUND unless the caller sees its agreement.' })
  @SignedIn()
  allotment(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Allotment> {
    return this.exchange.getVisibleOrThrow(ctx, id);
  }

  @Mutation(() => Allotment, {
    description: "The host base's operator (or an admin) holds beds for the other region of an ACTIVE agreement: taken from general capacity on every night (CAPACITY_EXCEEDED naming the night).",
  })
  @Roles(Role.BASE_OPERATOR, Role.ADMIN)
  createAllotment(@Ctx() ctx: RequestContext, @Args('input') input: CreateAllotmentInput): Promise<Allotment> {
    return this.exchange.create(ctx, input);
  }

  @Mutation(() => Allotment, { description: "Returns the unused beds of the nights from…to to general sale now (the host base's operator, the guest region's PARTNER, or an admin)." })
  @Roles(Role.BASE_OPERATOR, Role.PARTNER, Role.ADMIN)
  releaseAllotment(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => Int }) id: number,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<Allotment> {
    return this.exchange.release(ctx, id, from, to, reason ?? null);
  }

  @ResolveField(() => Agreement)
  async agreement(@Ctx() ctx: RequestContext, @Parent() a: Allotment): Promise<Agreement> {
    return (await this.agreements.loadVisible(ctx, a.agreementId))!;
  }

  @ResolveField(() => Base)
  async base(@Ctx() ctx: RequestContext, @Parent() a: Allotment): Promise<Base> {
    return (await this.bases.load(ctx, a.baseId))!;
  }

  @ResolveField(() => [AllotmentNight], { description: 'Every night: beds held, used by batches, whether released.' })
  nights(@Ctx() ctx: RequestContext, @Parent() a: Allotment): Promise<AllotmentNight[]> {
    return this.allotments.nights(ctx, a.id);
  }

  @ResolveField(() => [AllotmentEvent], { description: 'Creation and releases, oldest first.' })
  history(@Ctx() ctx: RequestContext, @Parent() a: Allotment): Promise<AllotmentEvent[]> {
    return this.allotments.history(ctx, a.id);
  }
}
