import { Injectable } from '@nestjs/common';
import { type Batch, BatchQueryService, BatchStatus } from '@app/booking';
import { Clock, DomainException, ErrorCode, insertRow, isUniqueViolation, nowToTheSecond, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { In } from 'typeorm';
import { BilledStays } from './billed-stays.js';
import { ConsumptionEntry } from './consumption-entry.entity.js';
import type { RecordConsumptionInput } from './record-consumption.input.js';

const RECORDABLE = new Set([BatchStatus.CHECKED_IN, BatchStatus.COMPLETED]);

/** What batches consumed: appended, reversed, never edited. */
@Injectable()
export class ConsumptionService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly batches: BatchQueryService,
    private readonly billed: BilledStays,
    private readonly clock: Clock,
  ) {}

  /** Appends an entry on a CHECKED_IN or COMPLETED, unbilled batch; `occurredOn` left out is today (Asia/Shanghai), which must then be a day of the stay. */
  async record(ctx: RequestContext, input: RecordConsumptionInput): Promise<ConsumptionEntry> {
    const description = input.description.trim();
    if (!description) throw DomainException.badInput('description', 'Say what was consumed');
    return this.db.transaction(ctx, async (tx) => {
      const batch = await this.openForConsumption(tx, input.batchId, 'batchId');
      const occurredOn = input.occurredOn ?? this.clock.today();
      if (occurredOn < batch.startDate || occurredOn > batch.endDate) {
        const given = input.occurredOn ? `got ${occurredOn}` : `today, ${occurredOn}, is not one: give occurredOn`;
        throw DomainException.badInput('occurredOn', `occurredOn must be a day of the stay, ${batch.startDate} to ${batch.endDate}; ${given}`);
      }
      const entry = {
        batchId: batch.id,
        baseId: batch.baseId,
        unionId: batch.unionId,
        category: input.category,
        description,
        quantity: input.quantity,
        unitPrice: input.unitPrice,
        amount: input.quantity * input.unitPrice,
        occurredOn,
        reversesEntryId: null,
        reason: null,
        createdById: tx.actor?.userId ?? null,
        createdAt: nowToTheSecond(),
      };
      const id = await insertRow(tx.em, ConsumptionEntry, entry);
      return { id, ...entry };
    });
  }

  /** Adds the opposite entry; an entry is reversed once, and a reversal is not reversed. */
  async reverse(ctx: RequestContext, entryId: number, reason: string): Promise<ConsumptionEntry> {
    const why = reason?.trim();
    if (!why) throw DomainException.badInput('reason', 'Give a reason for the reversal');
    if (why.length > 500) throw DomainException.badInput('reason', `reason is at most 500 characters; got ${why.length}`);
    return this.db.transaction(ctx, async (tx) => {
      const original = await tx.em.findOneBy(ConsumptionEntry, { id: entryId });
      if (!original) throw DomainException.notFound('Consumption entry', entryId, 'entryId');
      try {
        await this.openForConsumption(tx, original.batchId, 'entryId');
      } catch (error) {
        if (error instanceof DomainException && error.code === ErrorCode.NOT_FOUND) throw DomainException.notFound('Consumption entry', entryId, 'entryId');
        throw error;
      }
      if (original.reversesEntryId !== null) throw DomainException.badInput('entryId', `Entry ${entryId} is itself a reversal; record the consumption again instead`);
      const { id: _original, ...copied } = original;
      const entry = {
        ...copied,
        quantity: -original.quantity,
        amount: -original.amount,
        reversesEntryId: original.id,
        reason: why,
        createdById: tx.actor?.userId ?? null,
        createdAt: nowToTheSecond(),
      };
      try {
        const id = await insertRow(tx.em, ConsumptionEntry, entry);
        return { ...entry, id };
      } catch (error) {
        if (isUniqueViolation(error)) throw DomainException.conflict(`Entry ${entryId} has already been reversed`, { field: 'entryId' });
        throw error;
      }
    });
  }

  /** A batch's entries, oldest first; batched per request. */
  list(ctx: RequestContext, batchId: number): Promise<ConsumptionEntry[]> {
    return ctx.loadGroup(
      'consumption',
      batchId,
      (ids) => this.db.read(ctx, (em) => em.find(ConsumptionEntry, { where: { batchId: In(ids) }, order: { id: 'ASC' } })),
      (e) => e.batchId,
    );
  }

  /** For the bill, inside its transaction. */
  entriesInTransaction(tx: TxContext, batchId: number): Promise<ConsumptionEntry[]> {
    return tx.em.find(ConsumptionEntry, { where: { batchId }, order: { id: 'ASC' } });
  }

  /** The batch, locked, if consumption may be recorded on it now: checked in or completed, and not billed yet. */
  private async openForConsumption(tx: TxContext, batchId: number, field: string): Promise<Batch> {
    const batch = await this.batches.lockVisibleOrThrow(tx, batchId, field);
    if (!RECORDABLE.has(batch.status)) {
      throw DomainException.wrongState(batch.status, `Consumption is recorded while a batch is CHECKED_IN or COMPLETED; batch ${batch.reference} is ${batch.status}`);
    }
    const billId = await this.billed.activeStayBillId(tx, batch.id);
    if (billId !== null) throw DomainException.conflict(`Batch ${batch.reference} has been billed (bill ${billId}); an admin must void that bill before its consumption changes`, { billId });
    return batch;
  }
}
