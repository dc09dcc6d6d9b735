import { ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/shared';
import { Batch } from './batch.entity.js';

@ObjectType({ description: 'A page of batches, newest first.' })
export class BatchConnection extends Connection(Batch, 'Batch') {}
