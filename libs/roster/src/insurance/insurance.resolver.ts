import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch } from '@app/booking';
import { Ctx, MoneyScalar, type RequestContext, Role, Roles } from '@app/shared';
import { InsuranceService } from './insurance.service.js';
import { RecordInsuranceInput } from './record-insurance.input.js';

/** Group accident insurance (团体意外险), required before check-in: recorded by the union, shown on the batch. */
@Resolver(() => Batch)
export class InsuranceResolver {
  constructor(private readonly insurance: InsuranceService) {}

  @Mutation(() => Batch, {
    description: "Records the batch's group accident insurance (its union's organiser or approver, the partner that sent it for a union without an organiser, or an admin), required before check-in.",
  })
  @Roles(Role.UNION_ORGANISER, Role.UNION_APPROVER, Role.PARTNER, Role.ADMIN)
  recordInsurance(@Ctx() ctx: RequestContext, @Args('input') input: RecordInsuranceInput): Promise<Batch> {
    return this.insurance.record(ctx, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'Accident insurance: the insurer.' })
  async insurer(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<string | null> {
    return (await this.insurance.load(ctx, batch.id))?.insurer ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Accident insurance: the policy number.' })
  async insurancePolicyNumber(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<string | null> {
    return (await this.insurance.load(ctx, batch.id))?.policyNumber ?? null;
  }

  @ResolveField(() => MoneyScalar, { nullable: true, description: 'Accident insurance: the sum insured per person, at least the union policy’s minimum.' })
  async sumInsured(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<number | null> {
    return (await this.insurance.load(ctx, batch.id))?.sumInsured ?? null;
  }
}
