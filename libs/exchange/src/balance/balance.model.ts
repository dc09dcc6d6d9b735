import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Region } from '@app/base';
import { DateScalar, MoneyScalar } from '@app/shared';

@ObjectType({ description: 'Exchange batches of one direction: those that went ahead (checked in, completed, settled) and those still committed (requested or confirmed).' })
export class ExchangeFlow {
  @Field(() => Int, { description: 'Batches that checked in.' })
  batches: number;

  @Field(() => Int, { description: 'Their person-visits (人次).' })
  personVisits: number;

  @Field(() => Int)
  personNights: number;

  @Field(() => Int, { description: 'Batches still requested or confirmed.' })
  committedBatches: number;

  @Field(() => Int)
  committedPersonVisits: number;

  @Field(() => Int)
  committedPersonNights: number;

  @Field(() => MoneyScalar, { description: 'What the host granted the batches that went ahead: vouchers and discounts per person × people.' })
  benefitsGranted: number;
}

@ObjectType({ description: "One direction of an agreement in one agreement year: the sending region's batches at the host's bases, and its quota." })
export class AgreementDirection {
  @Field(() => Region, { description: 'The sending region.' })
  fromRegion: Region;

  @Field(() => Region, { description: 'The host region.' })
  toRegion: Region;

  @Field(() => ExchangeFlow)
  flow: ExchangeFlow;

  @Field(() => Int, { nullable: true, description: 'The quota for the year (person-visits); null when this direction has none.' })
  quota: number | null;

  @Field(() => Int, { nullable: true, description: 'Person-visits counted against it: committed and checked-in batches.' })
  quotaUsed: number | null;

  @Field(() => Int, { nullable: true })
  quotaLeft: number | null;
}

@ObjectType({ description: 'An agreement year between two regions: each direction, and the net.' })
export class AgreementBalance {
  @Field(() => Int, { description: 'The agreement year (1 from the agreement’s first day).' })
  year: number;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => [AgreementDirection], { description: 'Proposer → partner first, then partner → proposer.' })
  directions: AgreementDirection[];

  @Field(() => Int, { description: "Person-visits that checked in, sent by the proposer minus received from the partner (the proposer's point of view)." })
  net: number;
}

@ObjectType({ description: "A region's exchange with one partner region over a period." })
export class ReciprocityRow {
  @Field(() => Region, { description: 'The partner region.' })
  partnerRegion: Region;

  @Field(() => ExchangeFlow, { description: "The region's groups at the partner's bases." })
  sent: ExchangeFlow;

  @Field(() => ExchangeFlow, { description: "The partner's groups at the region's bases." })
  received: ExchangeFlow;

  @Field(() => Int, { description: 'Person-visits that checked in: sent minus received.' })
  net: number;
}

@ObjectType({ description: "A region's reciprocity dashboard: per partner region, what was sent and received under agreements." })
export class Reciprocity {
  @Field(() => Region)
  region: Region;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => [ReciprocityRow])
  partners: ReciprocityRow[];

  @Field(() => Int, { description: 'All partners: person-visits sent minus received.' })
  net: number;
}
