import { Injectable } from '@nestjs/common';
import { AllotmentDrawService, CapacityService, type Package, PackageService, UnionPolicyService } from '@app/base';
import { addDays, Clock, DomainException, formatYuan, may, nowToTheSecond, Permission, type RequestContext, requireAccess, scopeFor, TransactionRunner, type TxContext } from '@app/shared';
import { appendHistory } from './batch-history.js';
import { BatchQueryService } from './batch-query.service.js';
import { type BatchMove, BatchRules } from './batch-rules.js';
import { BatchStatus } from './batch-status.js';
import { Batch } from './batch.entity.js';
import { BedSource } from './bed-source.js';
import { benefitPerPerson } from '../exchange-terms/benefit.js';
import { DeadlineService } from '../deadline/deadline.service.js';
import { BatchHoldService } from './batch-hold.service.js';
import { BatchStep } from '../deadline/deadlines.js';
import { StaggeringKind } from './staggering-event.entity.js';
import { refusalCause, StaggeringService } from './staggering.service.js';

export interface RescheduleRequest {
  startDate: string;
  packageId?: number | null;
  reason?: string | null;
}

/** The states in which a batch may still move: it holds beds and its stay has not begun. */
const MOVABLE: ReadonlySet<BatchStatus> = new Set([BatchStatus.REQUESTED, BatchStatus.CONFIRMED]);

/** "2026-10-09–10-12": a stay as people write it. */
function stayText(startDate: string, endDate: string): string {
  return `${startDate}–${endDate.slice(5)}`;
}

/**
 * Moves a batch to other dates, or another package of its base, without cancelling it: the same
 * reference, list, insurance and policy, its beds moved night by night in one transaction.
 */
