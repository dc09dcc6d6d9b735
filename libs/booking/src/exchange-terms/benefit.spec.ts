import { BenefitType, benefitPerPerson } from './benefit.js';

describe('benefitPerPerson', () => {
  it.each([
    [BenefitType.VOUCHER_PER_PERSON, 10_000, 398_000, 10_000],
    // A voucher never exceeds the price.
    [BenefitType.VOUCHER_PER_PERSON, 10_000, 8_000, 8_000],
    // 15.00 % of 3980.00 yuan = 597.00 yuan.
    [BenefitType.DISCOUNT_PERCENT, 1_500, 398_000, 59_700],
    // 12.50 % of 0.99 yuan = 12.375 fen, half up to 12; of 1.00 yuan = 12.5 fen, half up to 13.
    [BenefitType.DISCOUNT_PERCENT, 1_250, 99, 12],
    [BenefitType.DISCOUNT_PERCENT, 1_250, 100, 13],
    [BenefitType.DISCOUNT_PERCENT, 10_000, 398_000, 398_000],
    [BenefitType.NONE, 0, 398_000, 0],
    [null, 5_000, 398_000, 0],
  ])('%s of %i on a price of %i fen is %i fen', (type, amount, price, expected) => {
    expect(benefitPerPerson(type, amount, price)).toBe(expected);
  });
});
