import { Injectable } from '@nestjs/common';
import { type Allotment, AllotmentService, BaseService } from '@app/base';
import { type CalendarDate, DomainException, may, Permission, type RequestContext, TransactionRunner, type TxContext } from '@app/shared';
import { AgreementStatus } from './agreement-status.js';
import { AgreementService } from './agreement.service.js';
import type { CreateAllotmentInput } from './create-allotment.input.js';

/**
 * An agreement's allotments (room blocks): made for an ACTIVE agreement by its host side, released by
 * hand, seen by whoever sees the agreement. The blocks themselves are base's AllotmentService.
 */
@Injectable()
export class AgreementAllotmentService {
  constructor(
    private readonly db: TransactionRunner,
    private readonly agreements: AgreementService,
    private readonly allotments: AllotmentService,
    private readonly bases: BaseService,
  ) {}

  /** The host base's operator or an admin: beds taken from general sale, held for the other region. */
  create(ctx: RequestContext, input: CreateAllotmentInput): Promise<Allotment> {
    return this.db.transaction(ctx, async (tx) => {
      const agreement = await this.agreements.lockVisibleOrThrow(tx, input.agreementId, 'agreementId');
      if (agreement.status !== AgreementStatus.ACTIVE) {
        throw DomainException.badInput('agreementId', `Agreement ${agreement.id} is ${agreement.status}; allotments are made for an ACTIVE agreement`, { status: agreement.status });
      }
      const base = await this.bases.getOrThrow(tx, input.baseId, 'baseId');
      const parties = [agreement.proposerRegionId, agreement.partnerRegionId];
      if (!parties.includes(base.regionId)) {
        throw DomainException.badInput('baseId', `Base ${base.id} (${base.name}) is not in either region of agreement ${agreement.id}`);
      }
      if (input.from < agreement.from || input.to > agreement.to) {
        throw DomainException.badInput('to', `Agreement ${agreement.id} runs ${agreement.from}…${agreement.to}; the allotment's nights ${input.from}…${input.to} must lie within it`);
      }
      const guestRegionId = parties.find((r) => r !== base.regionId)!;
      return this.allotments.create(tx, { agreementId: agreement.id, baseId: base.id, guestRegionId, from: input.from, to: input.to, beds: input.beds, releaseDays: input.releaseDays });
    });
  }

  /** Gives the unused beds of nights from…to back to general sale now: the host base's operator, the guest region's PARTNER, or an admin. */
  release(ctx: RequestContext, id: number, from: CalendarDate, to: CalendarDate, reason: string | null): Promise<Allotment> {
    if (to < from) throw DomainException.badInput('to', `to (${to}) is before from (${from})`);
    return this.db.transaction(ctx, async (tx) => {
      const allotment = await this.lockVisibleOrThrow(tx, id);
      const mayRelease = may(tx, Permission.OperateBase, { baseId: allotment.baseId }) || may(tx, Permission.ActForRegion, { regionId: allotment.guestRegionId });
      if (!mayRelease) throw DomainException.forbidden("Only the host base's operator, the guest region's partner or an admin releases an allotment");
      if (to < allotment.from || from > allotment.to) {
        throw DomainException.badInput('from', `Allotment ${allotment.id} holds the nights ${allotment.from}…${allotment.to}; ${from}…${to} is outside them`);
      }
      await this.allotments.releaseRange(tx, allotment, from, to, reason?.trim().slice(0, 500) || null);
      return allotment;
    });
  }

  /** Visible to whoever sees its agreement, and to its base's operator. */
  async getVisibleOrThrow(ctx: RequestContext, id: number): Promise<Allotment> {
    const allotment = await this.allotments.getOrThrow(ctx, id);
    if (!(await this.agreements.loadVisible(ctx, allotment.agreementId))) throw DomainException.notFound('Allotment', id, 'id');
    return allotment;
  }

  private async lockVisibleOrThrow(tx: TxContext, id: number): Promise<Allotment> {
    const allotment = await this.allotments.lockOrThrow(tx, id);
    if (!(await this.agreements.loadVisible(tx, allotment.agreementId))) throw DomainException.notFound('Allotment', id, 'id');
    return allotment;
  }
}
