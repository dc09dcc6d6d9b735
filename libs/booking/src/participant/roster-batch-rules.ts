import { Injectable } from '@nestjs/common';
import { type BatchRule } from '../batch/batch-rules.js';
import { BatchStatus } from '../batch/batch-status.js';
import { type Batch } from '../batch/batch.entity.js';
import { DomainException, type RequestContext } from '@app/shared';
import { ParticipantService } from './participant.service.js';

/** What the rooming list asks of the lifecycle: check in a full list, never shrink below it. */
@Injectable()
export class RosterBatchRules implements BatchRule {
  constructor(private readonly participants: ParticipantService) {}

  async beforeTransition(tx: RequestContext, batch: Batch, to: BatchStatus): Promise<void> {
    if (to !== BatchStatus.CHECKED_IN) return;
    const listed = await this.participants.countInTransaction(tx, batch.id);
    if (listed !== batch.headcount) {
      throw DomainException.invalidTransition(
        batch.status,
        to,
        `The rooming list of batch ${batch.reference} has ${listed} ${listed === 1 ? 'person' : 'people'} but its headcount is ${batch.headcount}: complete the list or change the headcount before check-in`,
      );
    }
  }

  async beforeHeadcountChange(tx: RequestContext, batch: Batch, headcount: number): Promise<void> {
    const listed = await this.participants.countInTransaction(tx, batch.id);
    if (listed > headcount) {
      throw DomainException.badInput('headcount', `${listed} people are on the rooming list of batch ${batch.reference}; take ${listed - headcount} off it before lowering the headcount to ${headcount}`, {
        participantCount: listed,
      });
    }
  }
}
