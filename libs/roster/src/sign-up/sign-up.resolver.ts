import { Args, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch } from '@app/booking';
import { Connection, Ctx, OpenToClients, type RequestContext, Role, Roles } from '@app/shared';
import { SignUp, SignUpEvent, SignUpRound } from './sign-up.entity.js';
import { OpenSignUpInput, SignUpInput, SignUpRoundsArgs } from './sign-up.input.js';
import { SignUpService } from './sign-up.service.js';
import { SignUpTripService } from './sign-up-trip.service.js';

@ObjectType()
export class SignUpRoundConnection extends Connection(SignUpRound, 'SignUpRound') {}

/** Who handles sign-ups for now (Permission.PostSignUp / RunSignUp); whose union is checked on the batch. */
const SIGN_UP_ROLES = [Role.UNION_ORGANISER, Role.ADMIN];

@Resolver(() => SignUp)
export class SignUpResolver {
  constructor(
    private readonly signUps: SignUpService,
    private readonly trips: SignUpTripService,
  ) {}

  @Mutation(() => SignUpRound, {
    description:
      'Opens a batch of your union (REQUESTED or CONFIRMED, its rooming list a DRAFT) — or a trip not yet booked (packageId, startDate, places) — for sign-up until the deadline, with the rule that gives out the places when it closes. One sign-up per batch; a trip is booked at the closing as a batch for as many as were selected (or the round is NOT_BOOKED, with why). Exactly one of batchId and packageId, else BAD_USER_INPUT.',
  })
  @Roles(...SIGN_UP_ROLES)
  openSignUp(@Ctx() ctx: RequestContext, @Args('input') input: OpenSignUpInput): Promise<SignUpRound> {
    return this.signUps.open(ctx, input);
  }

  @Mutation(() => SignUp, {
    description:
      "A worker's sign-up (报名) for a batch or a trip open for sign-up (input.batchId or input.roundId), posted on their behalf: checked as a rooming-list entry against the batch's or the trip's dates (fields; booked on an overlapping batch; the union's yearly days: POLICY_VIOLATION). The same person (document) again answers their existing sign-up.",
  })
  @Roles(...SIGN_UP_ROLES)
  @OpenToClients()
  signUp(@Ctx() ctx: RequestContext, @Args('input') input: SignUpInput): Promise<SignUp> {
    return this.signUps.signUp(ctx, input);
  }

  @Mutation(() => SignUpRound, {
    description:
      'Closes a sign-up before its deadline (give exactly one of batchId and roundId): the rule gives out the places now (the selected onto the rooming list, the others the reserve); a trip is booked now as a batch for as many as were selected, or becomes NOT_BOOKED with why.',
  })
  @Roles(...SIGN_UP_ROLES)
  closeSignUp(
    @Ctx() ctx: RequestContext,
    @Args('batchId', { type: () => Int, nullable: true, description: 'The batch whose sign-up closes.' }) batchId?: number | null,
    @Args('roundId', { type: () => Int, nullable: true, description: "The sign-up round that closes (a trip's, or a batch's)." }) roundId?: number | null,
  ): Promise<SignUpRound> {
    return this.signUps.close(ctx, { batchId, roundId });
  }

  @Query(() => SignUpRound, {
    description: "A sign-up round by its id: a trip's (not yet booked) to its union's organiser, the admin and the union's platform clients; a batch's to whoever sees the batch. NOT_FOUND otherwise.",
  })
  @Roles(...SIGN_UP_ROLES)
  @OpenToClients()
  signUpRound(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<SignUpRound> {
    return this.trips.roundById(ctx, id);
  }

  @Query(() => SignUpRoundConnection, {
    description: "The sign-up rounds of your union (the admin: every union's), trips not yet booked and batches alike, newest first; status narrows them.",
  })
  @Roles(...SIGN_UP_ROLES)
  @OpenToClients()
  signUpRounds(@Ctx() ctx: RequestContext, @Args() args: SignUpRoundsArgs): Promise<SignUpRoundConnection> {
    return this.trips.listRounds(ctx, args);
  }

  @Mutation(() => SignUp, {
    description:
      'A worker withdraws their sign-up until the rooming list freezes (with the union, or past the cut-off): a selected worker leaves the list and the first of the reserve moves up onto it.',
  })
  @Roles(...SIGN_UP_ROLES)
  @OpenToClients()
  withdrawSignUp(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason', { type: () => String, nullable: true, description: 'Why, for the history.' }) reason?: string | null,
  ): Promise<SignUp> {
    return this.signUps.withdraw(ctx, id, reason ?? null);
  }

  @ResolveField(() => [SignUpEvent], { description: 'Every move, oldest first: who, when, from, to and why (an INELIGIBLE one says why).' })
  history(@Ctx() ctx: RequestContext, @Parent() signUp: SignUp): Promise<SignUpEvent[]> {
    return this.signUps.history(ctx, signUp.id);
  }
}

/** A batch's sign-up, visible as its rooming list is (to whoever sees the batch). */
@Resolver(() => Batch)
export class BatchSignUpResolver {
  constructor(private readonly service: SignUpService) {}

  @ResolveField(() => SignUpRound, { nullable: true, description: 'Its sign-up (报名), if it was opened for one: rule, deadline, places, seed, status.' })
  signUp(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<SignUpRound | null> {
    return this.service.round(ctx, batch.id);
  }

  @ResolveField(() => [SignUp], { description: 'Its sign-ups in order of arrival, ID numbers and phones masked, with their state and reserve position.' })
  signUps(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<SignUp[]> {
    return this.service.list(ctx, batch.id);
  }
}

/** A round's own sign-ups: what the organiser follows for a trip not yet booked (a batch's are also Batch.signUps). */
@Resolver(() => SignUpRound)
export class SignUpRoundResolver {
  constructor(private readonly service: SignUpService) {}

  @ResolveField(() => [SignUp], { description: 'Its sign-ups in order of arrival, ID numbers and phones masked, with their state and reserve position.' })
  signUps(@Ctx() ctx: RequestContext, @Parent() round: SignUpRound): Promise<SignUp[]> {
    return this.service.listOfRound(ctx, round.id);
  }
}
