import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CapacityService, checkGroupSize, PackageService, UnionService } from '@app/base';
import {
  addDays,
  APP_CONFIG,
  type AppConfig,
  DomainException,
  insertRow,
  isUniqueViolation,
  nowToTheSecond,
  type RequestContext,
  todayInShanghai,
  TransactionRunner,
} from '@app/shared';
import { bookingUnion } from './batch-access.js';
import { appendHistory } from './batch-history.js';
import { BatchQueryService } from './batch-query.service.js';
import { BatchStatus } from './batch-status.js';
import { Batch } from './batch.entity.js';
import type { RequestBatchInput } from './request-batch.input.js';

/** Crockford-style alphabet: no I, L, O, U to misread on the phone. */
const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newReference(startDate: string): string {
  const bytes = randomBytes(6);
  const tail = [...bytes].map((b) => REF_ALPHABET[b % 32]).join('');
  return `RR${startDate.slice(2).replace(/-/g, '')}-${tail}`;
}

/** Requests a batch: validates it, holds its beds and records it, all in one transaction. */
@Injectable()
export class BatchRequestService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly packages: PackageService,
    private readonly unions: UnionService,
    private readonly capacity: CapacityService,
    private readonly queries: BatchQueryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Writes a stay that already happened (the demo's years of history): a COMPLETED batch in the past,
   * which holds no beds, with its price as it was then and one history event. The system only.
   */
  async recordPast(ctx: RequestContext, stay: { packageId: number; unionId: number; startDate: string; headcount: number; pricePerPerson: number; notes?: string }): Promise<Batch> {
    if (!ctx.is('SYSTEM')) throw DomainException.forbidden('Only the system writes past stays');
    return this.db.transaction(ctx, async (tx) => {
      const pkg = await this.packages.getOrThrow(tx, stay.packageId, 'packageId');
      const endDate = addDays(stay.startDate, pkg.nights);
      if (endDate >= todayInShanghai()) throw DomainException.badInput('startDate', `A past stay must have ended before today; this one ends ${endDate}`);
      const now = nowToTheSecond();
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
        holdExpiresAt: null,
        idempotencyKeyHash: null,
        requestHash: null,
        notes: stay.notes ?? null,
        createdById: null,
        createdAt: now,
        updatedAt: now,
      };
      const { id: _unset, ...values } = batch;
      batch.id = await insertRow(tx.em!, Batch, values);
      await appendHistory(tx.em!, batch.id, null, BatchStatus.COMPLETED, tx.requireActor(), 'a past stay, recorded afterwards', now);
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
    const actor = ctx.requireActor();
    const unionId = bookingUnion(ctx, input.unionId);
    if (input.startDate < todayInShanghai()) {
      throw DomainException.badInput('startDate', `startDate ${input.startDate} is in the past; the earliest arrival is today (${todayInShanghai()})`);
    }
    const key = input.idempotencyKey ? createHash('sha256').update(input.idempotencyKey).digest('hex') : null;
    const requestHash = createHash('sha256')
      .update(JSON.stringify([input.packageId, input.startDate, input.headcount, unionId, input.notes ?? null]))
      .digest('hex');

    if (key) {
      const existing = await this.queries.findByIdempotencyKey(ctx, unionId, key);
      if (existing) return this.replay(existing, requestHash);
    }
    try {
      return await this.db.transaction(ctx, async (tx) => {
        const pkg = await this.packages.getOrThrow(tx, input.packageId, 'packageId');
        // An organiser's union comes from their account; an admin's choice must exist.
        if (unionId !== actor.unionId) await this.unions.getOrThrow(tx, unionId, 'unionId');
        if (!pkg.active) throw DomainException.badInput('packageId', `Package ${pkg.id} ("${pkg.name}") is no longer offered`);
        checkGroupSize(pkg, input.headcount);
        const em = tx.em!;
        const now = nowToTheSecond();
        const batch: Batch = {
          id: 0,
          reference: newReference(input.startDate),
          status: BatchStatus.REQUESTED,
          unionId,
          baseId: pkg.baseId,
          packageId: pkg.id,
          startDate: input.startDate,
          endDate: addDays(input.startDate, pkg.nights),
          nights: pkg.nights,
          headcount: input.headcount,
          pricePerPerson: pkg.pricePerPerson,
          holdExpiresAt: new Date(now.getTime() + this.config.holdTtlSeconds * 1000),
          idempotencyKeyHash: key,
          requestHash,
          notes: input.notes ?? null,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        // The rows are written before the guarded UPDATE, so the capacity row locks are held for the least time.
        const { id: _unset, ...values } = batch;
        batch.id = await insertRow(em, Batch, values);
        await appendHistory(em, batch.id, null, BatchStatus.REQUESTED, actor, null, now);
        await this.capacity.reserve(tx, pkg.baseId, input.startDate, pkg.nights, input.headcount);
        return batch;
      });
    } catch (error) {
      // A concurrent request with the same key committed first: answer with its batch.
      if (key && isUniqueViolation(error)) {
        const existing = await this.queries.findByIdempotencyKey(ctx, unionId, key);
        if (existing) return this.replay(existing, requestHash);
      }
      throw error;
    }
  }

  private replay(existing: Batch, requestHash: string): Batch {
    if (existing.requestHash !== requestHash) {
      throw DomainException.conflict(
        `The idempotencyKey was already used for batch ${existing.reference} with different details (package, startDate, headcount, union or notes); resend exactly the first request, or use a new key for a new booking`,
        { field: 'idempotencyKey', batchId: existing.id },
      );
    }
    return existing;
  }
}
