import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Base, BaseService, Package, PackageService, TradeUnion, UnionPolicy, UnionPolicyService, UnionService } from '@app/base';
import { Ctx, MoneyScalar, type RequestContext } from '@app/shared';
import { discountPerPerson } from '../exchange-terms/benefit.js';
import { BatchDeadlines } from '../deadline/batch-deadlines.model.js';
import { DeadlineService } from '../deadline/deadline.service.js';
import { BatchEvent } from './batch-event.entity.js';
import { BatchQueryService } from './batch-query.service.js';
import { Batch } from './batch.entity.js';

/** Relations of a batch, each batched per request: a page of 100 batches costs one query per relation. */
@Resolver(() => Batch)
export class BatchFieldsResolver {
  constructor(
    private readonly bases: BaseService,
    private readonly unions: UnionService,
    private readonly packages: PackageService,
    private readonly queries: BatchQueryService,
    private readonly policies: UnionPolicyService,
    private readonly deadlineService: DeadlineService,
  ) {}

  @ResolveField(() => BatchDeadlines, {
    description: "When each step is due, from the union's policy version it keeps, its base's roster cut-off and the working calendar (holidays skipped, make-up days counted).",
  })
  deadlines(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<BatchDeadlines> {
    return this.deadlineService.forBatch(ctx, batch);
  }

  @ResolveField(() => UnionPolicy, { description: "The version of its union's funding policy it is judged by: the one in force when it was requested (id 0: the defaults)." })
  unionPolicy(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<UnionPolicy> {
    return this.policies.forBatch(ctx, batch);
  }

  @ResolveField(() => TradeUnion)
  async union(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<TradeUnion> {
    return (await this.unions.load(ctx, batch.unionId))!;
  }

  @ResolveField(() => Base)
  async base(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<Base> {
    return (await this.bases.load(ctx, batch.baseId))!;
  }

  @ResolveField(() => Package, { description: "The package booked; today's version (the batch keeps its own nights and price)." })
  async package(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<Package> {
    return (await this.packages.load(ctx, batch.packageId))!;
  }

  @ResolveField(() => MoneyScalar, {
    description:
      "(pricePerPerson − an exchange agreement's discount per person) × headcount, as the bill's package line prices it; a voucher is not deducted here (it is its own bill line, by the people who arrive).",
  })
  totalPrice(@Parent() batch: Batch): number {
    return (batch.pricePerPerson - discountPerPerson(batch.benefitType, batch.benefitPerPerson)) * batch.headcount;
  }

  @ResolveField(() => [BatchEvent], { description: 'Every status move and headcount change, oldest first.' })
  history(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<BatchEvent[]> {
    return this.queries.history(ctx, batch.id);
  }
}
