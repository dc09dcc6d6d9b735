import { Args, Field, Float, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { TradeUnion } from '@app/base';
import { Batch } from '@app/booking';
import { addDays, Ctx, DateScalar, may, Permission, type RequestContext, todayInShanghai } from '@app/shared';
import { Participant } from './participant.entity.js';
import { ParticipantQueryService } from './participant-query.service.js';

/** The rooming list as fields of a batch; one query per field for a whole page of batches. */
@Resolver(() => Batch)
export class BatchRosterResolver {
  constructor(private readonly roster: ParticipantQueryService) {}

  @ResolveField(() => [Participant], { description: 'The rooming list, in the order people were added (or those who never went on a stay first); ID numbers and phones masked.' })
  async participants(
    @Ctx() ctx: RequestContext,
    @Parent() batch: Batch,
    @Args('neverWentFirst', { type: () => Boolean, defaultValue: false, description: 'People with no earlier stay first (the goal: every worker once in five years).' }) neverWentFirst: boolean,
  ): Promise<Participant[]> {
    const list = await this.roster.list(ctx, batch.id);
    if (!neverWentFirst) return list;
    const last = await Promise.all(list.map((p) => this.roster.lastStayDate(ctx, p)));
    return list
      .map((p, i) => ({ p, last: last[i] }))
      .sort((a, b) => (a.last === null ? 0 : 1) - (b.last === null ? 0 : 1) || (a.last ?? '').localeCompare(b.last ?? ''))
      .map((x) => x.p);
  }

  @ResolveField(() => Int, { description: 'People on the rooming list; must equal headcount at check-in.' })
  participantCount(@Ctx() ctx: RequestContext, @Parent() batch: Batch): Promise<number> {
    return this.roster.count(ctx, batch.id);
  }
}

/** When each person last went: found by keyed hash across batches. */
@Resolver(() => Participant)
export class ParticipantStayResolver {
  constructor(private readonly roster: ParticipantQueryService) {}

  @ResolveField(() => DateScalar, { nullable: true, description: 'Arrival day of their latest earlier stay that went ahead (any union); null if they never went.' })
  lastStayDate(@Ctx() ctx: RequestContext, @Parent() participant: Participant): Promise<string | null> {
    return this.roster.lastStayDate(ctx, participant);
  }
}

@ObjectType({ description: "A union's coverage: distinct people who went on a stay with it in the last five years, against its members." })
export class UnionCoverage {
  @Field(() => DateScalar, { description: 'Stays arriving from this day (five years ago) count.' })
  since: string;

  @Field(() => Int)
  peopleWithStay: number;

  @Field(() => Int, { nullable: true })
  memberCount: number | null;

  @Field(() => Float, { nullable: true, description: 'peopleWithStay ÷ memberCount in percent, one decimal; null without a member count.' })
  percent: number | null;
}

/** Coverage, for the union's own organisers and approvers and the admin. */
@Resolver(() => TradeUnion)
export class UnionCoverageResolver {
  constructor(private readonly roster: ParticipantQueryService) {}

  @ResolveField(() => UnionCoverage, {
    nullable: true,
    description: "Distinct people with a stay in the last five years against the member count; the union's own organisers and approvers and the admin see it.",
  })
  async coverage(@Ctx() ctx: RequestContext, @Parent() union: TradeUnion): Promise<UnionCoverage | null> {
    if (!may(ctx, Permission.ActForUnion, { unionId: union.id })) return null;
    const today = todayInShanghai();
    const since = `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
    const people = await this.roster.peopleWithStay(ctx, union.id, addDays(since, 1));
    return { since: addDays(since, 1), peopleWithStay: people, memberCount: union.memberCount, percent: union.memberCount ? Math.round((people / union.memberCount) * 1000) / 10 : null };
  }
}
