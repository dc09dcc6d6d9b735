import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allotment, AllotmentService, Region, RegionService } from '@app/base';
import { BenefitType } from '@app/booking';
import { Ctx, formatYuan, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { Agreement, AgreementBenefit, AgreementEvent, AgreementQuota } from './agreement.entity.js';
import { AgreementService } from './agreement.service.js';
import { AgreementFilter, ProposeAgreementInput } from './propose-agreement.input.js';

const PARTY = [Role.PARTNER, Role.ADMIN];

@Resolver(() => Agreement)
export class AgreementResolver {
  constructor(
    private readonly agreementService: AgreementService,
    private readonly regions: RegionService,
    private readonly allotmentService: AllotmentService,
  ) {}

  @Query(() => [Agreement], { description: "Agreements the caller's region is party to (an admin: all), newest first, at most 500." })
  @SignedIn()
  agreements(@Ctx() ctx: RequestContext, @Args('filter', { type: () => AgreementFilter, nullable: true }) filter?: AgreementFilter | null): Promise<Agreement[]> {
    return this.agreementService.list(ctx, filter);
  }

  @Query(() => Agreement, { description: "One agreement; NOT_FOUND unless the caller's region is party to it (or an admin asks)." })
  @SignedIn()
  agreement(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Agreement> {
    return this.agreementService.getVisibleOrThrow(ctx, id);
  }

  @Mutation(() => Agreement, { description: 'A PARTNER proposes for their own region (an admin names regionId): PROPOSED until the other region accepts or declines.' })
  @Roles(...PARTY)
  proposeAgreement(@Ctx() ctx: RequestContext, @Args('input') input: ProposeAgreementInput): Promise<Agreement> {
    return this.agreementService.propose(ctx, input);
  }

  @Mutation(() => Agreement, { description: 'PROPOSED → ACTIVE, by the other region (or an admin).' })
  @Roles(...PARTY)
  acceptAgreement(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Agreement> {
    return this.agreementService.accept(ctx, id);
  }

  @Mutation(() => Agreement, { description: 'PROPOSED → DECLINED, by the other region (or an admin), with a reason.' })
  @Roles(...PARTY)
  declineAgreement(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('reason') reason: string): Promise<Agreement> {
    return this.agreementService.decline(ctx, id, reason);
  }

  @Mutation(() => Agreement, {
    description:
      'PROPOSED or ACTIVE → TERMINATED, by either region (or an admin), with a reason: new bookings are refused, booked batches keep their terms, unused allotment beds go back to general sale.',
  })
  @Roles(...PARTY)
  terminateAgreement(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('reason') reason: string): Promise<Agreement> {
    return this.agreementService.terminate(ctx, id, reason);
  }

  @ResolveField(() => Region)
  async proposerRegion(@Ctx() ctx: RequestContext, @Parent() a: Agreement): Promise<Region> {
    return (await this.regions.load(ctx, a.proposerRegionId))!;
  }

  @ResolveField(() => Region)
  async partnerRegion(@Ctx() ctx: RequestContext, @Parent() a: Agreement): Promise<Region> {
    return (await this.regions.load(ctx, a.partnerRegionId))!;
  }

  @ResolveField(() => [AgreementQuota], { description: 'Per sending region and agreement year.' })
  quotas(@Ctx() ctx: RequestContext, @Parent() a: Agreement): Promise<AgreementQuota[]> {
    return this.agreementService.quotas(ctx, a.id);
  }

  @ResolveField(() => [AgreementBenefit])
  benefits(@Ctx() ctx: RequestContext, @Parent() a: Agreement): Promise<AgreementBenefit[]> {
    return this.agreementService.benefits(ctx, a.id);
  }

  @ResolveField(() => [AgreementEvent], { description: 'Every change of status, oldest first.' })
  history(@Ctx() ctx: RequestContext, @Parent() a: Agreement): Promise<AgreementEvent[]> {
    return this.agreementService.history(ctx, a.id);
  }

  @ResolveField(() => [Allotment], { description: 'Room blocks held for it at host bases.' })
  allotments(@Ctx() ctx: RequestContext, @Parent() a: Agreement): Promise<Allotment[]> {
    return this.allotmentService.list(ctx, [a.id]);
  }
}

@Resolver(() => AgreementQuota)
export class AgreementQuotaResolver {
  @ResolveField(() => Int, { description: 'personVisits − used.' })
  left(@Parent() q: AgreementQuota): number {
    return q.personVisits - q.used;
  }
}

@Resolver(() => AgreementBenefit)
export class AgreementBenefitResolver {
  @ResolveField(() => String, { description: 'Yuan per person for a voucher (e.g. "100.00"), percent for a discount (e.g. "15.00"), "0.00" for none.' })
  amount(@Parent() b: AgreementBenefit): string {
    return formatYuan(b.amount);
  }

  @ResolveField(() => Boolean, { description: 'True for a voucher the host base recovers from the host federation (a subsidy claim).' })
  claimable(@Parent() b: AgreementBenefit): boolean {
    return b.type === BenefitType.VOUCHER_PER_PERSON;
  }
}
