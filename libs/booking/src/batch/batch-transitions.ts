import { type Move, type MoverRole, Role, StateMachine, type Transition } from '@app/shared';
import { BatchAction, BatchStatus, HOLDS_BEDS } from './batch-status.js';

const { REQUESTED, CONFIRMED, CHECKED_IN, COMPLETED, SETTLED, REJECTED, CANCELLED, EXPIRED } = BatchStatus;
const OPERATOR: readonly MoverRole[] = [Role.BASE_OPERATOR, Role.ADMIN];

/** The one table of allowed moves. Nothing changes a batch's status except through it. */
export const BATCH_TRANSITIONS: readonly Transition<BatchStatus, BatchAction>[] = [
  { action: BatchAction.CONFIRM, from: [REQUESTED], to: CONFIRMED, actors: OPERATOR, reason: false },
  { action: BatchAction.REJECT, from: [REQUESTED], to: REJECTED, actors: OPERATOR, reason: true },
  // A PARTNER cancels what their region sent under an agreement (checked on the loaded batch).
  { action: BatchAction.CANCEL, from: [REQUESTED, CONFIRMED], to: CANCELLED, actors: [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN], reason: true },
  { action: BatchAction.EXPIRE, from: [REQUESTED], to: EXPIRED, actors: ['SYSTEM'], reason: true },
  { action: BatchAction.CHECK_IN, from: [CONFIRMED], to: CHECKED_IN, actors: OPERATOR, reason: false },
  { action: BatchAction.COMPLETE, from: [CHECKED_IN], to: COMPLETED, actors: OPERATOR, reason: false },
  // Settled by whoever records the payment that completes the bill (billing), in that transaction.
  { action: BatchAction.SETTLE, from: [COMPLETED], to: SETTLED, actors: ['SYSTEM', Role.ADMIN, Role.BASE_OPERATOR], reason: true },
];

export const BATCH_MACHINE = new StateMachine('batch', REQUESTED, BATCH_TRANSITIONS);

/** Terminal states: no rule leaves them. */
export const TERMINAL_STATES: ReadonlySet<BatchStatus> = new Set([SETTLED, REJECTED, CANCELLED, EXPIRED]);

export interface TransitionPlan extends Move<BatchStatus, BatchAction> {
  /** The batch gives its beds back in the same transaction. */
  releasesBeds: boolean;
}

/**
 * Decides a move: FORBIDDEN when the role may not make it, INVALID_TRANSITION (with from/to) when
 * the batch's state does not allow it, BAD_USER_INPUT when a required reason is blank.
 */
export function planTransition(action: BatchAction, current: BatchStatus, role: MoverRole, reason?: string | null): TransitionPlan {
  const move = BATCH_MACHINE.plan(action, current, role, reason);
  return { ...move, releasesBeds: HOLDS_BEDS.has(move.from) && !HOLDS_BEDS.has(move.to) };
}
