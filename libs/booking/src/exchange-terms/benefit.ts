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

/** The benefit per person in fen: the voucher, or the discount off `price` rounded half up to the fen. */
export function benefitPerPerson(type: BenefitType | null, amount: number, price: number): number {
  // A voucher never exceeds the price: the bill of a stay is never negative.
  if (type === BenefitType.VOUCHER_PER_PERSON) return Math.min(amount, price);
  if (type === BenefitType.DISCOUNT_PERCENT) return Number((BigInt(price) * BigInt(amount) + 5_000n) / 10_000n);
  return 0;
}

/** The discount per person in fen that lowers the package price (a voucher does not: it is its own bill line). */
export function discountPerPerson(type: BenefitType | null, perPerson: number): number {
  return type === BenefitType.DISCOUNT_PERCENT ? perPerson : 0;
}