@Injectable()
export class BatchRescheduleService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly queries: BatchQueryService,
    private readonly capacity: CapacityService,
    private readonly allotments: AllotmentDrawService,
    private readonly packages: PackageService,
    private readonly policies: UnionPolicyService,
    private readonly rules: BatchRules,
    private readonly clock: Clock,
    private readonly deadlines: DeadlineService,
    private readonly holds: BatchHoldService,
    private readonly staggering: StaggeringService,
  ) {}

  /**
   * Moves a REQUESTED (hold not lapsed) or CONFIRMED batch to arrive on `startDate`, under `packageId`
   * when given: takes the new nights and gives back the old in date order, all or nothing
   * (CAPACITY_EXCEEDED naming the short night), with one history event. Its own union's side moves
   * it; the base's operator only with the union's agreement, named in `reason`. The same dates and
   * package answer the batch unchanged.
   */
  async reschedule(ctx: RequestContext, id: number, request: RescheduleRequest): Promise<Batch> {
    const reason = request.reason?.trim() || null;
    // Whoever does not send the batch moves it on the union's word, and must say whose.
    if ('none' in scopeFor(ctx, Permission.MoveBatch) && !reason) {
      throw DomainException.badInput('reason', 'Say who at the union agreed to the move (reason), e.g. "agreed by the union office, Ms Chen, by phone on 3 December"');
    }
    const today = this.clock.today();
    if (request.startDate < today) {
      throw DomainException.badInput('startDate', `startDate ${request.startDate} is in the past; the earliest arrival is today (${today})`);
    }
    // The batch as the move's transaction found it: a move refused for beds is counted against it.
    let seen: Batch | null = null;
    try {
      return await this.move(ctx, id, request, reason, today, (batch) => (seen = batch));
    } catch (error) {
      const cause = refusalCause(error);
      const batch = seen as Batch | null;
      if (cause && batch) {
        const { baseId, unionId, unionRegionId, baseRegionId, agreementId } = batch;
        const site = { baseId, unionId, unionRegionId, baseRegionId, agreementId, batchId: batch.id };
        await this.staggering.recordRefusal(ctx, StaggeringKind.MOVE_REFUSED, site, request.startDate, batch.headcount, cause);
      }
      throw error;
    }
  }

  private move(ctx: RequestContext, id: number, request: RescheduleRequest, reason: string | null, today: string, seen: (batch: Batch) => void): Promise<Batch> {
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.queries.lockVisibleOrThrow(tx, id);
      seen(batch);
      this.assertMayMove(tx, batch, reason);
      this.assertMovable(batch);
      const pkg = await this.packages.getOrThrow(tx, request.packageId ?? batch.packageId, 'packageId');
      if (pkg.id === batch.packageId && request.startDate === batch.startDate) return batch;
      await this.checkPackage(tx, batch, pkg);
      const move: BatchMove = { startDate: request.startDate, endDate: addDays(request.startDate, pkg.nights), nights: pkg.nights, packageId: pkg.id };
      // Other domains first (an agreement's quota), then the beds: the lock order of a request.
      // A list not yet handed in must still make every step before the new arrival, as a request must.
      if (batch.status === BatchStatus.REQUESTED && batch.holdWaitsFor === BatchStep.SUBMIT_LIST) {
        await this.deadlines.assertFits(tx, { unionPolicy: await this.policies.forBatch(tx, batch), baseId: batch.baseId, startDate: move.startDate, today });
      }
      await this.rules.beforeReschedule(tx, batch, move);
      const from = { first: batch.startDate, nights: batch.nights };
      const to = { first: move.startDate, nights: move.nights };
      if (batch.bedSource === BedSource.ALLOTMENT) await this.allotments.move(tx, batch.allotmentId!, from, to, batch.headcount);
      else await this.capacity.move(tx, batch.baseId, from, to, batch.headcount);
      const moved = await this.record(tx, batch, pkg, move, reason);
      await this.staggering.recordMove(tx, batch, move.startDate, moved.updatedAt);
      // The hold follows the new dates' deadlines for the step the list is at.
      return moved.status === BatchStatus.REQUESTED ? this.holds.refresh(tx, moved) : moved;
    });
  }

  private assertMayMove(tx: TxContext, batch: Batch, reason: string | null): void {
    if (may(tx, Permission.MoveBatch, batch)) return;
    if (may(tx, Permission.MoveBatchOnUnionsWord, batch)) {
      if (!reason) throw DomainException.badInput('reason', `Say who at the union agreed to moving batch ${batch.reference} (reason)`);
      return;
    }
    requireAccess(tx, Permission.MoveBatch, batch, { message: `Batch ${batch.reference} is sent by another region; only its own union or region moves it` });
  }

  private assertMovable(batch: Batch): void {
    if (!MOVABLE.has(batch.status)) {
      throw DomainException.invalidTransition(
        batch.status,
        batch.status,
        `Batch ${batch.reference} is ${batch.status}; only a REQUESTED or CONFIRMED batch moves to other dates${batch.status === BatchStatus.CHECKED_IN ? ' (its stay has begun)' : ': request a new batch instead'}`,
      );
    }
    const now = this.clock.now();
    if (batch.status === BatchStatus.REQUESTED && batch.holdExpiresAt && batch.holdExpiresAt <= now) {
      throw DomainException.invalidTransition(
        batch.status,
        batch.status,
        `The hold on batch ${batch.reference} expired at ${batch.holdExpiresAt.toISOString()}; its beds are being given back. Request the batch again for the new dates.`,
      );
    }
  }

  /** A package of the batch's own base, still offered, for its group, within the trip maximum of the policy kept on the batch. */
  private async checkPackage(tx: TxContext, batch: Batch, pkg: Package): Promise<void> {
    if (pkg.baseId !== batch.baseId) {
      throw DomainException.badInput('packageId', `Package ${pkg.id} is offered by another base; a batch moves only between the packages of its own base (cancel and book again to change base)`);
    }
    if (!pkg.active) throw DomainException.badInput('packageId', `Package ${pkg.id} ("${pkg.name}") is no longer offered; choose one of the base's current packages`);
    if (batch.headcount < pkg.minGroupSize || batch.headcount > pkg.maxGroupSize) {
      throw DomainException.badInput('packageId', `Package "${pkg.name}" takes groups of ${pkg.minGroupSize}–${pkg.maxGroupSize}; batch ${batch.reference} has ${batch.headcount} people`);
    }
    if (pkg.id !== batch.packageId) this.policies.checkTrip(await this.policies.forBatch(tx, batch), pkg.nights);
  }

  /** The batch row and its history event: same status, the move (and a new package's price) and the caller's reason. */
  private async record(tx: TxContext, batch: Batch, pkg: Package, move: BatchMove, reason: string | null): Promise<Batch> {
    const newPackage = pkg.id !== batch.packageId;
    // A new package is priced for the new dates over its seasons; the same package keeps the price it was booked at.
    const pricePerPerson = newPackage ? (await this.packages.priceOfStay(tx, pkg, move.startDate)).pricePerPerson : batch.pricePerPerson;
    const changes = {
      startDate: move.startDate,
      endDate: move.endDate,
      nights: move.nights,
      packageId: pkg.id,
      pricePerPerson,
      benefitPerPerson: newPackage ? benefitPerPerson(batch.benefitType, batch.benefitAmount, pricePerPerson) : batch.benefitPerPerson,
      updatedAt: nowToTheSecond(),
    };
    await tx.em.update(Batch, { id: batch.id }, changes);
    const what = [
      `moved from ${stayText(batch.startDate, batch.endDate)} to ${stayText(move.startDate, move.endDate)}${newPackage ? ` (package ${batch.packageId} → ${pkg.id})` : ''}`,
      ...(newPackage ? [`price ${formatYuan(batch.pricePerPerson)} → ${formatYuan(pricePerPerson)} per person, the new package's`] : []),
      ...(reason ? [reason] : []),
    ];
    await appendHistory(tx.em, { ...batch, ...changes }, batch.status, batch.status, tx.requireActor(), what.join('; '), changes.updatedAt, {
      type: 'batch.rescheduled',
      data: { previousStartDate: batch.startDate, previousEndDate: batch.endDate, packageId: pkg.id },
    });
    return { ...batch, ...changes };
  }
}
