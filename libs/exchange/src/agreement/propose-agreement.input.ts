import { Field, InputType, Int } from '@nestjs/graphql';
import { BenefitType } from '@app/booking';
import { DateScalar } from '@app/shared';
import { AgreementStatus } from './agreement-status.js';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

@InputType({ description: 'Person-visits one side may send in each agreement year.' })
export class QuotaInput {
  @Field(() => Int, { description: 'The sending region: one of the two parties.' })
  @IsInt()
  fromRegionId: number;

  @Field(() => Int, { description: 'Person-visits (人次) per agreement year, 1–1,000,000.' })
  @IsInt()
  @Min(1, { message: 'personVisits must be at least 1' })
  @Max(1_000_000, { message: 'personVisits cannot exceed 1,000,000' })
  personVisits: number;
}

@InputType({ description: "What a host region gives the other's visitors." })
export class BenefitInput {
  @Field(() => Int, { description: 'The host region: one of the two parties.' })
  @IsInt()
  hostRegionId: number;

  @Field(() => BenefitType)
  @IsEnum(BenefitType)
  type: BenefitType;

  @Field(() => String, {
    nullable: true,
    description:
      'VOUCHER_PER_PERSON: yuan per person per trip, e.g. "100.00" (at most 10000.00). DISCOUNT_PERCENT: percent off the package, e.g. "15" or "12.50" (above 0, at most 100). Omit for NONE.',
  })
  @IsOptional()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'amount must be a positive decimal number of at most 9 digits before the point and two after, e.g. "100.00"' })
  amount?: string | null;
}

@InputType({ description: 'A new exchange agreement, proposed by one region to another.' })
export class ProposeAgreementInput {
  @Field(() => Int, { nullable: true, description: "The proposing region: a PARTNER's own (may be omitted); an admin names it." })
  @IsOptional()
  @IsInt()
  regionId?: number | null;

  @Field(() => Int, { description: 'The other region, which accepts or declines.' })
  @IsInt()
  partnerRegionId: number;

  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field(() => DateScalar, { description: 'First day.' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day (at most five years after from).' })
  to: string;

  @Field(() => [QuotaInput], { defaultValue: [], description: 'At most one per direction; a direction without one is not limited.' })
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => QuotaInput)
  quotas: QuotaInput[];

  @Field(() => [BenefitInput], { defaultValue: [], description: 'At most one per host region; a host without one gives none.' })
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => BenefitInput)
  benefits: BenefitInput[];
}

@InputType({ description: 'Which agreements to list.' })
export class AgreementFilter {
  @Field(() => Int, { nullable: true, description: 'Agreements this region is party to.' })
  @IsOptional()
  @IsInt()
  regionId?: number | null;

  @Field(() => AgreementStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AgreementStatus)
  status?: AgreementStatus | null;
}
