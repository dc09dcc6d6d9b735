import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Base, BaseService, Package, PackageService, TradeUnion, UnionService } from '@app/base';
import { type ConnectionShape, Ctx, type RequestContext, Role, Roles, SignedIn } from '@app/shared';
import { JoinWaitingListInput, WaitingListArgs } from './join-waiting-list.input.js';
import { WaitingListEntryConnection } from './waiting-list-connection.model.js';
import { WaitingListEntry, WaitingListEvent } from './waiting-list-entry.entity.js';
import { WaitingListOfferService } from './waiting-list-offer.service.js';
import { WaitingListService } from './waiting-list.service.js';

/** requestBatch's roles; whose union is checked on the entry. */
const BOOKING = [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN];

@Resolver(() => WaitingListEntry)
export class WaitingListResolver {
  constructor(
    private readonly entries: WaitingListService,
    private readonly offers: WaitingListOfferService,
    private readonly bases: BaseService,
    private readonly unions: UnionService,
    private readonly packages: PackageService,
  ) {}

  @Query(() => WaitingListEntryConnection, { description: "The waiting-list entries you may see (your union's, your base's; the admin all), in order of arrival." })
  @SignedIn()
  waitingList(@Ctx() ctx: RequestContext, @Args() args: WaitingListArgs): Promise<ConnectionShape<WaitingListEntry>> {
    return this.entries.list(ctx, args);
  }

  @Query(() => WaitingListEntry, { description: 'A waiting-list entry you may see; NOT_FOUND otherwise.' })
  @SignedIn()
  waitingListEntry(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<WaitingListEntry> {
    return this.entries.getVisibleOrThrow(ctx, id);
  }

  @Mutation(() => WaitingListEntry, {
    description:
      "Waits for beds instead of booking (a night full or closed): the entry queues at the package's base in order of arrival, and when all its nights fit, the beds are held for it (OFFERED) for WAITLIST_OFFER_HOURS. Checked as requestBatch is; no bed is taken now.",
  })
  @Roles(...BOOKING)
  joinWaitingList(@Ctx() ctx: RequestContext, @Args('input') input: JoinWaitingListInput): Promise<WaitingListEntry> {
    return this.entries.join(ctx, input);
  }

  @Mutation(() => WaitingListEntry, { description: 'Leaves the waiting list while WAITING (an OFFERED entry declines the offer instead).' })
  @Roles(...BOOKING)
  leaveWaitingList(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason', { type: () => String, nullable: true, description: 'Why, for the history.' }) reason?: string | null,
  ): Promise<WaitingListEntry> {
    return this.entries.leave(ctx, id, reason ?? null);
  }

  @Mutation(() => WaitingListEntry, {
    description:
      "Takes the offered beds: the entry becomes a REQUESTED batch (batchId) holding exactly them, through requestBatch's rules (policy, quota, notice deadlines). Refused, the offer stands.",
  })
  @Roles(...BOOKING)
  acceptWaitingListOffer(@Ctx() ctx: RequestContext, @Args('id', { type: () => Int }) id: number): Promise<WaitingListEntry> {
    return this.offers.accept(ctx, id);
  }

  @Mutation(() => WaitingListEntry, { description: 'Turns the offer down; the entry ends, and the beds are offered to the next waiting entry that fits, or go back to sale.' })
  @Roles(...BOOKING)
  declineWaitingListOffer(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => Int }) id: number,
    @Args('reason', { type: () => String, nullable: true, description: 'Why, for the history.' }) reason?: string | null,
  ): Promise<WaitingListEntry> {
    return this.offers.decline(ctx, id, reason ?? null);
  }

  @ResolveField(() => Base, { description: 'The base whose beds it waits for.' })
  async base(@Ctx() ctx: RequestContext, @Parent() entry: WaitingListEntry): Promise<Base> {
    return (await this.bases.load(ctx, entry.baseId))!;
  }

  @ResolveField(() => TradeUnion, { description: 'The union it waits for.' })
  async union(@Ctx() ctx: RequestContext, @Parent() entry: WaitingListEntry): Promise<TradeUnion> {
    return (await this.unions.load(ctx, entry.unionId))!;
  }

  @ResolveField(() => Package, { description: "The package it would book; today's version." })
  async package(@Ctx() ctx: RequestContext, @Parent() entry: WaitingListEntry): Promise<Package> {
    return (await this.packages.load(ctx, entry.packageId))!;
  }

  @ResolveField(() => [WaitingListEvent], { description: 'Every move, oldest first: who, when, from, to and why.' })
  history(@Ctx() ctx: RequestContext, @Parent() entry: WaitingListEntry): Promise<WaitingListEvent[]> {
    return this.entries.history(ctx, entry.id);
  }
}
