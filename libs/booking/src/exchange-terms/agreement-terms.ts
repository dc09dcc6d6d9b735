import type { BenefitType } from './benefit.js';

/** What booking knows of a request when it asks for its agreement's terms. */
export interface AgreementRequest {
  agreementId: number;
  unionId: number;
  unionRegionId: number;
  baseId: number;
  baseRegionId: number;
  startDate: string;
  endDate: string;
  headcount: number;
}

/** What a request under an agreement takes from it, fixed on the batch when it is requested. */
export interface AgreementTerms {
  agreementId: number;
  benefitType: BenefitType;
  /** Fen for a voucher; hundredths of a percent for a discount; 0 for none. */
  benefitAmount: number;
  /** Allotments of the agreement at the batch's base that cover its stay, tried in this order. */
  allotmentIds: number[];
}
