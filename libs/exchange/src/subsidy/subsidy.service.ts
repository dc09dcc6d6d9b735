import { Injectable } from '@nestjs/common';
import { BaseService, RegionService } from '@app/base';
import { type Bill, BillIssueService, BillQueryService } from '@app/billing';
import { type Batch, BatchQueryService } from '@app/booking';
import { daysBetween, DomainException, Permission, type RequestContext, scopeFor, TransactionRunner } from '@app/shared';
import { AgreementService } from '../agreement/agreement.service.js';
import type { SubsidyStatement } from './subsidy.model.js';

const MAX_DAYS = 3 * 366;

function checkPeriod(from: string, to: string): void {
  if (to < from) throw DomainException.badInput('to', `to (${to}) is before from (${from})`);
  if (daysBetween(from, to) > MAX_DAYS) throw DomainException.badInput('to', `A period is at most ${MAX_DAYS} days`);
}

/**
 * What host bases recover for the vouchers they granted: a statement per batch, and claims — one
 * bill per base to the host region's federation — that never take the same batch twice.
 */
@Injectable()
export class SubsidyService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly agreements: AgreementService,
    private readonly batches: BatchQueryService,
    private readonly bills: BillQueryService,
    private readonly issuing: BillIssueService,
    private readonly bases: BaseService,
    private readonly regions: RegionService,
  ) {}

  /** An operator sees their base's lines; a PARTNER of either region and an admin see all of the agreement's. */
  async statement(ctx: RequestContext, agreementId: number, from: string, to: string): Promise<SubsidyStatement> {
    checkPeriod(from, to);
    await this.agreements.getVisibleOrThrow(ctx, agreementId, 'agreementId');
    const batches = await this.batches.vouchered(ctx, agreementId, from, to, this.baseOf(ctx));
    const claimed = await this.bills.claimedLines(
      ctx,
      batches.map((b) => b.id),
    );
    const lines = batches.map((b) => ({
      batchId: b.id,
      batchReference: b.reference,
      startDate: b.startDate,
      baseId: b.baseId,
      unionId: b.unionId,
      people: b.arrivals ?? b.headcount,
      voucherPerPerson: b.benefitPerPerson,
      amount: (b.arrivals ?? b.headcount) * b.benefitPerPerson,
      claimBillId: claimed.get(b.id) ?? null,
    }));
    return {
      agreementId,
      from,
      to,
      lines,
      total: lines.reduce((s, l) => s + l.amount, 0),
      unclaimed: lines.filter((l) => l.claimBillId === null).reduce((s, l) => s + l.amount, 0),
    };
  }

  /**
   * One SUBSIDY_CLAIM bill per host base with unclaimed vouchers in the period, payable by the host
   * region's federation; an operator claims for their base only. The agreement's row lock makes
   * concurrent claims take turns, so none takes a batch another has claimed. Empty when nothing is new.
   */
  async issueClaims(ctx: RequestContext, agreementId: number, from: string, to: string): Promise<Bill[]> {
    checkPeriod(from, to);
    return this.db.transaction(ctx, async (tx) => {
      const agreement = await this.agreements.lockVisibleOrThrow(tx, agreementId, 'agreementId');
      const batches = await this.batches.vouchered(tx, agreement.id, from, to, this.baseOf(tx));
      const claimed = await this.bills.claimedLines(
        tx,
        batches.map((b) => b.id),
      );
      const byBase = new Map<number, Batch[]>();
      for (const b of batches) if (!claimed.has(b.id)) byBase.set(b.baseId, [...(byBase.get(b.baseId) ?? []), b]);
      const bills: Bill[] = [];
      for (const [baseId, unclaimed] of byBase) {
        const base = await this.bases.getOrThrow(tx, baseId);
        const host = await this.regions.getOrThrow(tx, base.regionId);
        bills.push(
          await this.issuing.issueSubsidyClaim(tx, {
            agreementId: agreement.id,
            baseId,
            baseRegionId: host.id,
            payerUnionId: host.federationUnionId,
            payerRegionId: host.id,
            from,
            to,
            batches: unclaimed,
          }),
        );
      }
      return bills;
    });
  }

  /** An operator claims for the batches of their own base (the scope they see batches in); the others for every base. */
  private baseOf(ctx: RequestContext): number | null {
    const scope = scopeFor(ctx, Permission.SeeBatch);
    return 'baseId' in scope ? scope.baseId : 'none' in scope ? -1 : null;
  }
}
