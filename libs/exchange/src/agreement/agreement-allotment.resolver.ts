import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allotment } from '@app/base';
import { Ctx, DateScalar, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { AgreementAllotmentService } from './agreement-allotment.service.js';
import { Agreement } from './agreement.entity.js';
import { AgreementService } from './agreement.service.js';
import { CreateAllotmentInput } from './create-allotment.input.js';

/** An agreement's allotments: read, made and released under it, and the agreement of each. Their nights, history and base are base's AllotmentResolver. */
@Resolver(() => Allotment)
export class AgreementAllotmentResolver {
  constructor(
    private readonly allotments: AgreementAllotmentService,
    private readonly agreements: AgreementService,
  ) {}

  @Query(() => Allotment, { description: 'One allotment; NOT_FOUND unless the caller sees its agreement.' })
  @SignedIn()
  allotment(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Allotment> {
    return this.allotments.getVisibleOrThrow(ctx, id);
  }

  @Mutation(() => Allotment, {
    description: "The host base's operator (or an admin) holds beds for the other region of an ACTIVE agreement: taken from general capacity on every night (CAPACITY_EXCEEDED naming the night).",
  })
  @Roles(Role.BASE_OPERATOR, Role.ADMIN)
  createAllotment(@Ctx() ctx: RequestContext, @Args('input') input: CreateAllotmentInput): Promise<Allotment> {
    return this.allotments.create(ctx, input);
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
    return this.allotments.release(ctx, id, from, to, reason ?? null);
  }

  @ResolveField(() => Agreement)
  async agreement(@Ctx() ctx: RequestContext, @Parent() a: Allotment): Promise<Agreement> {
    return (await this.agreements.loadVisible(ctx, a.agreementId))!;
  }
}
