import { Injectable } from '@nestjs/common';
import { type Batch, type BatchMove, type BatchRule } from '@app/booking';
import { DomainException, ErrorCode, type TxContext } from '@app/shared';
import { RosterCheckService } from '../participant/roster-check.service.js';
import { RosterStatus } from '../roster-state/roster-status.js';
import { RosterWorkflowService } from './roster-workflow.service.js';

/** A list that was posted names its dates to the public: the notice must have run its course before the new arrival. */
const POSTED = new Set([RosterStatus.PUBLISHED, RosterStatus.CLEARED]);

/**
 * What the rooming list asks of a batch that moves: its list and insurance go with it (they are the
 * batch's), a posted notice must clear before the new arrival, and the people on it must be free on
 * the new nights and within the union's yearly days.
 */
@Injectable()
export class RosterMoveRules implements BatchRule {
  constructor(
    private readonly workflow: RosterWorkflowService,
    private readonly checks: RosterCheckService,
  ) {}

  async beforeReschedule(tx: TxContext, batch: Batch, move: BatchMove): Promise<void> {
    const roster = await this.workflow.rosterOf(tx, batch.id);
    if (POSTED.has(roster.status) && roster.clearsOn && roster.clearsOn > move.startDate) {
      throw new DomainException(
        ErrorCode.INVALID_TRANSITION,
        `The rooming list of batch ${batch.reference} is ${roster.status} under public notice until ${roster.clearsOn}; the batch cannot arrive before the notice clears: choose a start on ${roster.clearsOn} or later`,
        { field: 'startDate', from: batch.status, to: batch.status, rosterStatus: roster.status, clearsOn: roster.clearsOn },
      );
    }
    await this.checks.checkMovedList(tx, { ...batch, startDate: move.startDate, endDate: move.endDate, nights: move.nights, packageId: move.packageId });
  }
}
