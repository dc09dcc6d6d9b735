import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch } from '../batch/batch.entity.js';
import { Ctx, type RequestContext } from '@app/shared';
import { Participant } from './participant.entity.js';
import { ParticipantService } from './participant.service.js';

/** The rooming list as fields of a batch; one query per field for a whole page of batches. */
@Resolver(() => Batch)
export class BatchRosterResolver {
  constructor(private readonly roster: ParticipantService) {}

  @ResolveField(() => [Participant], { description: 'The rooming list, in the order people were added; ID numbers and phones masked.' })
  participants(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<Participant[]> {
    return this.roster.list(ctx, batch.id);
  }

  @ResolveField(() => Int, { description: 'People on the rooming list; must equal headcount at check-in.' })
  participantCount(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<number> {
    return this.roster.count(ctx, batch.id);
  }
}
