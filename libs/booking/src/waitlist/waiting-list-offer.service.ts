import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CapacityService } from '@app/base';
import { APP_CONFIG, type AppConfig, Clock, DomainException, type RequestContext, sweepDue, TransactionRunner, type TxContext } from '@app/shared';
import { MoreThan } from 'typeorm';
import { toTheSecond } from '../batch/batch-hold.service.js';
import { BatchRequestService } from '../batch/batch-request.service.js';
import { BatchRules, type HeldBeds } from '../batch/batch-rules.js';
import { WaitingListEntry } from './waiting-list-entry.entity.js';
import { WaitingListAction, WaitingListStatus } from './waiting-list-status.js';
import { WaitingListService } from './waiting-list.service.js';

/**
 * Offers and their answers. Beds are offered only here, one entry per transaction: the entry's row
 * locked and re-read, then the same guarded capacity UPDATE a booking uses (`reservedBeds + n <=
 * totalBeds` on every night, nothing taken unless all match). Whoever runs it — the sweep, a decline
 * in this process, two processes at once — the counter cannot hand the same beds to two entries,
 * and an entry cannot be offered twice (its status is re-checked under its lock).
 */
@Injectable()
export class WaitingListOfferService implements OnModuleInit {
  private readonly logger = new Logger(WaitingListOfferService.name);

