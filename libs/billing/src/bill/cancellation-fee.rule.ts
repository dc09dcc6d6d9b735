import { Injectable } from '@nestjs/common';
import { type Batch, type BatchRule, BatchStatus } from '@app/booking';
import type { TxContext } from '@app/shared';
import { CancellationPolicyService } from '../cancellation/cancellation-policy.service.js';
import { BillIssueService } from './bill-issue.service.js';

/**
 * Bills a confirmed batch cancelled inside a fee window of its base's policy — in the cancellation's
 * own transaction, so there is never a cancelled batch without its fee.
 */
@Injectable()
export class CancellationFeeRule implements BatchRule {
  constructor(
    private readonly policies: CancellationPolicyService,
    private readonly bills: BillIssueService,
  ) {}

  async beforeTransition(tx: TxContext, batch: Batch, to: BatchStatus): Promise<void> {
    if (to !== BatchStatus.CANCELLED || batch.status !== BatchStatus.CONFIRMED) return;
    const fee = await this.policies.cancellationFee(tx, batch);
    if (fee) await this.bills.issueCancellationFee(tx, batch, fee.percent, fee.daysLeft, fee.amount);
  }
}
