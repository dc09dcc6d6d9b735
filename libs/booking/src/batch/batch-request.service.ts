import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AllotmentDrawService, BaseService, CapacityService, checkGroupSize, PackageService, UnionPolicyService, UnionService } from '@app/base';
import {
  addDays,
  APP_CONFIG,
  type AppConfig,
  Clock,
  DomainException,
  ErrorCode,
  insertRow,
  may,
  Permission,
  requireAccess,
  isUniqueViolation,
  type RequestContext,
  TransactionRunner,
} from '@app/shared';
import { bookingUnion } from './batch-access.js';
import { appendHistory } from './batch-history.js';
import { BatchHoldService, toTheSecond } from './batch-hold.service.js';
import { BatchQueryService } from './batch-query.service.js';
import { BatchStatus } from './batch-status.js';
import { BatchRules } from './batch-rules.js';
import { Batch } from './batch.entity.js';
import { BedSource } from './bed-source.js';
import type { AgreementTerms } from '../exchange-terms/agreement-terms.js';
import { benefitPerPerson } from '../exchange-terms/benefit.js';
import { DeadlineService } from '../deadline/deadline.service.js';
import { holdUntil } from '../deadline/deadlines.js';
import type { RequestBatchInput } from './request-batch.input.js';
import { StaySuggestionService } from '../suggestion/stay-suggestion.service.js';
import { StaggeringKind } from './staggering-event.entity.js';
import { refusalCause, type RefusalSite, StaggeringService } from './staggering.service.js';

/** Crockford-style alphabet: no I, L, O, U to misread on the phone. */
const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(startDate: string): string {
  const bytes = randomBytes(6);
  const tail = [...bytes].map((b) => REF_ALPHABET[b % 32]).join('');
  return `RR${startDate.slice(2).replace(/-/g, '')}-${tail}`;
}

export interface PastStay {
  packageId: number;
  unionId: number;
  startDate: string;
  headcount: number;
  pricePerPerson: number;
  notes?: string;
  /** A past exchange stay: the agreement it came under (which must have covered it; its quota is counted). */
  agreementId?: number;
}

