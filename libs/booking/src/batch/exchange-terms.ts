import { registerEnumType } from '@nestjs/graphql';

/** What the host region gives a visiting group under an exchange agreement. */
export enum BenefitType {
  NONE = 'NONE',
  VOUCHER_PER_PERSON = 'VOUCHER_PER_PERSON',
  DISCOUNT_PERCENT = 'DISCOUNT_PERCENT',
}

registerEnumType(BenefitType, {
  name: 'BenefitType',
  description: 'The host benefit of an exchange agreement.',
  valuesMap: {
    NONE: { description: 'No benefit: the visitors pay the package price.' },
    VOUCHER_PER_PERSON: { description: 'A voucher per person per trip (amount in yuan), deducted on the bill by the people who checked in; the base recovers it from the host federation.' },
    DISCOUNT_PERCENT: { description: 'The package price reduced by a percentage (amount in percent, e.g. "15.00").' },
  },
});

/** Where a batch's beds come from. */
export enum BedSource {
  GENERAL = 'GENERAL',
  ALLOTMENT = 'ALLOTMENT',
}

registerEnumType(BedSource, {
  name: 'BedSource',
  valuesMap: {
    GENERAL: { description: "The base's general capacity." },
    ALLOTMENT: { description: "An allotment (room block) held for the batch's region under its agreement." },
  },
});

/** What a request under an agreement takes from it, fixed on the batch when it is requested. */
export interface AgreementTerms {
  agreementId: number;
  benefitType: BenefitType;
  /** Fen for a voucher; hundredths of a percent for a discount; 0 for none. */
  benefitAmount: number;
  /** Allotments of the agreement at the batch's base that cover its stay, tried in this order. */
  allotmentIds: number[];
}

/** The benefit per person in fen: the voucher, or the discount off `price` rounded half up to the fen. */
export function benefitPerPerson(type: BenefitType | null, amount: number, price: number): number {
  // A voucher never exceeds the price: the bill of a stay is never negative.
  if (type === BenefitType.VOUCHER_PER_PERSON) return Math.min(amount, price);
  if (type === BenefitType.DISCOUNT_PERCENT) return Number((BigInt(price) * BigInt(amount) + 5_000n) / 10_000n);
  return 0;
}

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
