import { Injectable } from '@nestjs/common';
import { type Batch, type BatchRule, BatchStatus } from '@app/booking';
import { UnionPolicyService } from '@app/base';
import { DomainException, ErrorCode, formatYuan, type TxContext } from '@app/shared';
import { InsuranceService } from '../insurance/insurance.service.js';
import { ParticipantEditService } from './participant-edit.service.js';
import { ParticipantQueryService } from './participant-query.service.js';

/** What the rooming list asks of the lifecycle: check in a full list, never shrink below it. */
@Injectable()
export class RosterBatchRules implements BatchRule {
  constructor(
    private readonly participants: ParticipantQueryService,
    private readonly edits: ParticipantEditService,
    private readonly policies: UnionPolicyService,
    private readonly insurance: InsuranceService,
  ) {}

  /** Check-in needs the full list, a team leader on it, and accident insurance of at least the union policy's minimum. */
  async beforeTransition(tx: TxContext, batch: Batch, to: BatchStatus): Promise<void> {
    if (to !== BatchStatus.CHECKED_IN) return;
    const listed = await this.participants.countInTransaction(tx, batch.id);
    if (listed !== batch.headcount) {
      throw DomainException.invalidTransition(
        batch.status,
        to,
        `The rooming list of batch ${batch.reference} has ${listed} ${listed === 1 ? 'person' : 'people'} but its headcount is ${batch.headcount}: complete the list or change the headcount before check-in`,
      );
    }
    const missing: string[] = [];
    const policy = await this.policies.forBatch(tx, batch);
    const insured = await this.insurance.of(tx, batch.id);
    if (!insured) missing.push('accident insurance (recordInsurance)');
    else if (insured.sumInsured < policy.insuranceMinimum) missing.push(`accident insurance of at least ${formatYuan(policy.insuranceMinimum)} per person`);
    if (!(await this.participants.hasTeamLeader(tx, batch.id))) missing.push('a team leader (领队) on the list (setTeamLeader)');
    if (missing.length) {
      throw new DomainException(ErrorCode.INVALID_TRANSITION, `Batch ${batch.reference} cannot check in without ${missing.join(' and ')}`, {
        from: batch.status,
        to,
        missing: missing.map((m) => ({ what: m })),
      });
    }
  }

  async beforeHeadcountChange(tx: TxContext, batch: Batch, headcount: number): Promise<void> {
    const listed = await this.participants.countInTransaction(tx, batch.id);
    if (listed > headcount) {
      throw DomainException.badInput(
        'headcount',
        `${listed} people are on the rooming list of batch ${batch.reference}; take ${listed - headcount} off it before lowering the headcount to ${headcount}`,
        {
          participantCount: listed,
        },
      );
    }
  }

  /** Who of the list arrived (everyone when `arrivedIds` is null); bills, vouchers and person-visits count them. */
  arrivals(tx: TxContext, batch: Batch, arrivedIds: number[] | null): Promise<number> {
    return this.edits.markArrivals(tx, batch, arrivedIds);
  }
}
