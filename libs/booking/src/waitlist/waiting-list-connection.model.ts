import { ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/shared';
import { WaitingListEntry } from './waiting-list-entry.entity.js';

@ObjectType({ description: 'A page of waiting-list entries, in order of arrival (the order offers are made in).' })
export class WaitingListEntryConnection extends Connection(WaitingListEntry, 'WaitingListEntry') {}
