import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch } from '@app/booking';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { ConsumptionEntry } from './consumption-entry.entity.js';
import { ConsumptionService } from './consumption.service.js';
import { RecordConsumptionInput } from './record-consumption.input.js';

const OPERATOR = [Role.BASE_OPERATOR, Role.ADMIN];

@Resolver(() => ConsumptionEntry)
export class ConsumptionResolver {
  constructor(private readonly consumption: ConsumptionService) {}

  @Mutation(() => ConsumptionEntry, { description: "Records what a CHECKED_IN or COMPLETED batch consumed (the base's operator), until it is billed." })
  @Roles(...OPERATOR)
  recordConsumption(@Ctx() ctx: RequestContext, @Args('input') input: RecordConsumptionInput): Promise<ConsumptionEntry> {
    return this.consumption.record(ctx, input);
  }

  @Mutation(() => ConsumptionEntry, { description: 'Cancels an entry out with its opposite; entries are never edited or deleted.' })
  @Roles(...OPERATOR)
  reverseConsumption(@Ctx() ctx: RequestContext, @Args('entryId', { type: () => Int }) entryId: number, @Args('reason') reason: string): Promise<ConsumptionEntry> {
    return this.consumption.reverse(ctx, entryId, reason);
  }
}

/** Batch.consumption (Batch.bills is in bill/). */
@Resolver(() => Batch)
export class BatchBillingResolver {
  constructor(private readonly entries: ConsumptionService) {}

  @ResolveField(() => [ConsumptionEntry], { description: 'What the batch consumed, reversals included, oldest first.' })
  consumption(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<ConsumptionEntry[]> {
    return this.entries.list(ctx, batch.id);
  }
}
