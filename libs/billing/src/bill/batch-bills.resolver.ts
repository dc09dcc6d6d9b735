import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch } from '@app/booking';
import { Ctx, type RequestContext } from '@app/shared';
import { Bill } from './bill.entity.js';
import { BillQueryService } from './bill-query.service.js';

/** Batch.bills: beside the bills it reads (Batch.consumption is in consumption/). */
@Resolver(() => Batch)
export class BatchBillsResolver {
  constructor(private readonly queries: BillQueryService) {}

  @ResolveField(() => [Bill], { description: 'Its bills, void ones included, oldest first.' })
  bills(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<Bill[]> {
    return this.queries.forBatch(ctx, batch.id);
  }
}
