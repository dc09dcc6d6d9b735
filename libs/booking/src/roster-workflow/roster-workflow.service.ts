import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { BaseService, HolidayService, UnionPolicyService, UnionService } from '@app/base';
import { APP_CONFIG, type AppConfig, checkReason, DomainException, ErrorCode, insertRow, nowToTheSecond, RequestContext, Role, todayInShanghai, TransactionRunner } from '@app/shared';
import { In, LessThanOrEqual } from 'typeorm';
import { BatchQueryService } from '../batch/batch-query.service.js';
import { BatchStatus } from '../batch/batch-status.js';
import { Batch } from '../batch/batch.entity.js';
import { Participant } from '../participant/participant.entity.js';
import { RosterEvent } from './roster-event.entity.js';
import { RosterAction, RosterStatus, planRosterTransition } from './roster-status.js';

/** The list moves only while the batch is still ahead of its stay. */
const OPEN = [BatchStatus.REQUESTED, BatchStatus.CONFIRMED];
const ENDED = new Set([BatchStatus.CANCELLED, BatchStatus.REJECTED, BatchStatus.EXPIRED]);

/** A name as posted: the first and last characters kept, the rest starred (张*明, 欧阳**华, 李*); a one-character name is all star. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export interface PublishedPerson {
  name: string;
  employer: string;
  category: string;
}

export interface PublishedRoster {
  batchReference: string;
  unionName: string;
  baseName: string;
  startDate: string;
  endDate: string;
  status: RosterStatus;
  publishedOn: string;
  clearsOn: string;
  people: PublishedPerson[];
}

/**
 * The union's approval and public notice of a rooming list: one transition table, each move one
 * transaction with the batch row locked and its history event.
 */
