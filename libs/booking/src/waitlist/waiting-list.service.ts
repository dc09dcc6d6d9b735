import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkGroupSize, PackageService, UnionPolicyService, UnionService } from '@app/base';
import {
  appendOutbox,
  outboxActor,
  addDays,
  checkPageSize,
  Clock,
  type ConnectionShape,
  decodeCursor,
  DomainException,
  encodeCursor,
  insertRow,
  isUniqueViolation,
  may,
  Permission,
  type RequestContext,
  requireAccess,
  TransactionRunner,
  type TxContext,
} from '@app/shared';
import { In } from 'typeorm';
import { batchScope, bookingUnion, canSee, scopeBatches } from '../batch/batch-access.js';
import { toTheSecond } from '../batch/batch-hold.service.js';
import type { JoinWaitingListInput, WaitingListArgs } from './join-waiting-list.input.js';
import { WaitingListEntry, WaitingListEvent } from './waiting-list-entry.entity.js';
import { WaitingListAction, WaitingListStatus } from './waiting-list-status.js';
import { WAITING_LIST_MACHINE } from './waiting-list-transitions.js';

/** The first moment of a calendar day in Asia/Shanghai (UTC+8, no daylight saving). */
function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

type EntryChanges = Partial<Pick<WaitingListEntry, 'offeredAt' | 'offerExpiresAt' | 'batchId'>>;

/**
 * The waiting list: joining (requestBatch's access and package rules), who sees which entries,
 * leaving, and the one way an entry's status changes (`move`, with its history row). Offers,
 * acceptance and the sweep are WaitingListOfferService's.
 */
