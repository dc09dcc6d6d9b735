import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch } from '@app/booking';
import { Ctx, type RequestContext, Role, Roles } from '@app/shared';
import { PersonalDataAccessService } from '../personal-data/personal-data-access.service.js';
import { ParticipantInput, UpdateParticipantInput } from './participant.input.js';
import { Participant } from './participant.entity.js';
import { ParticipantEditService } from './participant-edit.service.js';
import { ParticipantQueryService } from './participant-query.service.js';

// A partner passes the gate; the access policy lets it through only for a union without an organiser.
const EDITORS = [Role.UNION_ORGANISER, Role.BASE_OPERATOR, Role.PARTNER];

@Resolver(() => Participant)
export class ParticipantResolver {
  constructor(
    private readonly participants: ParticipantEditService,
    private readonly list: ParticipantQueryService,
    private readonly access: PersonalDataAccessService,
  ) {}

  @Mutation(() => [Participant], {
    description:
      "Adds people to a batch's rooming list: all of them, or none and every problem. Organiser (or, for a union without one, the partner that sent the batch) until the list freezes; the base's operator while REQUESTED or CONFIRMED.",
  })
  @Roles(...EDITORS)
  addParticipants(
    @Ctx() ctx: RequestContext,
    @Args('batchId', { type: () => Int }) batchId: number,
    @Args('participants', { type: () => [ParticipantInput] }) participants: ParticipantInput[],
  ): Promise<Participant[]> {
    return this.participants.add(ctx, batchId, participants);
  }

  @Mutation(() => Participant, { description: 'Changes one person on a rooming list (same rules as addParticipants).' })
  @Roles(...EDITORS)
  updateParticipant(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number, @Args('input') input: UpdateParticipantInput): Promise<Participant> {
    return this.participants.update(ctx, id, input);
  }

  @Mutation(() => Participant, {
    description:
      "Makes this person the batch's team leader (领队), replacing any other; required before check-in. Not frozen by the organiser's cut-off: the organiser names the leader up to check-in.",
  })
  @Roles(...EDITORS)
  setTeamLeader(@Ctx() ctx: RequestContext, @Args('participantId', { type: () => Int }) participantId: number): Promise<Participant> {
    return this.participants.setTeamLeader(ctx, participantId);
  }

  @Mutation(() => Batch, { description: 'Takes a person off a rooming list; answers the batch.' })
  @Roles(...EDITORS)
  removeParticipant(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<Batch> {
    return this.participants.remove(ctx, id);
  }

  @ResolveField(() => [Participant], { description: 'The others on the same list with the same room label; empty without a room.' })
  async roommates(@Ctx() ctx: RequestContext, @Parent() participant: Participant): Promise<Participant[]> {
    if (!participant.room) return [];
    return (await this.list.list(ctx, participant.batchId)).filter((p) => p.room === participant.room && p.id !== participant.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "The full document number: only for the batch's own organiser (or the partner standing in for a union without one) and its base's operator (FORBIDDEN for anyone else), and every read is logged.",
  })
  idNumber(@Ctx() ctx: RequestContext, @Parent() participant: Participant): Promise<string> {
    return this.access.reveal(ctx, participant, 'idNumber');
  }

  @ResolveField(() => String, { nullable: true, description: 'The full phone number: as idNumber, for the same two people only, and logged.' })
  phone(@Ctx() ctx: RequestContext, @Parent() participant: Participant): Promise<string> {
    return this.access.reveal(ctx, participant, 'phone');
  }
}