@Injectable()
export class RosterWorkflowService {
  private readonly logger = new Logger(RosterWorkflowService.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
    private readonly policies: UnionPolicyService,
    private readonly holidays: HolidayService,
    private readonly unions: UnionService,
    private readonly bases: BaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** DRAFT → SUBMITTED: the organiser hands in the complete list. */
  submit(ctx: RequestContext, batchId: number): Promise<Batch> {
    return this.move(ctx, batchId, RosterAction.SUBMIT, null, async (tx, batch) => {
      const listed = await tx.em!.countBy(Participant, { batchId: batch.id });
      if (listed !== batch.headcount) {
        throw DomainException.badInput('batchId', `The list of batch ${batch.reference} has ${listed} of ${batch.headcount} people; submit it complete`, { participantCount: listed });
      }
      return {};
    });
  }

  approve(ctx: RequestContext, batchId: number): Promise<Batch> {
    return this.move(ctx, batchId, RosterAction.APPROVE, null);
  }

  reject(ctx: RequestContext, batchId: number, reason: string): Promise<Batch> {
    return this.move(ctx, batchId, RosterAction.REJECT, checkReason(reason, true));
  }

  /** APPROVED → PUBLISHED: posted for the policy's working days (weekends and holidays skipped), behind an unguessable link. */
  publish(ctx: RequestContext, batchId: number): Promise<Batch> {
    return this.move(ctx, batchId, RosterAction.PUBLISH, null, async (tx, batch) => {
      const policy = await this.policies.forBatch(tx, batch);
      const today = todayInShanghai();
      const clearsOn = await this.holidays.dayAfterWorkingDays(tx, today, policy.publicationWorkingDays);
      // The base confirms only a cleared list, so a notice that ends after arrival could never let the batch go.
      if (clearsOn > batch.startDate) {
        throw new DomainException(
          ErrorCode.INVALID_TRANSITION,
          `Posted today, the list of batch ${batch.reference} would clear on ${clearsOn} (${policy.publicationWorkingDays} working days), after its arrival on ${batch.startDate}: the base could not confirm it in time. Move the batch later or ask the union to shorten the notice (setUnionPolicy publicationWorkingDays)`,
          { from: batch.rosterStatus, to: RosterStatus.PUBLISHED, clearsOn, startDate: batch.startDate },
        );
      }
      // A held request keeps its beds through the notice and two days more, for the base to confirm.
      const holdUntil = new Date(Date.parse(`${clearsOn}T23:59:59+08:00`) + 2 * 86_400_000);
      const hold = batch.status === BatchStatus.REQUESTED && batch.holdExpiresAt && batch.holdExpiresAt < holdUntil ? { holdExpiresAt: new Date(Math.floor(holdUntil.getTime() / 1000) * 1000) } : {};
      return { rosterToken: randomBytes(24).toString('base64url'), rosterPublishedOn: today, rosterClearsOn: clearsOn, ...hold };
    });
  }

  /** PUBLISHED → SUBMITTED: an objection during the notice period; the link stops working. */
  object(ctx: RequestContext, batchId: number, reason: string): Promise<Batch> {
    return this.move(ctx, batchId, RosterAction.OBJECT, checkReason(reason, true), async () => ({ rosterToken: null, rosterPublishedOn: null, rosterClearsOn: null }));
  }

  /** PUBLISHED → CLEARED for every list whose notice period has ended by `today` (the sweep); returns how many. */
  async clearDue(now: Date = new Date()): Promise<number> {
    const ctx = RequestContext.system();
    const today = todayInShanghai(now);
    const due = await this.db.read(ctx, (em) => em.find(Batch, { select: { id: true }, where: { rosterStatus: RosterStatus.PUBLISHED, rosterClearsOn: LessThanOrEqual(today), status: In(OPEN) } }));
    let cleared = 0;
    for (const { id } of due) {
      try {
        await this.db.transaction(ctx, async (tx) => {
          const batch = await this.batches.lockVisibleOrThrow(tx, id);
          if (await this.clearIfDue(tx, batch, today)) cleared++;
        });
      } catch (error) {
        this.logger.error(`could not clear the roster of batch ${id}: ${(error as Error).message}`);
      }
    }
    return cleared;
  }

  /**
   * In the lifecycle's transaction, as the batch ends (cancelled, rejected, expired): the list goes
   * back to a DRAFT with a history event, and its public link and dates are gone.
   */
  async withdraw(tx: RequestContext, batch: Batch, why: string): Promise<void> {
    if (batch.rosterStatus === RosterStatus.DRAFT) return;
    const changes = { rosterToken: null, rosterPublishedOn: null, rosterClearsOn: null };
    await this.apply(RequestContext.system().withManager(tx.em!), batch, RosterAction.WITHDRAW, why, changes);
    Object.assign(batch, changes, { rosterStatus: RosterStatus.DRAFT });
  }

  /** In the caller's transaction, with the batch locked: a PUBLISHED list whose period is over becomes CLEARED. */
  async clearIfDue(tx: RequestContext, batch: Batch, today = todayInShanghai()): Promise<boolean> {
    if (!OPEN.includes(batch.status) || batch.rosterStatus !== RosterStatus.PUBLISHED || !batch.rosterClearsOn || batch.rosterClearsOn > today) return false;
    await this.apply(RequestContext.system().withManager(tx.em!), batch, RosterAction.CLEAR, `no objection by ${batch.rosterClearsOn}`, {});
    batch.rosterStatus = RosterStatus.CLEARED;
    return true;
  }

  /** The posted list, for anyone with the link: names masked, employer and category; never documents or phones. */
  async published(ctx: RequestContext, token: string): Promise<PublishedRoster> {
    const batch = token.length >= 20 && token.length <= 64 ? await this.db.read(ctx, (em) => em.findOneBy(Batch, { rosterToken: token })) : null;
    // A batch that will not go takes its link down as it ends; the status check is the second lock on that door.
    if (!batch || ENDED.has(batch.status) || (batch.rosterStatus !== RosterStatus.PUBLISHED && batch.rosterStatus !== RosterStatus.CLEARED)) throw new DomainException(ErrorCode.NOT_FOUND, 'No published roster at that link: check it was copied whole; a list is taken down when an objection is raised, or when its batch is cancelled, rejected or expires', { field: 'token' });
    const people = await this.db.read(ctx, (em) => em.find(Participant, { select: { name: true, employer: true, category: true }, where: { batchId: batch.id }, order: { id: 'ASC' } }));
    const [union, base] = await Promise.all([this.unions.getOrThrow(ctx, batch.unionId), this.bases.getOrThrow(ctx, batch.baseId)]);
    return {
      batchReference: batch.reference,
      unionName: union.name,
      baseName: base.name,
      startDate: batch.startDate,
      endDate: batch.endDate,
      status: batch.rosterStatus,
      publishedOn: batch.rosterPublishedOn!,
      clearsOn: batch.rosterClearsOn!,
      people: people.map((p) => ({ name: maskName(p.name), employer: p.employer, category: p.category })),
    };
  }

  history(ctx: RequestContext, batchId: number): Promise<RosterEvent[]> {
    return ctx.loadGroup('rosterHistory', batchId, (ids) => this.db.read(ctx, (em) => em.find(RosterEvent, { where: { batchId: In(ids) }, order: { id: 'ASC' } })), (e) => e.batchId);
  }

  /** The union's organisers and approvers, and the admin, see the link; nobody else. */
  tokenFor(ctx: RequestContext, batch: Batch): string | null {
    const actor = ctx.actor;
    if (!actor) return null;
    if (actor.role === Role.ADMIN || ((actor.role === Role.UNION_ORGANISER || actor.role === Role.UNION_APPROVER) && actor.unionId === batch.unionId)) return batch.rosterToken;
    return null;
  }

  private move(ctx: RequestContext, batchId: number, action: RosterAction, reason: string | null, prepare?: (tx: RequestContext, batch: Batch) => Promise<Partial<Batch>>): Promise<Batch> {
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.batches.lockVisibleOrThrow(tx, batchId, 'batchId');
      const actor = tx.requireActor();
      if (actor.role !== Role.ADMIN && actor.role !== 'SYSTEM' && actor.unionId !== batch.unionId) {
        throw DomainException.forbidden("Only the batch's union moves its roster", { field: 'batchId' });
      }
      if (!OPEN.includes(batch.status)) throw DomainException.wrongState(batch.status, `Batch ${batch.reference} is ${batch.status}; its roster no longer moves`);
      planRosterTransition(action, batch.rosterStatus, actor.role);
      const changes = prepare ? await prepare(tx, batch) : {};
      return this.apply(tx, batch, action, reason, changes);
    });
  }

  private async apply(tx: RequestContext, batch: Batch, action: RosterAction, reason: string | null, changes: Partial<Batch>): Promise<Batch> {
    const rule = planRosterTransition(action, batch.rosterStatus, tx.requireActor().role);
    const now = nowToTheSecond();
    const result = await tx.em!
      .createQueryBuilder()
      .update(Batch)
      .set({ ...changes, rosterStatus: rule.to, updatedAt: now })
      .where('id = :id AND rosterStatus = :from', { id: batch.id, from: batch.rosterStatus })
      .execute();
    if (result.affected !== 1) throw new Error(`The roster of batch ${batch.id} changed under a row lock (${batch.rosterStatus} → ${rule.to})`);
    const actor = tx.requireActor();
    await insertRow(tx.em!, RosterEvent, { batchId: batch.id, from: batch.rosterStatus, to: rule.to, actor: actor.username, actorId: actor.userId, reason, at: now });
    return { ...batch, ...changes, rosterStatus: rule.to, updatedAt: now };
  }
}

