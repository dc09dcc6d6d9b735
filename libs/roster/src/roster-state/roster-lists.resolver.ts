import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { Batch, BatchConnection, BatchFilter, BatchQueryService } from '@app/booking';
import { Ctx, OpenToClients, type RequestContext, SignedIn, PageArgs } from '@app/shared';
import { Roster } from './roster.entity.js';
import { RosterStatus } from './roster-status.js';

@ArgsType()
export class RosterListsArgs extends PageArgs {
  @Field(() => RosterStatus, { description: 'The state of the lists wanted: SUBMITTED waits for approval, APPROVED to be posted, PUBLISHED is on notice.' })
  @IsEnum(RosterStatus)
  status: RosterStatus;

  @Field(() => BatchFilter, { nullable: true, description: "Narrows the batches as `batches(filter:)` does (union, base, arrival dates, the batch's own status)." })
  @IsOptional()
  @ValidateNested()
  @Type(() => BatchFilter)
  filter?: BatchFilter | null;
}

/**
 * The batches whose rooming list is in one state: an approver's queue. The list's state lives in the
 * roster lib, so the batch list is narrowed here rather than through BatchFilter; the scope and paging
 * are batches(…)'s own.
 */
@Resolver(() => Batch)
export class RosterListsResolver {
  constructor(private readonly batches: BatchQueryService) {}

  @Query(() => BatchConnection, {
    description: "The batches you may see whose rooming list is in this state (a list never submitted is DRAFT), newest first: an approver's lists waiting for approval, to be posted, on notice.",
  })
  @SignedIn()
  @OpenToClients()
  rosterLists(@Ctx() ctx: RequestContext, @Args() args: RosterListsArgs): Promise<BatchConnection> {
    const { status, ...page } = args;
    return this.batches.list(ctx, page, (qb) => {
      if (status === RosterStatus.DRAFT) {
        qb.leftJoin(Roster, 'rl', 'rl.batchId = b.id').andWhere('(rl.batchId IS NULL OR rl.status = :rosterStatus)', { rosterStatus: status });
      } else {
        qb.innerJoin(Roster, 'rl', 'rl.batchId = b.id AND rl.status = :rosterStatus', { rosterStatus: status });
      }
    });
  }
}
