import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Bill } from '@app/billing';
import { Ctx, DateScalar, type RequestContext, Role, Roles } from '@app/shared';
import { SubsidyStatement } from './subsidy.model.js';
import { SubsidyService } from './subsidy.service.js';

@Resolver(() => SubsidyStatement)
export class SubsidyResolver {
  constructor(private readonly subsidies: SubsidyService) {}

  @Query(() => SubsidyStatement, {
    description:
      "Vouchers granted under the agreement to batches that checked in, arriving from…to, per batch, with the claim each is on. An operator sees their base's; a PARTNER of either region and an admin, all.",
  })
  @Roles(Role.BASE_OPERATOR, Role.PARTNER, Role.ADMIN)
  subsidyStatement(
    @Ctx() ctx: RequestContext,
    @Args('agreementId', { type: () => Int }) agreementId: number,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ): Promise<SubsidyStatement> {
    return this.subsidies.statement(ctx, agreementId, from, to);
  }

  @Mutation(() => [Bill], {
    description:
      "Claims the unclaimed vouchers of the period: one SUBSIDY_CLAIM bill per host base, payable by the host region's federation, a line per batch. Never claims a batch twice; empty when nothing is new. The base's operator (their base) or an admin.",
  })
  @Roles(Role.BASE_OPERATOR, Role.ADMIN)
  issueSubsidyClaim(
    @Ctx() ctx: RequestContext,
    @Args('agreementId', { type: () => Int }) agreementId: number,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ): Promise<Bill[]> {
    return this.subsidies.issueClaims(ctx, agreementId, from, to);
  }
}
