import { Module, type OnModuleInit } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BatchRules, BookingModule } from '@app/booking';
import { RosterModule } from '@app/roster';
import { BatchBillsResolver } from './bill/batch-bills.resolver.js';
import { BillResolver } from './bill/bill.resolver.js';
import { BillIssueService } from './bill/bill-issue.service.js';
import { BillPaymentService } from './bill/bill-payment.service.js';
import { BillQueryService } from './bill/bill-query.service.js';
import { CancellationFeeRule } from './bill/cancellation-fee.rule.js';
import { CancellationPolicyResolver } from './cancellation/cancellation-policy.resolver.js';
import { CancellationPolicyService } from './cancellation/cancellation-policy.service.js';
import { BatchBillingResolver, ConsumptionResolver } from './consumption/consumption.resolver.js';
import { BilledStays } from './consumption/billed-stays.js';
import { ConsumptionService } from './consumption/consumption.service.js';
import { StatisticsFileController } from './statistics/statistics-file.controller.js';
import { StatisticsResolver } from './statistics/statistics.resolver.js';
import { StatisticsService } from './statistics/statistics.service.js';
import { StaggeringStatisticsService } from './statistics/staggering-statistics.service.js';

/** Money: consumption entries, bills and payments, cancellation fees, and the federation's statistics. */
@Module({
  imports: [BaseModule, BookingModule, RosterModule],
  controllers: [StatisticsFileController],
  providers: [
    ConsumptionService,
    BillQueryService,
    { provide: BilledStays, useExisting: BillQueryService },
    BillIssueService,
    BillPaymentService,
    CancellationPolicyService,
    CancellationFeeRule,
    StatisticsService,
    StaggeringStatisticsService,
    ConsumptionResolver,
    BatchBillingResolver,
    BatchBillsResolver,
    BillResolver,
    CancellationPolicyResolver,
    StatisticsResolver,
  ],
  exports: [ConsumptionService, BillQueryService, BillIssueService, BillPaymentService, StatisticsService],
})
export class BillingModule implements OnModuleInit {
  constructor(
    private readonly batchRules: BatchRules,
    private readonly cancellationFee: CancellationFeeRule,
  ) {}

  /** A confirmed batch cancelled inside a fee window is billed in the cancellation's transaction. */
  onModuleInit(): void {
    this.batchRules.register(this.cancellationFee);
  }
}