  constructor(
    private readonly db: TransactionRunner,
    private readonly entries: WaitingListService,
    private readonly capacity: CapacityService,
    private readonly requests: BatchRequestService,
    private readonly rules: BatchRules,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The capacity audit counts the beds held for open offers like those of batches. */
  onModuleInit(): void {
    this.rules.register({ bedsHeld: (tx) => this.bedsHeld(tx) });
  }

  private async bedsHeld(tx: TxContext): Promise<HeldBeds[]> {
    const offered = await tx.em.find(WaitingListEntry, { select: { baseId: true, startDate: true, nights: true, headcount: true }, where: { status: WaitingListStatus.OFFERED } });
    return offered.map((e) => ({ baseId: e.baseId, startDate: e.startDate, nights: e.nights, beds: e.headcount }));
  }

  /**
   * Goes through the WAITING entries (of one base, or all) in order of arrival and offers the beds to
   * each whose nights all fit now, each in its own transaction; returns how many were offered.
   */
  offerWaiting(now: Date, baseId?: number): Promise<number> {
    return sweepDue({
      db: this.db,
      logger: this.logger,
      item: 'waiting-list entry',
      counts: 'waiting-list offers made',
      due: async (em, afterId, take) =>
        (
          await em.find(WaitingListEntry, {
            select: { id: true },
            where: { status: WaitingListStatus.WAITING, expiresAt: MoreThan(now), id: MoreThan(afterId), ...(baseId != null ? { baseId } : {}) },
            order: { id: 'ASC' },
            take,
          })
        ).map((e) => e.id),
      each: (tx, id) => this.offerIfFits(tx, id, now),
    });
  }

  /** Holds the beds for one WAITING entry if every night has them and is open; false (nothing changed) otherwise. */
  async offerIfFits(tx: TxContext, id: number, now: Date): Promise<boolean> {
    const entry = await this.entries.lock(tx, id);
    if (!entry || entry.status !== WaitingListStatus.WAITING || entry.expiresAt <= now) return false;
    if (!(await this.capacity.tryReserve(tx, entry.baseId, entry.startDate, entry.nights, entry.headcount))) return false;
    const offerExpiresAt = toTheSecond(new Date(now.getTime() + this.config.waitlistOfferHours * 3600_000));
    await this.entries.move(tx, entry, WaitingListAction.OFFER, `${entry.headcount} beds held until ${offerExpiresAt.toISOString()}`, {
      offeredAt: toTheSecond(now),
      offerExpiresAt,
    });
    return true;
  }

  /**
   * The union takes the offered beds: in one transaction the held beds are given back and the batch
   * is requested through requestBatch's own path (policy, quota, notice deadlines, the guarded
   * capacity UPDATE), which takes them again before anyone else can (the rows stay locked, or
   * SQLite's one writer). If that refuses (POLICY_VIOLATION …), nothing changes: the offer stands.
   */
  async accept(ctx: RequestContext, id: number): Promise<WaitingListEntry> {
    return this.db.transaction(ctx, async (tx) => {
      const entry = await this.entries.lockForUnionOrThrow(tx, id);
      this.assertOfferOpen(entry, WaitingListAction.ACCEPT, tx);
      await this.capacity.release(tx, entry.baseId, entry.startDate, entry.nights, entry.headcount);
      const batch = await this.requests.request(tx, {
        packageId: entry.packageId,
        startDate: entry.startDate,
        headcount: entry.headcount,
        unionId: entry.unionId,
        agreementId: entry.agreementId,
        notes: (entry.notes ? `${entry.notes} (waiting-list entry ${entry.id})` : `from waiting-list entry ${entry.id}`).slice(0, 1000),
      });
      return this.entries.move(tx, entry, WaitingListAction.ACCEPT, `batch ${batch.reference}`, { batchId: batch.id });
    });
  }

  /** The union turns the offer down: the beds are given back and offered to the next waiting entry that fits (at once, in this process). */
  async decline(ctx: RequestContext, id: number, reason: string | null): Promise<WaitingListEntry> {
    const declined = await this.db.transaction(ctx, async (tx) => {
      const entry = await this.entries.lockForUnionOrThrow(tx, id);
      this.assertOfferOpen(entry, WaitingListAction.DECLINE, tx, reason);
      await this.capacity.release(tx, entry.baseId, entry.startDate, entry.nights, entry.headcount);
      return this.entries.move(tx, entry, WaitingListAction.DECLINE, reason);
    });
    await this.passOn(declined.baseId);
    return declined;
  }

  /** The sweep: an offer not answered by offerExpiresAt lapses and gives its beds back. */
  async lapseIfDue(tx: TxContext, id: number, now: Date): Promise<boolean> {
    const entry = await this.entries.lock(tx, id);
    if (!entry || entry.status !== WaitingListStatus.OFFERED || !entry.offerExpiresAt || entry.offerExpiresAt > now) return false;
    await this.capacity.release(tx, entry.baseId, entry.startDate, entry.nights, entry.headcount);
    await this.entries.move(tx, entry, WaitingListAction.LAPSE, `not answered by ${entry.offerExpiresAt.toISOString()}`);
    return true;
  }

  /** The sweep: an entry still WAITING after its answerBy day expires. */
  async expireIfDue(tx: TxContext, id: number, now: Date): Promise<boolean> {
    const entry = await this.entries.lock(tx, id);
    if (!entry || entry.status !== WaitingListStatus.WAITING || entry.expiresAt > now) return false;
    await this.entries.move(tx, entry, WaitingListAction.EXPIRE, `no beds came back by the end of ${entry.answerBy}`);
    return true;
  }

  /** Offers beds given back in this process at once, instead of at the next sweep; a failure is left to the sweep. */
  private async passOn(baseId: number): Promise<void> {
    try {
      await this.offerWaiting(this.clock.now(), baseId);
    } catch (error) {
      this.logger.warn(`offering the beds given back at base ${baseId} is left to the sweep: ${(error as Error).message}`);
    }
  }

  /** The table's check (FORBIDDEN, INVALID_TRANSITION), then the offer's own time. */
  private assertOfferOpen(entry: WaitingListEntry, action: WaitingListAction, tx: TxContext, reason: string | null = null): void {
    this.entries.plan(entry, action, tx, reason);
    if (entry.offerExpiresAt && entry.offerExpiresAt <= this.clock.now()) {
      throw DomainException.invalidTransition(
        entry.status,
        WaitingListStatus.LAPSED,
        `The offer to waiting-list entry ${entry.id} ran out at ${entry.offerExpiresAt.toISOString()}; its beds go to the next entry. Join the waiting list again, or book what is free`,
      );
    }
  }
}
