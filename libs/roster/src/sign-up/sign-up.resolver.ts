import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Batch } from '@app/booking';
import { Ctx, OpenToClients, type RequestContext, Role, Roles } from '@app/shared';
import { SignUp, SignUpEvent, SignUpRound } from './sign-up.entity.js';
import { OpenSignUpInput, SignUpInput } from './sign-up.input.js';
import { SignUpService } from './sign-up.service.js';

/** Who handles sign-ups for now (Permission.PostSignUp / RunSignUp); whose union is checked on the batch. */
const SIGN_UP_ROLES = [Role.UNION_ORGANISER, Role.ADMIN];

@Resolver(() => SignUp)
export class SignUpResolver {
  constructor(private readonly signUps: SignUpService) {}

  @Mutation(() => SignUpRound, {
    description:
      'Opens a batch of your union (REQUESTED or CONFIRMED, its rooming list a DRAFT) for sign-up until the deadline, with the rule that gives out the places when it closes. One sign-up per batch.',
  })
  @Roles(...SIGN_UP_ROLES)
  openSignUp(@Ctx() ctx: RequestContext, @Args('input') input: OpenSignUpInput): Promise<SignUpRound> {
    return this.signUps.open(ctx, input);
  }

  @Mutation(() => SignUp, {
    description:
      "A worker's sign-up (报名) for a batch open for sign-up, posted on their behalf: checked as a rooming-list entry (fields; booked on an overlapping batch; the union's yearly days: POLICY_VIOLATION). The same person (document) again answers their existing sign-up.",
  })
  @Roles(...SIGN_UP_ROLES)
  @OpenToClients()
  signUp(@Ctx() ctx: RequestContext, @Args('input') input: SignUpInput): Promise<SignUp> {
    return this.signUps.signUp(ctx, input);
  }

  @Mutation(() => SignUpRound, { description: "Closes a batch's sign-up before its deadline: the rule gives out the places now (the selected onto the rooming list, the others the reserve)." })
  @Roles(...SIGN_UP_ROLES)
  closeSignUp(@Ctx() ctx: RequestContext, @Args('batchId', { type: () => Int }) batchId: number): Promise<SignUpRound> {
    return this.signUps.close(ctx, batchId);
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
