import { Module } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BillingModule } from '@app/billing';
import { BookingModule } from '@app/booking';
import { AgreementBatchRules } from './agreement/agreement-batch-rules.js';
import { AgreementBenefitResolver, AgreementQuotaResolver, AgreementResolver } from './agreement/agreement.resolver.js';
import { AgreementService } from './agreement/agreement.service.js';
import { BatchAgreementResolver } from './agreement/batch-agreement.resolver.js';
import { AgreementSweeper } from './agreement/agreement-sweeper.service.js';
import { AllotmentResolver } from './allotment/allotment.resolver.js';
import { ExchangeAllotmentService } from './allotment/exchange-allotment.service.js';
import { BalanceService } from './balance/balance.service.js';
import { ReciprocityResolver } from './balance/reciprocity.resolver.js';
import { SubsidyResolver } from './subsidy/subsidy.resolver.js';
import { SubsidyService } from './subsidy/subsidy.service.js';

/** Reciprocal exchange (互派): agreements between regions, their quotas, allotments and benefits, the balance and subsidy claims. */
@Module({
  imports: [BaseModule, BookingModule, BillingModule],
  providers: [
    AgreementService,
    AgreementBatchRules,
    AgreementSweeper,
    ExchangeAllotmentService,
    BalanceService,
    SubsidyService,
    AgreementResolver,
    AgreementQuotaResolver,
    AgreementBenefitResolver,
    BatchAgreementResolver,
    AllotmentResolver,
    ReciprocityResolver,
    SubsidyResolver,
  ],
  exports: [AgreementService, ExchangeAllotmentService, BalanceService, SubsidyService],
})
export class ExchangeModule {}
