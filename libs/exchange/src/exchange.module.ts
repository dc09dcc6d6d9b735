import { Module } from '@nestjs/common';
import { BaseModule } from '@app/base';
import { BillingModule } from '@app/billing';
import { BookingModule } from '@app/booking';
import { AgreementAllotmentResolver } from './agreement/agreement-allotment.resolver.js';
import { AgreementAllotmentService } from './agreement/agreement-allotment.service.js';
import { AgreementBatchRules } from './agreement/agreement-batch-rules.js';
import { AgreementBenefitResolver, AgreementQuotaResolver, AgreementResolver } from './agreement/agreement.resolver.js';
import { AgreementService } from './agreement/agreement.service.js';
import { BatchAgreementResolver } from './agreement/batch-agreement.resolver.js';
import { AgreementSweeper } from './agreement/agreement-sweeper.service.js';
import { AgreementBalanceResolver } from './balance/agreement-balance.resolver.js';
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
    AgreementAllotmentService,
    BalanceService,
    SubsidyService,
    AgreementResolver,
    AgreementQuotaResolver,
    AgreementBenefitResolver,
    BatchAgreementResolver,
    AgreementAllotmentResolver,
    AgreementBalanceResolver,
    ReciprocityResolver,
    SubsidyResolver,
  ],
  exports: [AgreementService, AgreementAllotmentService, BalanceService, SubsidyService],
})
export class ExchangeModule {}
