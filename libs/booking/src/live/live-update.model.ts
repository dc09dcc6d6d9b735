import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CapacityChangeKind, CapacityDay } from '@app/base';
import { DateScalar } from '@app/shared';
import { BatchEvent } from '../batch/batch-event.entity.js';
import { Batch } from '../batch/batch.entity.js';

@ObjectType({ description: 'A batch the subscriber may see has changed: its history event and the batch as it is now.' })
export class BatchUpdate {
  @Field(() => BatchEvent, { description: 'What happened: the status it left and reached, who did it, when and why.' })
  event: BatchEvent;

  @Field(() => Batch, { description: 'The batch after the change (read when the update is sent).' })
  batch: Batch;
}

@ObjectType({ description: "A base's calendar over the nights asked, sent when a batch there or the nights themselves changed (and once on subscribing)." })
export class BaseCalendarUpdate {
  @Field(() => Int)
  baseId: number;

  @Field(() => Int, { nullable: true, description: 'The batch whose change caused this update; null for the first one, sent on subscribing, and for a change to the nights.' })
  batchId: number | null;

  @Field(() => CapacityChangeKind, { nullable: true, description: "The change to the base's nights (beds set, closed, reopened) that caused this update; null otherwise." })
  nightsChange: CapacityChangeKind | null;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => [CapacityDay], { description: 'Each night from…to as it is now.' })
  nights: CapacityDay[];
}
