import { Injectable } from '@nestjs/common';
import { UnionPolicyService } from '@app/base';
import { DomainException, ErrorCode, type RequestContext, todayInShanghai } from '@app/shared';
import type { BatchRule } from '../batch/batch-rules.js';
import { BatchStatus } from '../batch/batch-status.js';
import type { Batch } from '../batch/batch.entity.js';
import { RosterStatus } from './roster-status.js';
import { RosterWorkflowService } from './roster-workflow.service.js';

/** The base confirms a batch only once its list has cleared public notice, where the union's policy asks for it. */
@Injectable()
export class RosterWorkflowRules implements BatchRule {
  constructor(
    private readonly policies: UnionPolicyService,
    private readonly workflow: RosterWorkflowService,
  ) {}

  async beforeTransition(tx: RequestContext, batch: Batch, to: BatchStatus): Promise<void> {
    // The system's own seeding (demo data) confirms without the union's paperwork.
    if (to !== BatchStatus.CONFIRMED || tx.is('SYSTEM')) return;
    const policy = await this.policies.on(tx, batch.unionId, todayInShanghai(batch.createdAt));
    if (!policy.publicationRequired) return;
    // A notice period that ended before the sweep came by counts as cleared.
    await this.workflow.clearIfDue(tx, batch);
    if (batch.rosterStatus === RosterStatus.CLEARED) return;
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      `The union's policy asks for the rooming list of batch ${batch.reference} to be approved and publicly posted for ${policy.publicationWorkingDays} working days before the base confirms; the list is ${batch.rosterStatus}${batch.rosterClearsOn ? ` until ${batch.rosterClearsOn}` : ''}`,
      { from: batch.status, to, rosterStatus: batch.rosterStatus },
    );
  }
}
