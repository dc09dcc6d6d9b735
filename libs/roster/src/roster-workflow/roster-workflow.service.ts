import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { BaseService, HolidayService, UnionPolicyService, UnionService } from '@app/base';
import { APP_CONFIG, type AppConfig, appendOutbox, Clock, DomainException, ErrorCode, insertRow, outboxActor, may, Permission, RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { type Batch, BatchHoldService, BatchQueryService, BatchStatus, BatchStep } from '@app/booking';
import { PaperworkAccessService } from '../paperwork-access/paperwork-access.service.js';
import { Participant } from '../participant/participant.entity.js';
import { RosterEvent } from './roster-event.entity.js';
import { draftRoster, Roster } from '../roster-state/roster.entity.js';
import { ROSTER_MACHINE, RosterAction, RosterStatus } from '../roster-state/roster-status.js';

/** The list moves only while the batch is still ahead of its stay. */
const OPEN = [BatchStatus.REQUESTED, BatchStatus.CONFIRMED];
const ENDED = new Set([BatchStatus.CANCELLED, BatchStatus.REJECTED, BatchStatus.EXPIRED]);

/** The step a held batch waits for once its list is in each status. */
const NEXT_STEP: Record<RosterStatus, BatchStep> = {
  [RosterStatus.DRAFT]: BatchStep.SUBMIT_LIST,
  [RosterStatus.SUBMITTED]: BatchStep.APPROVE_LIST,
  [RosterStatus.APPROVED]: BatchStep.PUBLISH_LIST,
  [RosterStatus.PUBLISHED]: BatchStep.CONFIRM,
  [RosterStatus.CLEARED]: BatchStep.CONFIRM,
};

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
  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
    private readonly holds: BatchHoldService,
    private readonly policies: UnionPolicyService,
    private readonly holidays: HolidayService,
    private readonly unions: UnionService,
    private readonly bases: BaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly access: PaperworkAccessService,
  ) {}

  /** DRAFT → SUBMITTED: the organiser (or the partner standing in for a union without one) hands in the complete list. */
  submit(ctx: RequestContext, batchId: number): Promise<Batch> {
    return this.move(ctx, batchId, RosterAction.SUBMIT, null, async (tx, batch) => {
      const listed = await tx.em.countBy(Participant, { batchId: batch.id });
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
    return this.move(ctx, batchId, RosterAction.REJECT, reason);
  }

  /** APPROVED → PUBLISHED: posted for the policy's working days (weekends and holidays skipped), behind an unguessable link. */
  publish(ctx: RequestContext, batchId: number): Promise<Batch> {
    return this.move(ctx, batchId, RosterAction.PUBLISH, null, async (tx, batch, roster) => {
      const policy = await this.policies.forBatch(tx, batch);
      const today = this.clock.today();
      const clearsOn = await this.holidays.dayAfterWorkingDays(tx, today, policy.publicationWorkingDays);
      // The base confirms only a cleared list, so a notice that ends after arrival could never let the batch go.
      if (clearsOn > batch.startDate) {
        throw new DomainException(
          ErrorCode.INVALID_TRANSITION,
          `Posted today, the list of batch ${batch.reference} would clear on ${clearsOn} (${policy.publicationWorkingDays} working days), after its arrival on ${batch.startDate}: the base could not confirm it in time. Move the batch later or ask the union to shorten the notice (setUnionPolicy publicationWorkingDays)`,
          { from: roster.status, to: RosterStatus.PUBLISHED, clearsOn, startDate: batch.startDate },
        );
      }
      return { token: randomBytes(24).toString('base64url'), publishedOn: today, clearsOn };
    });
  }

  /** PUBLISHED → SUBMITTED: an objection during the notice period; the link stops working. */
  object(ctx: RequestContext, batchId: number, reason: string): Promise<Batch> {
    return this.move(ctx, batchId, RosterAction.OBJECT, reason, async () => ({ token: null, publishedOn: null, clearsOn: null }));
  }

  /**
   * In the lifecycle's transaction, as the batch ends (cancelled, rejected, expired): the list goes
   * back to a DRAFT with a history event, and its public link and dates are gone.
   */
  async withdraw(tx: TxContext, batch: Batch, why: string): Promise<void> {
    const roster = await this.rosterOf(tx, batch.id);
    if (roster.status === RosterStatus.DRAFT) return;
    await this.apply(RequestContext.system().withManager(tx.em), batch, roster, RosterAction.WITHDRAW, why, { token: null, publishedOn: null, clearsOn: null });
  }

  /**
   * In the caller's transaction, with the batch locked: a PUBLISHED list whose period is over becomes
   * CLEARED. Answers the roster as it now stands.
   */
  async clearIfDue(tx: TxContext, batch: Batch, today = this.clock.today()): Promise<Roster | null> {
    const roster = await this.rosterOf(tx, batch.id);
    if (!OPEN.includes(batch.status) || roster.status !== RosterStatus.PUBLISHED || !roster.clearsOn || roster.clearsOn > today) return null;
    return this.apply(RequestContext.system().withManager(tx.em), batch, roster, RosterAction.CLEAR, `no objection by ${roster.clearsOn}`, {});
  }

  /** The batch's roster as the caller's transaction sees it (a DRAFT when none was written yet). */
  async rosterOf(tx: TxContext, batchId: number): Promise<Roster> {
    return (await tx.em.findOneBy(Roster, { batchId })) ?? draftRoster(batchId);
  }

  /** The batch's roster for reading its fields, batched per request. */
  load(ctx: RequestContext, batchId: number): Promise<Roster> {
    return ctx
      .loader<number, Roster>('roster', async (ids) => {
        const rows = await this.db.read(ctx, (em) => em.findBy(Roster, { batchId: In([...ids]) }));
        return ids.map((id) => rows.find((r) => r.batchId === id) ?? draftRoster(id));
      })
      .load(batchId);
  }

  /** The posted list, for anyone with the link: names masked, employer and category; never documents or phones. */
  async published(ctx: RequestContext, token: string): Promise<PublishedRoster> {
    const posted = await this.findPublished(ctx, token);
    if (!posted)
      throw new DomainException(
        ErrorCode.NOT_FOUND,
        'No published roster at that link: check it was copied whole; a list is taken down when an objection is raised, or when its batch is cancelled, rejected or expires',
        { field: 'token' },
      );
    return posted;
  }

  /** As published(), null when nothing is posted at that link (the notice page answers its own 404). */
  async findPublished(ctx: RequestContext, token: string): Promise<PublishedRoster | null> {
    const roster = token.length >= 20 && token.length <= 64 ? await this.db.read(ctx, (em) => em.findOneBy(Roster, { token })) : null;
    const batch = roster ? await this.batches.getVisibleOrThrow(RequestContext.system(), roster.batchId) : null;
    // A batch that will not go takes its link down as it ends; the status check is the second lock on that door.
    if (!roster || !batch || ENDED.has(batch.status) || (roster.status !== RosterStatus.PUBLISHED && roster.status !== RosterStatus.CLEARED)) return null;
    const people = await this.db.read(ctx, (em) => em.find(Participant, { select: { name: true, employer: true, category: true }, where: { batchId: batch.id }, order: { id: 'ASC' } }));
    const [union, base] = await Promise.all([this.unions.getOrThrow(ctx, batch.unionId), this.bases.getOrThrow(ctx, batch.baseId)]);
    return {
      batchReference: batch.reference,
      unionName: union.name,
      baseName: base.name,
      startDate: batch.startDate,
      endDate: batch.endDate,
      status: roster.status,
      publishedOn: roster.publishedOn!,
      clearsOn: roster.clearsOn!,
      people: people.map((p) => ({ name: maskName(p.name), employer: p.employer, category: p.category })),
    };
  }

  history(ctx: RequestContext, batchId: number): Promise<RosterEvent[]> {
    return ctx.loadGroup(
      'rosterHistory',
      batchId,
      (ids) => this.db.read(ctx, (em) => em.find(RosterEvent, { where: { batchId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.batchId,
    );
  }

  /** The union's organisers and approvers, and the admin, see the link; nobody else. */
  async tokenFor(ctx: RequestContext, batch: Batch): Promise<string | null> {
    return may(ctx, Permission.ActForUnion, batch) ? (await this.load(ctx, batch.id)).token : null;
  }

  /** The reason is checked as the table asks before anything is loaded: a blank required one is BAD_USER_INPUT whatever the roster. */
  private async move(
    ctx: RequestContext,
    batchId: number,
    action: RosterAction,
    reason: string | null,
    prepare?: (tx: TxContext, batch: Batch, roster: Roster) => Promise<Partial<Roster>>,
  ): Promise<Batch> {
    ROSTER_MACHINE.reasonFor(action, reason);
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.batches.lockVisibleOrThrow(tx, batchId, 'batchId');
      const actor = tx.requireActor();
      await this.access.require(tx, Permission.ActForUnion, batch, { message: "Only the batch's union moves its roster", field: 'batchId' });
      if (!OPEN.includes(batch.status)) throw DomainException.wrongState(batch.status, `Batch ${batch.reference} is ${batch.status}; its roster no longer moves`);
      const roster = await this.rosterOf(tx, batch.id);
      ROSTER_MACHINE.plan(action, roster.status, actor.role, reason);
      const changes = prepare ? await prepare(tx, batch, roster) : {};
      await this.apply(tx, batch, roster, action, reason, changes);
      return this.batches.lockVisibleOrThrow(tx, batchId, 'batchId');
    });
  }

  /** One move of the table on a locked batch's roster: the row (written on its first move) and its history event. */
  private async apply(tx: TxContext, batch: Batch, roster: Roster, action: RosterAction, reason: string | null, changes: Partial<Roster>): Promise<Roster> {
    const actor = tx.requireActor();
    const move = ROSTER_MACHINE.plan(action, roster.status, actor.role, reason);
    const now = new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
    const next = { ...roster, ...changes, status: move.to, updatedAt: now };
    const exists = await tx.em.existsBy(Roster, { batchId: batch.id });
    if (!exists) {
      await tx.em.createQueryBuilder().insert().into(Roster).values(next).updateEntity(false).execute();
    } else {
      const result = await tx.em
        .createQueryBuilder()
        .update(Roster)
        .set({ ...changes, status: move.to, updatedAt: now })
        .where('batchId = :id AND status = :from', { id: batch.id, from: roster.status })
        .execute();
      if (result.affected !== 1) throw new Error(`The roster of batch ${batch.id} changed under a row lock (${roster.status} → ${move.to})`);
    }
    await insertRow(tx.em, RosterEvent, { batchId: batch.id, from: move.from, to: move.to, actor: actor.username, actorId: actor.userId, reason: move.reason, at: now });
    // The notice's address as the notice page serves it (notice/notice-link.ts; not imported: notice depends on this folder).
    const noticeUrl = move.to === RosterStatus.PUBLISHED && next.token ? `${this.config.publicUrl}/notice/${encodeURIComponent(next.token)}` : null;
    await appendOutbox(tx.em, {
      type: 'roster.status_changed',
      batchId: batch.id,
      unionId: batch.unionId,
      regionId: batch.unionRegionId,
      data: {
        batchId: batch.id,
        reference: batch.reference,
        unionId: batch.unionId,
        from: move.from,
        to: move.to,
        reason: move.reason,
        noticeUrl,
        clearsOn: next.clearsOn ?? null,
        by: outboxActor(actor),
      },
      at: now,
    });
    // A held batch's beds follow the list: held to the deadline of the step it now waits for (a batch that ends holds none).
    if (action !== RosterAction.WITHDRAW) await this.holds.waitFor(tx, batch, NEXT_STEP[move.to], { clearsOn: next.clearsOn });
    return next;
  }
}
