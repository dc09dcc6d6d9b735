import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@app/shared';
import { Base } from '../base/base.entity.js';

@ObjectType({ description: "One night of a base's calendar." })
export class CapacityDay {
  @Field(() => DateScalar, { description: 'The night (the stay sleeps there from this evening).' })
  date: string;

  @Field(() => Int, { description: 'Beds the base offers that night; 0 where none were set.' })
  totalBeds: number;

  @Field(() => Int, { description: 'Beds taken from general sale: held by batches (requested, confirmed, checked in) and by allotments.' })
  reservedBeds: number;

  @Field(() => Int, { description: 'Of reservedBeds, those held for allotments and not used by their batches yet.' })
  allottedBeds: number;

  @Field(() => Int, { description: 'Beds general sale can still take: 0 on a closed night.' })
  availableBeds: number;

  @Field()
  closed: boolean;

  @Field(() => String, { nullable: true })
  closedReason: string | null;
}

@ObjectType({ description: 'Whether a batch of the asked size fits a base on every night asked.' })
export class BaseAvailability {
  @Field(() => Base)
  base: Base;

  @Field({ description: 'True when every night has at least `headcount` available beds and none is closed.' })
  fits: boolean;

  @Field(() => Int, { description: 'The fewest available beds over the nights asked.' })
  minAvailableBeds: number;

  @Field(() => [CapacityDay])
  nights: CapacityDay[];
}

@ObjectType({ description: 'A base and night whose reserved beds differ from the batches holding them.' })
export class CapacityDrift {
  @Field(() => Int)
  baseId: number;

  @Field(() => DateScalar)
  date: string;

  @Field(() => Int, { nullable: true, description: 'Set for an allotment night whose used beds differ from its batches; null for a base night.' })
  allotmentId: number | null;

  @Field(() => Int, { description: 'What the capacity calendar says is reserved (for an allotment night: its used beds).' })
  reservedBeds: number;

  @Field(() => Int, { description: 'The headcounts of the batches holding beds that night from general capacity (for an allotment night: from the allotment).' })
  heldByBatches: number;

  @Field(() => Int, { description: 'Beds held that night for waiting-list entries with an open offer (OFFERED), counted like batches (0 for an allotment night).' })
  heldByOffers: number;

  @Field(() => Int, { description: 'Beds the allotments hold that night, used or not (0 for an allotment night).' })
  heldByAllotments: number;

  @Field(() => Int, { description: "The calendar's allottedBeds (0 for an allotment night)." })
  allottedBeds: number;

  @Field(() => Int, { description: "The allotments' unused, unreleased beds that night, which allottedBeds must equal (0 for an allotment night)." })
  unusedAllotmentBeds: number;
}