/** Requests a batch: validates it, holds its beds and records it, all in one transaction. */
@Injectable()
export class BatchRequestService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly packages: PackageService,
    private readonly unions: UnionService,
    private readonly bases: BaseService,
    private readonly capacity: CapacityService,
    private readonly allotments: AllotmentDrawService,
    private readonly policies: UnionPolicyService,
    private readonly rules: BatchRules,
    private readonly queries: BatchQueryService,
    private readonly deadlines: DeadlineService,
    private readonly holds: BatchHoldService,
    private readonly suggestions: StaySuggestionService,
    private readonly staggering: StaggeringService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Writes a stay that already happened (the demo's years of history): a COMPLETED batch in the past,
   * which holds no beds, with its price as it was then and one history event. The system only.
   */
  async recordPast(ctx: RequestContext, stay: PastStay): Promise<Batch> {
    requireAccess(ctx, Permission.RecordHistory, {}, { message: 'Only the system writes past stays' });
    return this.db.transaction(ctx, async (tx) => {
      const pkg = await this.packages.getOrThrow(tx, stay.packageId, 'packageId');
      const union = await this.unions.getOrThrow(tx, stay.unionId, 'unionId');
      const base = await this.bases.getOrThrow(tx, pkg.baseId, 'packageId');
      const endDate = addDays(stay.startDate, pkg.nights);
      if (endDate >= this.clock.today()) throw DomainException.badInput('startDate', `A past stay must have ended before today; this one ends ${endDate}`);
      const terms: AgreementTerms | null =
        stay.agreementId != null
          ? await this.rules.agreementTerms(tx, {
              agreementId: stay.agreementId,
              unionId: union.id,
              unionRegionId: union.regionId,
              baseId: base.id,
              baseRegionId: base.regionId,
              startDate: stay.startDate,
              endDate,
              headcount: stay.headcount,
            })
          : null;
      const now = toTheSecond(this.clock.now());
      const batch: Batch = {
        id: 0,
        reference: newReference(stay.startDate),
        status: BatchStatus.COMPLETED,
        unionId: stay.unionId,
        baseId: pkg.baseId,
        packageId: pkg.id,
        startDate: stay.startDate,
        endDate,
        nights: pkg.nights,
        headcount: stay.headcount,
        pricePerPerson: stay.pricePerPerson,
        arrivals: stay.headcount,
        // Recorded afterwards: judged by the defaults, not by a policy that came later.
        unionPolicyId: null,
        holdExpiresAt: null,
        holdWaitsFor: null,
        idempotencyKeyHash: null,
        requestHash: null,
        notes: stay.notes ?? null,
        unionRegionId: union.regionId,
        baseRegionId: base.regionId,
        agreementId: terms?.agreementId ?? null,
        bedSource: BedSource.GENERAL,
        allotmentId: null,
        benefitType: terms?.benefitType ?? null,
        benefitAmount: terms?.benefitAmount ?? 0,
        benefitPerPerson: benefitPerPerson(terms?.benefitType ?? null, terms?.benefitAmount ?? 0, stay.pricePerPerson),
        createdById: null,
        createdAt: now,
        updatedAt: now,
      };
      const { id: _unset, ...values } = batch;
      batch.id = await insertRow(tx.em, Batch, values);
      await appendHistory(tx.em, batch, null, BatchStatus.COMPLETED, tx.requireActor(), 'a past stay, recorded afterwards', now);
      return batch;
    });
  }

  /**
   * Holds `headcount` beds on every night of the package from `startDate` and creates a REQUESTED
   * batch with a price snapshot, or changes nothing (CAPACITY_EXCEEDED naming the night). With an
   * idempotency key, a retry — even a concurrent one — returns the first batch; the same key with
   * different input is a CONFLICT.
   */
  async request(ctx: RequestContext, input: RequestBatchInput): Promise<Batch> {
    // Filled in by the booking's transaction once it knows the base: a refusal is counted against it.
    const site: Partial<RefusalSite> = {};
    try {
      return await this.hold(ctx, input, site);
    } catch (error) {
      const cause = refusalCause(error);
      if (cause && site.baseId !== undefined) {
        await this.staggering.recordRefusal(ctx, StaggeringKind.REQUEST_REFUSED, site as RefusalSite, input.startDate, input.headcount, cause);
      }
      // A night full or closed: the refusal lists what would fit instead (错时化). Not for an agreement's
      // stay, whose beds come from its own allotment and quota.
      if (error instanceof DomainException && error.details.night !== undefined && input.agreementId == null && [ErrorCode.CAPACITY_EXCEEDED, ErrorCode.BAD_USER_INPUT].includes(error.code)) {
        const alternatives = await this.suggestions.suggest(ctx, { ...input, unionId: bookingUnion(ctx, input.unionId, input.agreementId) });
        throw new DomainException(error.code, error.message, { ...error.details, alternatives: StaySuggestionService.asDetails(alternatives) });
      }
      throw error;
    }
  }

  private async hold(ctx: RequestContext, input: RequestBatchInput, site: Partial<RefusalSite>): Promise<Batch> {
    const actor = ctx.requireActor();
    const unionId = bookingUnion(ctx, input.unionId, input.agreementId);
    const today = this.clock.today();
    if (input.startDate < today) {
      throw DomainException.badInput('startDate', `startDate ${input.startDate} is in the past; the earliest arrival is today (${today})`);
    }
    const key = input.idempotencyKey ? createHash('sha256').update(input.idempotencyKey).digest('hex') : null;
    const requestHash = createHash('sha256')
      .update(JSON.stringify([input.packageId, input.startDate, input.headcount, unionId, input.notes ?? null, input.agreementId ?? null]))
      .digest('hex');

    // A partner's union is checked before anything is looked up for it, a replay included (its region
    // is read only when the union alone does not settle it).
    if (!may(ctx, Permission.BookForUnion, { unionId })) {
      const { regionId } = await this.unions.getOrThrow(ctx, unionId, 'unionId');
      requireAccess(ctx, Permission.BookForUnion, { unionId, regionId }, { message: `You book for the unions of your own region; union ${unionId} is in another`, field: 'unionId' });
    }
    if (key) {
      const existing = await this.queries.findByIdempotencyKey(ctx, unionId, key);
      if (existing) return this.replay(ctx, existing, requestHash);
    }
    try {
      return await this.db.transaction(ctx, async (tx) => {
        // The package, its base, the union and the policy in force today (kept on the batch): one query.
        const { pkg, union, base, policy, price, calendarVersion } = await this.packages.getForBookingOrThrow(tx, input.packageId, unionId, today, input.startDate);
        Object.assign(site, { baseId: base.id, unionId: union.id, unionRegionId: union.regionId, baseRegionId: base.regionId, agreementId: input.agreementId ?? null, batchId: null });
        requireAccess(
          tx,
          Permission.BookForUnion,
          { unionId: union.id, regionId: union.regionId },
          { message: `You book for the unions of your own region; union ${union.id} (${union.name}) is in another`, field: 'unionId' },
        );
        if (!pkg.active) throw DomainException.badInput('packageId', `Package ${pkg.id} ("${pkg.name}") is no longer offered`);
        checkGroupSize(pkg, input.headcount);
        this.policies.checkTrip(policy, pkg.nights);
        // Refused before any quota or bed is taken: a list that cannot clear notice before arrival would leave the batch stuck.
        const deadlines = await this.deadlines.assertFits(tx, { unionPolicy: policy, baseId: base.id, startDate: input.startDate, today, calendarVersion });
        const em = tx.em;
        const now = toTheSecond(this.clock.now());
        const waitsFor = this.holds.firstStep(policy.publicationRequired);
        const startDate = input.startDate;
        const endDate = addDays(startDate, pkg.nights);
        // Priced night by night over the package's seasons (read with the package), before any lock is taken; the batch keeps this price.
        const { pricePerPerson } = price;
        // The agreement first (it takes its quota), then the beds: the same lock order as every other path.
        const terms =
          input.agreementId != null
            ? await this.rules.agreementTerms(tx, {
                agreementId: input.agreementId,
                unionId,
                unionRegionId: union.regionId,
                baseId: base.id,
                baseRegionId: base.regionId,
                startDate,
                endDate,
                headcount: input.headcount,
              })
            : null;
        const allotmentId = terms?.allotmentIds.length ? await this.allotments.draw(tx, terms.allotmentIds, startDate, pkg.nights, input.headcount) : null;
        const batch: Batch = {
          id: 0,
          reference: newReference(input.startDate),
          status: BatchStatus.REQUESTED,
          unionId,
          baseId: pkg.baseId,
          packageId: pkg.id,
          startDate,
          endDate,
          nights: pkg.nights,
          headcount: input.headcount,
          pricePerPerson,
          arrivals: null,
          unionPolicyId: policy.id || null,
          holdExpiresAt: toTheSecond(holdUntil(waitsFor, deadlines, now, this.config.holdTtlSeconds)),
          holdWaitsFor: waitsFor,
          idempotencyKeyHash: key,
          requestHash,
          notes: input.notes ?? null,
          unionRegionId: union.regionId,
          baseRegionId: base.regionId,
          agreementId: terms?.agreementId ?? null,
          bedSource: allotmentId ? BedSource.ALLOTMENT : BedSource.GENERAL,
          allotmentId,
          benefitType: terms?.benefitType ?? null,
          benefitAmount: terms?.benefitAmount ?? 0,
          benefitPerPerson: benefitPerPerson(terms?.benefitType ?? null, terms?.benefitAmount ?? 0, pricePerPerson),
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        // The rows are written before the guarded UPDATE, so the capacity row locks are held for the least time.
        const { id: _unset, ...values } = batch;
        batch.id = await insertRow(em, Batch, values);
        await appendHistory(em, batch, null, BatchStatus.REQUESTED, actor, null, now);
        if (!allotmentId) await this.capacity.reserve(tx, pkg.baseId, startDate, pkg.nights, input.headcount);
        return batch;
      });
    } catch (error) {
      // A concurrent request with the same key committed first: answer with its batch.
      if (key && isUniqueViolation(error)) {
        const existing = await this.queries.findByIdempotencyKey(ctx, unionId, key);
        if (existing) return this.replay(ctx, existing, requestHash);
      }
      throw error;
    }
  }

  private replay(ctx: RequestContext, existing: Batch, requestHash: string): Batch {
    if (existing.requestHash !== requestHash) {
      // The key is the union's: another of its bookers (a partner, say) may not see that batch, so it is named only to those who may.
      if (!may(ctx, Permission.SeeBatch, existing)) {
        throw DomainException.conflict('The idempotencyKey was already used for another booking of this union with different details; use a new key for a new booking', {
          field: 'idempotencyKey',
        });
      }
      throw DomainException.conflict(
        `The idempotencyKey was already used for batch ${existing.reference} with different details (package, startDate, headcount, union, notes or agreement); resend exactly the first request, or use a new key for a new booking`,
        { field: 'idempotencyKey', batchId: existing.id },
      );
    }
    return existing;
  }
}
