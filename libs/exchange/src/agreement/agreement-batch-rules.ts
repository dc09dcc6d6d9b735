import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AllotmentService, RegionService } from '@app/base';
import { type AgreementRequest, type AgreementTerms, type Batch, type BatchMove, type BatchRule, BatchRules, BatchStatus, BenefitType, HOLDS_BEDS } from '@app/booking';
import { addDays, DomainException, may, Permission, type TxContext } from '@app/shared';
import { AgreementStatus } from './agreement-status.js';
import { agreementYearOf } from './agreement-years.js';
import { AgreementBenefit } from './agreement.entity.js';
import { AgreementService } from './agreement.service.js';

/** The moves after which a batch no longer counts against its agreement's quota (COMPLETED still does: the visit happened). */
const GIVES_QUOTA_BACK = new Set([BatchStatus.CANCELLED, BatchStatus.REJECTED, BatchStatus.EXPIRED]);

/**
 * How exchange joins the batch lifecycle: a request under an agreement is checked against it and takes
 * its quota; cancel, reject, expire and headcount changes give back or take the difference — each in
 * the batch's own transaction.
 */
@Injectable()
export class AgreementBatchRules implements BatchRule, OnModuleInit {
  constructor(
    private readonly rules: BatchRules,
    private readonly agreements: AgreementService,
    private readonly allotments: AllotmentService,
    private readonly regions: RegionService,
  ) {}

  onModuleInit(): void {
    this.rules.register(this);
  }

  async agreementTerms(tx: TxContext, request: AgreementRequest): Promise<AgreementTerms> {
    const agreement = await this.agreements.lockShared(tx, request.agreementId);
    if (!agreement) throw DomainException.notFound('Agreement', request.agreementId, 'agreementId');
    const parties = [agreement.proposerRegionId, agreement.partnerRegionId];
    const name = (regionId: number) => this.regions.nameOf(tx, regionId);
    if (!parties.includes(request.unionRegionId)) {
      // An organiser or partner of another region may not even learn that the agreement exists.
      if (!may(tx, Permission.ManageFederation)) throw DomainException.notFound('Agreement', agreement.id, 'agreementId');
      throw DomainException.badInput('unionId', `The union is in ${await name(request.unionRegionId)}, which is not a party to agreement ${agreement.id}; book under an agreement of your own region`);
    }
    const hostRegionId = parties.find((r) => r !== request.unionRegionId)!;
    if (request.baseRegionId !== hostRegionId) {
      throw DomainException.badInput(
        'packageId',
        `Agreement ${agreement.id} sends ${await name(request.unionRegionId)}'s groups to bases in ${await name(hostRegionId)}; this package's base is in ${await name(request.baseRegionId)}`,
      );
    }
    if (agreement.status !== AgreementStatus.ACTIVE) {
      throw DomainException.badInput('agreementId', `Agreement ${agreement.id} is ${agreement.status}; batches are booked only under an ACTIVE agreement`, { status: agreement.status });
    }
    if (request.startDate < agreement.from || request.endDate > agreement.to) {
      throw DomainException.badInput('startDate', `Agreement ${agreement.id} covers stays from ${agreement.from} to ${agreement.to}; this one is ${request.startDate}…${request.endDate}`);
    }
    await this.agreements.useQuota(tx, agreement.id, request.unionRegionId, request.startDate, request.headcount);
    const benefit = await tx.em.findOneBy(AgreementBenefit, { agreementId: agreement.id, hostRegionId });
    const allotments = await this.allotments.covering(tx, agreement.id, request.baseId, request.startDate, addDays(request.endDate, -1));
    return {
      agreementId: agreement.id,
      benefitType: benefit?.type ?? BenefitType.NONE,
      benefitAmount: benefit?.amount ?? 0,
      allotmentIds: allotments.filter((a) => a.guestRegionId === request.unionRegionId).map((a) => a.id),
    };
  }

  async beforeTransition(tx: TxContext, batch: Batch, to: BatchStatus): Promise<void> {
    if (batch.agreementId === null || batch.unionRegionId === null || !HOLDS_BEDS.has(batch.status) || !GIVES_QUOTA_BACK.has(to)) return;
    await this.agreements.useQuota(tx, batch.agreementId, batch.unionRegionId, batch.startDate, -batch.headcount);
  }

  async beforeHeadcountChange(tx: TxContext, batch: Batch, headcount: number): Promise<void> {
    if (batch.agreementId === null || batch.unionRegionId === null) return;
    await this.agreements.useQuota(tx, batch.agreementId, batch.unionRegionId, batch.startDate, headcount - batch.headcount);
  }

  /**
   * A batch under an agreement moves only within its dates while it is ACTIVE, and its quota follows
   * it: given back in the old agreement year and taken in the new one when they differ (QUOTA_EXCEEDED
   * refuses the move), the earlier year's row first so two opposite moves lock in the same order.
   */
  async beforeReschedule(tx: TxContext, batch: Batch, move: BatchMove): Promise<void> {
    if (batch.agreementId === null || batch.unionRegionId === null) return;
    const agreement = await this.agreements.lockShared(tx, batch.agreementId);
    if (!agreement) throw new Error(`Batch ${batch.id} names agreement ${batch.agreementId}, which does not exist`);
    if (agreement.status !== AgreementStatus.ACTIVE) {
      throw DomainException.badInput('startDate', `Batch ${batch.reference} is booked under agreement ${agreement.id}, which is ${agreement.status}; it can no longer move`, {
        status: agreement.status,
      });
    }
    if (move.startDate < agreement.from || move.endDate > agreement.to) {
      throw DomainException.badInput('startDate', `Agreement ${agreement.id} covers stays from ${agreement.from} to ${agreement.to}; the new stay would be ${move.startDate}…${move.endDate}`);
    }
    const oldYear = agreementYearOf(agreement.from, agreement.to, batch.startDate)?.year;
    const newYear = agreementYearOf(agreement.from, agreement.to, move.startDate)?.year;
    if (oldYear === newYear) return;
    const giveBack = () => this.agreements.useQuota(tx, batch.agreementId!, batch.unionRegionId!, batch.startDate, -batch.headcount);
    const take = () => this.agreements.useQuota(tx, batch.agreementId!, batch.unionRegionId!, move.startDate, batch.headcount, 'startDate');
    if (move.startDate < batch.startDate) {
      await take();
      await giveBack();
    } else {
      await giveBack();
      await take();
    }
  }
}
