import { Agreement, AgreementBenefit, AgreementEvent, AgreementQuota } from './agreement/agreement.entity.js';

export { ExchangeModule } from './exchange.module.js';
export { Agreement, AgreementBenefit, AgreementEvent, AgreementQuota } from './agreement/agreement.entity.js';
export { AgreementStatus } from './agreement/agreement-status.js';
export { AgreementService } from './agreement/agreement.service.js';
export { AgreementAllotmentService } from './agreement/agreement-allotment.service.js';
export { AgreementSweeper } from './agreement/agreement-sweeper.service.js';
export { BalanceService } from './balance/balance.service.js';
export { SubsidyService } from './subsidy/subsidy.service.js';
export { addYears, agreementYears } from './agreement/agreement-years.js';

/** The tables this module owns. */
export const EXCHANGE_ENTITIES = [Agreement, AgreementEvent, AgreementQuota, AgreementBenefit];