@Injectable()
export class WaitingListService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly packages: PackageService,
    private readonly unions: UnionService,
    private readonly policies: UnionPolicyService,
    private readonly clock: Clock,
  ) {}

  /**
   * Puts a request on its base's waiting list, behind every entry that joined before it. The union,
   * package, group size and trip length are checked as requestBatch checks them; no bed is taken. With
   * an idempotency key, a retry returns the first entry; the same key with other details is a CONFLICT.
   */
  async join(ctx: RequestContext, input: JoinWaitingListInput): Promise<WaitingListEntry> {
    const actor = ctx.requireActor();
    const unionId = bookingUnion(ctx, input.unionId, input.agreementId);
    const today = this.clock.today();
    if (input.startDate < today) throw DomainException.badInput('startDate', `startDate ${input.startDate} is in the past; the earliest arrival is today (${today})`);
    const answerBy = input.answerBy ?? (input.startDate > today ? addDays(input.startDate, -1) : today);
    if (answerBy < today || answerBy > input.startDate) {
      throw DomainException.badInput('answerBy', `answerBy must be between today (${today}) and startDate (${input.startDate}); got ${answerBy}`);
    }
    const key = input.idempotencyKey ? createHash('sha256').update(input.idempotencyKey).digest('hex') : null;
    const requestHash = createHash('sha256')
      .update(JSON.stringify(['waitlist', input.packageId, input.startDate, input.headcount, unionId, answerBy, input.notes ?? null, input.agreementId ?? null]))
      .digest('hex');
    if (!may(ctx, Permission.BookForUnion, { unionId })) {
      const { regionId } = await this.unions.getOrThrow(ctx, unionId, 'unionId');
      requireAccess(ctx, Permission.BookForUnion, { unionId, regionId }, { message: `You book for the unions of your own region; union ${unionId} is in another`, field: 'unionId' });
    }
    if (key) {
      const existing = await this.db.read(ctx, (em) => em.findOneBy(WaitingListEntry, { unionId, idempotencyKeyHash: key }));
      if (existing) return this.replay(existing, requestHash);
    }
    try {
      return await this.db.transaction(ctx, async (tx) => {
        const { pkg, union, base, policy } = await this.packages.getForBookingOrThrow(tx, input.packageId, unionId, today, input.startDate);
        requireAccess(
          tx,
          Permission.BookForUnion,
          { unionId: union.id, regionId: union.regionId },
          { message: `You book for the unions of your own region; union ${union.id} is in another`, field: 'unionId' },
        );
        if (!pkg.active) throw DomainException.badInput('packageId', `Package ${pkg.id} ("${pkg.name}") is no longer offered`);
        checkGroupSize(pkg, input.headcount);
        this.policies.checkTrip(policy, pkg.nights);
        const now = toTheSecond(this.clock.now());
        const entry: WaitingListEntry = {
          id: 0,
          status: WaitingListStatus.WAITING,
          unionId,
          unionRegionId: union.regionId,
          baseId: base.id,
          baseRegionId: base.regionId,
          packageId: pkg.id,
          startDate: input.startDate,
          nights: pkg.nights,
          headcount: input.headcount,
          answerBy,
          expiresAt: startOfDay(addDays(answerBy, 1)),
          offeredAt: null,
          offerExpiresAt: null,
          batchId: null,
          agreementId: input.agreementId ?? null,
          notes: input.notes?.trim() || null,
          idempotencyKeyHash: key,
          requestHash,
          createdBy: actor.username,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        const { id: _unset, ...values } = entry;
        entry.id = await insertRow(tx.em, WaitingListEntry, values);
        await this.record(tx, entry, null, WaitingListStatus.WAITING, null, now);
        return entry;
      });
    } catch (error) {
      if (key && isUniqueViolation(error)) {
        const existing = await this.db.read(ctx, (em) => em.findOneBy(WaitingListEntry, { unionId, idempotencyKeyHash: key }));
        if (existing) return this.replay(existing, requestHash);
      }
      throw error;
    }
  }

  private replay(existing: WaitingListEntry, requestHash: string): WaitingListEntry {
    if (existing.requestHash !== requestHash) {
      throw DomainException.conflict(
        `The idempotencyKey was already used for waiting-list entry ${existing.id} with different details (package, startDate, headcount, union, answerBy, notes or agreement); resend exactly the first request, or use a new key`,
        { field: 'idempotencyKey' },
      );
    }
    return existing;
  }

  /** The entry if the caller sees it (its union's side, its base's operator, the federation); NOT_FOUND otherwise. */
  async getVisibleOrThrow(ctx: RequestContext, id: number, field = 'id'): Promise<WaitingListEntry> {
    const entry = await this.db.read(ctx, (em) => em.findOneBy(WaitingListEntry, { id }));
    if (!entry || !canSee(batchScope(ctx), entry)) throw DomainException.notFound('Waiting-list entry', id, field);
    return entry;
  }

  /**
   * The entry, its row locked until the transaction ends, if the caller acts for its union
   * (requestBatch's rule: the organiser, the region's partner, the admin): NOT_FOUND when they do not
   * see it, FORBIDDEN when they see it but do not book for its union (an approver).
   */
  async lockForUnionOrThrow(tx: TxContext, id: number): Promise<WaitingListEntry> {
    const entry = await this.lock(tx, id);
    if (!entry || !canSee(batchScope(tx), entry)) throw DomainException.notFound('Waiting-list entry', id, 'id');
    requireAccess(
      tx,
      Permission.BookForUnion,
      { unionId: entry.unionId, regionId: entry.unionRegionId },
      { message: `Only its union's organiser, its region's partner or the admin act on waiting-list entry ${id}` },
    );
    return entry;
  }

  /** The entry with its row locked (MySQL), whoever asks: the sweep's and the offers' read. */
  lock(tx: TxContext, id: number): Promise<WaitingListEntry | null> {
    return this.db.forUpdate(tx.em.createQueryBuilder(WaitingListEntry, 'w')).where('w.id = :id', { id }).getOne();
  }

  /** The union leaves the list while it waits (an offered entry is declined instead). */
  async leave(ctx: RequestContext, id: number, reason: string | null): Promise<WaitingListEntry> {
    const checked = WAITING_LIST_MACHINE.reasonFor(WaitingListAction.LEAVE, reason);
    return this.db.transaction(ctx, async (tx) => this.move(tx, await this.lockForUnionOrThrow(tx, id), WaitingListAction.LEAVE, checked));
  }

  /** A page of the entries the caller sees, in order of arrival (oldest first); two queries whatever the page size. */
  async list(ctx: RequestContext, args: WaitingListArgs): Promise<ConnectionShape<WaitingListEntry>> {
    const first = checkPageSize(args.first);
    const scope = batchScope(ctx);
    const afterId = args.after ? decodeCursor(args.after) : null;
    if ('none' in scope) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    const f = args.filter ?? {};
    return this.db.read(ctx, async (em) => {
      const query = () => {
        const qb = em.createQueryBuilder(WaitingListEntry, 'w');
        scopeBatches(qb, scope, 'w');
        if (f.status) qb.andWhere('w.status = :status', { status: f.status });
        if (f.baseId != null) qb.andWhere('w.baseId = :baseId', { baseId: f.baseId });
        if (f.unionId != null) qb.andWhere('w.unionId = :unionId', { unionId: f.unionId });
        return qb;
      };
      const totalCount = await query().getCount();
      const page = query();
      if (afterId !== null) page.andWhere('w.id > :afterId', { afterId });
      const rows = await page
        .orderBy('w.id', 'ASC')
        .take(first + 1)
        .getMany();
      const nodes = rows.slice(0, first);
      return {
        edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
        pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null },
        totalCount,
      };
    });
  }

  /** Decides a move without making it: FORBIDDEN for the role, INVALID_TRANSITION for the state, BAD_USER_INPUT for the reason. */
  plan(entry: WaitingListEntry, action: WaitingListAction, ctx: RequestContext, reason: string | null = null): void {
    WAITING_LIST_MACHINE.plan(action, entry.status, ctx.requireActor().role, reason);
  }

  /** One move of the table with its history row, in the caller's transaction (which holds the row lock); `changes` go with it. */
  async move(tx: TxContext, entry: WaitingListEntry, action: WaitingListAction, reason: string | null, changes: EntryChanges = {}): Promise<WaitingListEntry> {
    const move = WAITING_LIST_MACHINE.plan(action, entry.status, tx.requireActor().role, reason);
    const now = toTheSecond(this.clock.now());
    const result = await tx.em
      .createQueryBuilder()
      .update(WaitingListEntry)
      .set({ status: move.to, updatedAt: now, ...changes })
      .where('id = :id AND status = :from', { id: entry.id, from: move.from })
      .execute();
    // The row is locked by the caller: a miss means someone moved it without the lock, which is a bug.
    if (result.affected !== 1) throw new Error(`Waiting-list entry ${entry.id} was not ${move.from} when moved to ${move.to}`);
    await this.record(tx, { ...entry, ...changes }, move.from, move.to, move.reason, now);
    return { ...entry, ...changes, status: move.to, updatedAt: now };
  }

  /** Moves of an entry, oldest first. */
  history(ctx: RequestContext, entryId: number): Promise<WaitingListEvent[]> {
    return ctx.loadGroup(
      'waitingListHistory',
      entryId,
      (ids) => this.db.read(ctx, (em) => em.find(WaitingListEvent, { where: { entryId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.entryId,
    );
  }

  /** The history row and its outbox event (`waiting_list.status_changed`: an offer, its lapse, the batch it became). */
  private async record(tx: TxContext, entry: WaitingListEntry, from: WaitingListStatus | null, to: WaitingListStatus, reason: string | null, at: Date): Promise<void> {
    const actor = tx.requireActor();
    await insertRow(tx.em, WaitingListEvent, { entryId: entry.id, from, to, actor: actor.username, actorId: actor.userId, reason, at });
    await appendOutbox(tx.em, {
      type: 'waiting_list.status_changed',
      batchId: entry.batchId ?? null,
      unionId: entry.unionId,
      regionId: entry.unionRegionId,
      at,
      data: {
        entryId: entry.id,
        from,
        to,
        baseId: entry.baseId,
        packageId: entry.packageId,
        startDate: entry.startDate,
        headcount: entry.headcount,
        offerExpiresAt: entry.offerExpiresAt?.toISOString() ?? null,
        batchId: entry.batchId ?? null,
        reason,
        by: outboxActor(actor),
      },
    });
  }
}
