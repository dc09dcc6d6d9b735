import { BillEvent } from './bill/bill-event.entity.js';
import { BillLine } from './bill/bill-line.entity.js';
import { BillShare } from './bill/bill-share.entity.js';
import { Bill } from './bill/bill.entity.js';
import { Payment } from './bill/payment.entity.js';
import { CancellationPolicy } from './cancellation/cancellation-policy.entity.js';
import { ConsumptionEntry } from './consumption/consumption-entry.entity.js';

export { BillingModule } from './billing.module.js';
export { ConsumptionService } from './consumption/consumption.service.js';
export { ConsumptionCategory, ConsumptionEntry } from './consumption/consumption-entry.entity.js';
export { BillIssueService } from './bill/bill-issue.service.js';
export { BillPaymentService } from './bill/bill-payment.service.js';
export { BillQueryService } from './bill/bill-query.service.js';
export { Bill, BillKind, BillStatus } from './bill/bill.entity.js';
export { PaymentMethod } from './bill/payment.entity.js';
export { StatisticsService } from './statistics/statistics.service.js';

export const BILLING_ENTITIES = [ConsumptionEntry, Bill, BillLine, BillShare, BillEvent, Payment, CancellationPolicy];
