import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CapacityDrift } from '@app/base';
import { type ConnectionShape, Ctx, OpenToClients, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { BatchConnection } from './batch-connection.model.js';
import { BatchLifecycleService } from './batch-lifecycle.service.js';
import { BatchQueryService } from './batch-query.service.js';
import { BatchRequestService } from './batch-request.service.js';
import { BatchRescheduleService } from './batch-reschedule.service.js';
import { Batch } from './batch.entity.js';
import { BatchesArgs } from './batches.args.js';
import { RequestBatchInput } from './request-batch.input.js';
import { RescheduleBatchArgs } from './reschedule-batch.args.js';

const OPERATOR = [Role.BASE_OPERATOR, Role.ADMIN];
// A PARTNER books, cancels and resizes only what their region sends under an agreement (checked in the services).
const ORGANISER = [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN];

@Resolver(() => Batch)
export class BatchResolver {
  constructor(
    private readonly requests: BatchRequestService,
    private readonly lifecycle: BatchLifecycleService,
    private readonly queries: BatchQueryService,
    private readonly reschedules: BatchRescheduleService,
  ) {}

  @Query(() => Batch, { description: 'A batch you may see (your union’s or your base’s); NOT_FOUND otherwise.' })
  @SignedIn()
  @OpenToClients()
  batch(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Batch> {
    return this.queries.getVisibleOrThrow(ctx, id);
  }

  @Query(() => BatchConnection, { description: 'The batches you may see, newest first.' })
  @SignedIn()
  @OpenToClients()
  batches(@Ctx() ctx: RequestContext, @Args() args: BatchesArgs): Promise<ConnectionShape<Batch>> {
    return this.queries.list(ctx, args);
  }

  @Query(() => [CapacityDrift], { description: 'Every base/night whose reserved beds differ from the batches holding them; empty when all is well.' })
  @Roles(Role.ADMIN)
  capacityAudit(@Ctx() ctx: RequestContext): Promise<CapacityDrift[]> {
    return this.queries.audit(ctx);
  }

  @Mutation(() => Batch, { description: 'Requests a batch and holds its beds until the base confirms or the hold expires.' })
  @Roles(...ORGANISER)
  @OpenToClients()
  requestBatch(@Ctx() ctx: RequestContext, @Args('input') input: RequestBatchInput): Promise<Batch> {
    return this.requests.request(ctx, input);
  }

  @Mutation(() => Batch, { description: 'Withdraws a REQUESTED or CONFIRMED batch; its beds are given back.' })
  @Roles(...ORGANISER)
  cancelBatch(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('reason') reason: string): Promise<Batch> {
    return this.lifecycle.cancel(ctx, id, reason);
  }

  @Mutation(() => Batch, {
    description:
      "Moves a REQUESTED or CONFIRMED batch to other dates (or another package of its base), keeping its reference, list and insurance: the new nights are taken and the old given back at once, or nothing changes. By its union's side; by the base's operator with the union's agreement, named in reason.",
  })
  @Roles(...ORGANISER, Role.BASE_OPERATOR)
  rescheduleBatch(@Ctx() ctx: RequestContext, @Args() args: RescheduleBatchArgs): Promise<Batch> {
    return this.reschedules.reschedule(ctx, args.id, args);
  }

  @Mutation(() => Batch, { description: 'Changes the headcount of a REQUESTED or CONFIRMED batch, taking or giving back beds.' })
  @Roles(...ORGANISER)
  changeHeadcount(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('headcount', { type: () => Int }) headcount: number): Promise<Batch> {
    return this.lifecycle.changeHeadcount(ctx, id, headcount);
  }

  @Mutation(() => Batch, { description: 'The base accepts a REQUESTED batch.' })
  @Roles(...OPERATOR)
  confirmBatch(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Batch> {
    return this.lifecycle.confirm(ctx, id);
  }

  @Mutation(() => Batch, { description: 'The base declines a REQUESTED batch; its beds are given back.' })
  @Roles(...OPERATOR)
  rejectBatch(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('reason') reason: string): Promise<Batch> {
    return this.lifecycle.reject(ctx, id, reason);
  }

  @Mutation(() => Batch, { description: 'The workers of a CONFIRMED batch have arrived (not before startDate): who of its list did, everyone when omitted.' })
  @Roles(...OPERATOR)
  checkInBatch(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => Int }) id: number,
    @Args('arrivedParticipantIds', { type: () => [Int], nullable: true, description: 'The participants who arrived; the others are no-shows (billed by the base’s no-show fee).' })
    arrivedParticipantIds?: number[] | null,
  ): Promise<Batch> {
    return this.lifecycle.checkIn(ctx, id, arrivedParticipantIds ?? null);
  }

  @Mutation(() => Batch, { description: 'The stay of a CHECKED_IN batch is over; its beds are given back.' })
  @Roles(...OPERATOR)
  completeBatch(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Batch> {
    return this.lifecycle.complete(ctx, id);
  }
}
