import { Args, Field, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, DateScalar, Public, type RequestContext, Role, Roles } from '@app/shared';
import { Batch } from '@app/booking';
import { ParticipantCategory } from '../participant/participant.entity.js';
import { RosterEvent } from './roster-event.entity.js';
import { RosterStatus } from '../roster-state/roster-status.js';
import { RosterWorkflowService } from './roster-workflow.service.js';

@ObjectType({ description: 'A person on a publicly posted list: the name masked, the employer and the category; never documents or phones.' })
export class PublishedPerson {
  @Field({ description: 'Masked: the first and last characters, e.g. 张*明.' })
  name: string;

  @Field()
  employer: string;

  @Field(() => ParticipantCategory)
  category: string;
}

@ObjectType({ description: 'A rooming list as publicly posted (公示).' })
export class PublishedRoster {
  @Field()
  batchReference: string;

  @Field()
  unionName: string;

  @Field()
  baseName: string;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => DateScalar)
  endDate: string;

  @Field(() => RosterStatus, { description: 'PUBLISHED during the notice period, CLEARED after it.' })
  status: RosterStatus;

  @Field(() => DateScalar)
  publishedOn: string;

  @Field(() => DateScalar, { description: 'Objections are heard until the day before.' })
  clearsOn: string;

  @Field(() => [PublishedPerson])
  people: PublishedPerson[];
}

const BATCH_ID = { type: () => Int };

@Resolver(() => Batch)
export class RosterWorkflowResolver {
  constructor(private readonly workflow: RosterWorkflowService) {}

  @Mutation(() => Batch, { description: 'DRAFT → SUBMITTED: the organiser (or, for a union without one, the partner that sent the batch) hands in the complete list for approval.' })
  @Roles(Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN)
  submitRoster(@Ctx() ctx: RequestContext, @Args('batchId', BATCH_ID) batchId: number): Promise<Batch> {
    return this.workflow.submit(ctx, batchId);
  }

  @Mutation(() => Batch, { description: "SUBMITTED → APPROVED, by the union's approver." })
  @Roles(Role.UNION_APPROVER, Role.ADMIN)
  approveRoster(@Ctx() ctx: RequestContext, @Args('batchId', BATCH_ID) batchId: number): Promise<Batch> {
    return this.workflow.approve(ctx, batchId);
  }

  @Mutation(() => Batch, { description: "SUBMITTED → DRAFT, by the union's approver, with a reason." })
  @Roles(Role.UNION_APPROVER, Role.ADMIN)
  rejectRoster(@Ctx() ctx: RequestContext, @Args('batchId', BATCH_ID) batchId: number, @Args('reason') reason: string): Promise<Batch> {
    return this.workflow.reject(ctx, batchId, reason);
  }

  @Mutation(() => Batch, {
    description:
      "APPROVED → PUBLISHED: posted behind an unguessable link (rosterPublicToken) for the policy's working days (weekends and holidays skipped); it clears on rosterClearsOn without objection.",
  })
  @Roles(Role.UNION_APPROVER, Role.ADMIN)
  publishRoster(@Ctx() ctx: RequestContext, @Args('batchId', BATCH_ID) batchId: number): Promise<Batch> {
    return this.workflow.publish(ctx, batchId);
  }

  @Mutation(() => Batch, { description: 'PUBLISHED → SUBMITTED: an objection received during the notice period, with its reason; the link stops working.' })
  @Roles(Role.UNION_APPROVER, Role.UNION_ORGANISER, Role.ADMIN)
  recordObjection(@Ctx() ctx: RequestContext, @Args('batchId', BATCH_ID) batchId: number, @Args('reason') reason: string): Promise<Batch> {
    return this.workflow.object(ctx, batchId, reason);
  }

  @Query(() => PublishedRoster, { description: 'A publicly posted list, for anyone with its link (no account): names masked, employer and category only.' })
  @Public()
  publishedRoster(@Ctx() ctx: RequestContext, @Args('token') token: string): Promise<PublishedRoster> {
    return this.workflow.published(ctx, token);
  }

  @ResolveField(() => [RosterEvent], { description: "The list's moves through approval and notice, oldest first." })
  rosterHistory(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<RosterEvent[]> {
    return this.workflow.history(ctx, batch.id);
  }

  @ResolveField(() => String, { nullable: true, description: "The public list's token while posted (publishedRoster(token)); shown to the union and the admin only." })
  rosterPublicToken(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<string | null> {
    return this.workflow.tokenFor(ctx, batch);
  }

  @ResolveField(() => RosterStatus, { description: "Its rooming list's approval and public notice (公示); the base confirms only a CLEARED list where the union's policy asks for publication." })
  async rosterStatus(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<RosterStatus> {
    return (await this.workflow.load(ctx, batch.id)).status;
  }

  @ResolveField(() => DateScalar, { nullable: true, description: 'The day the list was publicly posted.' })
  async rosterPublishedOn(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<string | null> {
    return (await this.workflow.load(ctx, batch.id)).publishedOn;
  }

  @ResolveField(() => DateScalar, { nullable: true, description: 'The day the notice period ends without objection: the list clears.' })
  async rosterClearsOn(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<string | null> {
    return (await this.workflow.load(ctx, batch.id)).clearsOn;
  }
}
