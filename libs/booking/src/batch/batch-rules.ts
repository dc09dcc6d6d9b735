import { Injectable } from '@nestjs/common';
import { type CalendarDate, DomainException, type TxContext as Tx } from '@app/shared';
import type { BatchStatus } from './batch-status.js';
import type { AgreementRequest, AgreementTerms } from '../exchange-terms/agreement-terms.js';
import type { Batch } from './batch.entity.js';

/**
 * A rule another domain adds to the lifecycle without booking knowing that domain (the roster says
 * whether a batch may check in; billing and exchange will hook cancellations). Each hook runs inside
 * the move's transaction with the batch row locked: throwing a DomainException refuses the move, and
 * any write it makes commits or rolls back with it.
 */
export interface BatchRule {
  /** Before `batch` moves to `to`; after the transition table and booking's own checks allowed it. */
  beforeTransition?(tx: Tx, batch: Batch, to: BatchStatus): Promise<void>;
  /** Before the headcount changes to `headcount` (different from the current one). */
  beforeHeadcountChange?(tx: Tx, batch: Batch, headcount: number): Promise<void>;
  /** Before `batch` (as it is now) moves to other dates or another package of its base; runs before its beds move. */
  beforeReschedule?(tx: Tx, batch: Batch, move: BatchMove): Promise<void>;
  /**
   * For a request under an agreement (the exchange module): checks it may book under it, takes what
   * it uses of the agreement (its quota) and answers the terms to keep on the batch. Runs before
   * the batch's beds are taken.
   */
  agreementTerms?(tx: Tx, request: AgreementRequest): Promise<AgreementTerms>;
  /**
   * At check-in (the rooming list's domain): records who of the list arrived — everyone when
   * `arrivedIds` is null — and answers how many did.
   */
  arrivals?(tx: Tx, batch: Batch, arrivedIds: number[] | null): Promise<number>;
  /** The day the batch's posted rooming list clears public notice (the roster's domain), null when it is not posted. */
  listClearsOn?(tx: Tx, batch: Batch): Promise<CalendarDate | null>;
  /**
   * Beds of general capacity held by something other than a batch (the waiting list's open offers),
   * for the capacity audit: each counts like a batch of `beds` people on its nights.
   */
  bedsHeld?(tx: Tx): Promise<HeldBeds[]>;
}

/** Beds held on general capacity outside any batch: `beds` on each of `nights` nights from `startDate`. */
export interface HeldBeds {
  baseId: number;
  startDate: CalendarDate;
  nights: number;
  beds: number;
}

/** Where a batch is moving to: its new stay (nights from startDate, leaving on endDate) and package. */
export interface BatchMove {
  startDate: string;
  endDate: string;
  nights: number;
  packageId: number;
}

/** Where other domains register their BatchRules (from their module's onModuleInit). */
@Injectable()
export class BatchRules {
  private readonly rules: BatchRule[] = [];

  register(rule: BatchRule): void {
    this.rules.push(rule);
  }

  async beforeTransition(tx: Tx, batch: Batch, to: BatchStatus): Promise<void> {
    for (const rule of this.rules) await rule.beforeTransition?.(tx, batch, to);
  }

  async beforeHeadcountChange(tx: Tx, batch: Batch, headcount: number): Promise<void> {
    for (const rule of this.rules) await rule.beforeHeadcountChange?.(tx, batch, headcount);
  }

  async beforeReschedule(tx: Tx, batch: Batch, move: BatchMove): Promise<void> {
    for (const rule of this.rules) await rule.beforeReschedule?.(tx, batch, move);
  }

  /** How many of the batch arrived: the rooming list says, or without one, the whole headcount. */
  async arrivals(tx: Tx, batch: Batch, arrivedIds: number[] | null): Promise<number> {
    const rule = this.rules.find((r) => r.arrivals !== undefined);
    if (rule) return rule.arrivals!(tx, batch, arrivedIds);
    if (arrivedIds) throw DomainException.badInput('arrivedParticipantIds', 'Rooming lists are not available in this deployment: check in the whole batch');
    return batch.headcount;
  }

  /** The posted list's own clearing day, null without a rooming list or before it is posted. */
  async listClearsOn(tx: Tx, batch: Batch): Promise<CalendarDate | null> {
    const rule = this.rules.find((r) => r.listClearsOn !== undefined);
    return rule ? rule.listClearsOn!(tx, batch) : null;
  }

  /** Every hold outside batches that the registered rules report (the capacity audit counts them). */
  async bedsHeld(tx: Tx): Promise<HeldBeds[]> {
    const held: HeldBeds[] = [];
    for (const rule of this.rules) held.push(...((await rule.bedsHeld?.(tx)) ?? []));
    return held;
  }

  async agreementTerms(tx: Tx, request: AgreementRequest): Promise<AgreementTerms> {
    const rule = this.rules.find((r) => r.agreementTerms !== undefined);
    if (!rule) throw DomainException.badInput('agreementId', 'Exchange agreements are not available in this deployment');
    return rule.agreementTerms!(tx, request);
  }
}
