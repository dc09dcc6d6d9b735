import { Injectable } from '@nestjs/common';
import { UnionPolicyService } from '@app/base';
import { actsAsSystem, DomainException, ErrorCode, may, Permission, type TxContext } from '@app/shared';
import { type Batch, type BatchRule, BatchStatus } from '@app/booking';
import { howToReopen, RosterStatus, UNDER_APPROVAL } from '../roster-state/roster-status.js';
import { RosterWorkflowService } from './roster-workflow.service.js';

/** A batch that will not go: its posted list comes down. */
const ENDED = new Set([BatchStatus.CANCELLED, BatchStatus.REJECTED, BatchStatus.EXPIRED]);

/**
 * What the approval and public notice ask of the lifecycle: the base confirms a batch only once its
 * list has cleared notice (where the union's policy asks for it), the headcount holds still while
 * the union handles the list, and a batch that will not go takes its public link down.
 */
@Injectable()
export class RosterWorkflowRules implements BatchRule {
  constructor(
    private readonly policies: UnionPolicyService,
    private readonly workflow: RosterWorkflowService,
  ) {}

  async beforeTransition(tx: TxContext, batch: Batch, to: BatchStatus): Promise<void> {
    if (ENDED.has(to)) {
      await this.workflow.withdraw(tx, batch, `the batch is ${to}${tx.actor && !actsAsSystem(tx) ? ` by ${tx.actor.username}` : ''} (its history says why)`);
      return;
    }
    // The system's own seeding (demo data) confirms without the union's paperwork.
    if (to !== BatchStatus.CONFIRMED || may(tx, Permission.RecordHistory)) return;
    const policy = await this.policies.forBatch(tx, batch);
    if (!policy.publicationRequired) return;
    // A notice period that ended before the sweep came by counts as cleared.
    const roster = (await this.workflow.clearIfDue(tx, batch)) ?? (await this.workflow.rosterOf(tx, batch.id));
    if (roster.status === RosterStatus.CLEARED) return;
    throw new DomainException(
      ErrorCode.INVALID_TRANSITION,
      `The union's policy asks for the rooming list of batch ${batch.reference} to be approved and publicly posted for ${policy.publicationWorkingDays} working days before the base confirms; the list is ${roster.status}${roster.clearsOn ? ` until ${roster.clearsOn}` : ''}`,
      { from: batch.status, to, rosterStatus: roster.status },
    );
  }

  /** The posted list's own clearing day, for the batch's hold. */
  async listClearsOn(tx: TxContext, batch: Batch): Promise<string | null> {
    return (await this.workflow.rosterOf(tx, batch.id)).clearsOn;
  }

  /**
   * While the union approves or posts the list, the headcount it was submitted for stands, and once it
   * has cleared it stays: new people were never posted, and someone who drops out is a no-show.
   */
  async beforeHeadcountChange(tx: TxContext, batch: Batch): Promise<void> {
    const { status } = await this.workflow.rosterOf(tx, batch.id);
    if (UNDER_APPROVAL.has(status)) {
      throw new DomainException(
        ErrorCode.INVALID_TRANSITION,
        `The rooming list of batch ${batch.reference} is ${status} for ${batch.headcount} people: the headcount changes only while the list is a DRAFT; ${howToReopen(status)}`,
        { field: 'headcount', status: batch.status, rosterStatus: status },
      );
    }
    if (status === RosterStatus.CLEARED) {
      throw new DomainException(
        ErrorCode.INVALID_TRANSITION,
        `The rooming list of batch ${batch.reference} cleared public notice with ${batch.headcount} people, and the headcount stays: people who were not posted cannot join (book another batch for them), and someone who cannot come is left out of the arrivals at check-in`,
        { field: 'headcount', status: batch.status, rosterStatus: status },
      );
    }
  }
}
