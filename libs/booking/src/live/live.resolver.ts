import { Args, Context, Int, Resolver, Subscription } from '@nestjs/graphql';
import { BaseService, CapacityCalendarService } from '@app/base';
import { type CalendarDate, Ctx, DateScalar, DomainException, type GqlContext, RequestContext, SessionCheck, SignedIn } from '@app/shared';
import { BatchQueryService } from '../batch/batch-query.service.js';
import { ChangeFeed, type FeedEvent } from './change-feed.service.js';
import { BaseCalendarUpdate, BatchUpdate } from './live-update.model.js';

/** What an update stream yields: an update, or why the subscription ends (sent as its last, failed, result). */
type Sent<T> = T | DomainException;

/** The update itself, or the refusal that ends the subscription as a GraphQL error with its code. */
const unlessEnded = <T>(payload: Sent<T>): T => {
  if (payload instanceof DomainException) throw payload;
  return payload;
};

/**
 * Live views over graphql-ws (the same /graphql address, `connectionParams: { authorization:
 * "Bearer <accessToken>" }`): a union's batches for its organiser, a base's calendar for its
 * operator. Fed by ChangeFeed, so a change made by any user, through any API process, reaches every
 * subscriber who may see it; each update is built with the subscriber's token checked again.
 */
@Resolver()
export class LiveResolver {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly queries: BatchQueryService,
    private readonly calendars: CapacityCalendarService,
    private readonly bases: BaseService,
    private readonly sessions: SessionCheck,
  ) {}

  @Subscription(() => BatchUpdate, {
    description: 'Each change of a batch the caller may see (its own union’s, its base’s, its region’s exchange stays; all for the admin), optionally of one union only.',
    resolve: unlessEnded,
  })
  @SignedIn()
  batchUpdated(@Context() gql: GqlContext, @Args('unionId', { type: () => Int, nullable: true }) unionId?: number | null): AsyncIterableIterator<Sent<BatchUpdate>> {
    return this.stream(
      gql,
      (change) => change.kind === 'batch' && (unionId == null || change.unionId === unionId),
      async (ctx, change) => {
        if (change.kind !== 'batch') return null;
        const batch = await this.queries.loadVisible(ctx, change.event.batchId);
        return batch ? { event: change.event, batch } : null;
      },
    );
  }

  @Subscription(() => BaseCalendarUpdate, {
    description:
      "A base's nights from…to (at most 366): sent once on subscribing, then whenever a batch there changes on any of those nights, or its operator or an admin sets their beds, closes or reopens any of them.",
    resolve: unlessEnded,
  })
  @SignedIn()
  async baseCalendarUpdated(
    @Ctx() ctx: RequestContext,
    @Context() gql: GqlContext,
    @Args('baseId', { type: () => Int }) baseId: number,
    @Args('from', { type: () => DateScalar }) from: CalendarDate,
    @Args('to', { type: () => DateScalar }) to: CalendarDate,
  ): Promise<AsyncIterableIterator<Sent<BaseCalendarUpdate>>> {
    // Refused before anything streams: an unknown base, a range too long or backwards.
    await this.bases.getOrThrow(ctx, baseId, 'baseId');
    // The nights now: read once, to refuse a bad range before anything streams and to send as the first update.
    const now = await this.calendars.calendar(ctx, baseId, from, to);
    return this.stream(
      gql,
      (change) =>
        change.kind === 'batch'
          ? // A stay's nights run from its start to the night before it leaves.
            change.baseId === baseId && change.startDate <= to && change.endDate > from
          : change.change.baseId === baseId && change.change.from <= to && change.change.to >= from,
      async (fresh, change) => ({
        baseId,
        batchId: change.kind === 'batch' ? change.event.batchId : null,
        nightsChange: change.kind === 'nights' ? change.change.kind : null,
        from,
        to,
        nights: await this.calendars.calendar(fresh, baseId, from, to),
      }),
      () => Promise.resolve({ baseId, batchId: null, nightsChange: null, from, to, nights: now }),
    );
  }

  /**
   * The updates for one subscription: the changes `match` picks, each built by `build` for the actor
   * the token stands for now (null: nothing this subscriber may see). Ends when the client stops,
   * or, after sending the refusal, when the token no longer holds.
   */
  private stream<T>(
    gql: GqlContext,
    match: (change: FeedEvent) => boolean,
    build: (ctx: RequestContext, change: FeedEvent) => Promise<T | null>,
    first?: (ctx: RequestContext) => Promise<T>,
  ): AsyncIterableIterator<Sent<T>> {
    const token = /^Bearer\s+(\S+)$/i.exec(gql.req.headers.authorization ?? '')?.[1] ?? '';
    const queue: FeedEvent[] = [];
    let wake: (() => void) | null = null;
    let ended = false;
    let opening = first;
    const unlisten = this.feed.listen((change) => {
      if (!match(change)) return;
      queue.push(change);
      wake?.();
    });
    const end = (): IteratorResult<Sent<T>> => {
      ended = true;
      unlisten();
      wake?.();
      return { done: true, value: undefined };
    };
    const sessions = this.sessions;
    return {
      async next(): Promise<IteratorResult<Sent<T>>> {
        // `ended` is set by return() while this loop waits for a change.
        // eslint-disable-next-line no-unmodified-loop-condition
        while (!ended) {
          if (!opening && queue.length === 0) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          let actorCtx: RequestContext;
          try {
            actorCtx = RequestContext.forActor(await sessions.verify(RequestContext.anonymous(), token));
          } catch (error) {
            end();
            return { done: false, value: error instanceof DomainException ? error : DomainException.unauthenticated() };
          }
          if (opening) {
            const value = await opening(actorCtx);
            opening = undefined;
            return { done: false, value };
          }
          const value = await build(actorCtx, queue.shift()!);
          if (value !== null) return { done: false, value };
        }
        return { done: true, value: undefined };
      },
      return: () => Promise.resolve(end()),
      throw: (error: unknown) => {
        end();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
