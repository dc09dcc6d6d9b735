import { DomainException, refuseUnlessFrom, Role } from '@app/shared';
import { BatchAction, BatchStatus, HOLDS_BEDS } from './batch-status.js';

type ActorRole = Role | 'SYSTEM';

export interface TransitionRule {
  action: BatchAction;
  from: readonly BatchStatus[];
  to: BatchStatus;
  /** Who may make the move; scoping (own base, own union) is checked when the batch is loaded. */
  actors: readonly ActorRole[];
}

const { REQUESTED, CONFIRMED, CHECKED_IN, COMPLETED, SETTLED, REJECTED, CANCELLED, EXPIRED } = BatchStatus;
const OPERATOR: readonly ActorRole[] = [Role.BASE_OPERATOR, Role.ADMIN];

/** The one table of allowed moves. Nothing changes a batch's status except through it. */
export const BATCH_TRANSITIONS: readonly TransitionRule[] = [
  { action: BatchAction.CONFIRM, from: [REQUESTED], to: CONFIRMED, actors: OPERATOR },
  { action: BatchAction.REJECT, from: [REQUESTED], to: REJECTED, actors: OPERATOR },
  // A PARTNER cancels what their region sent under an agreement (checked on the loaded batch).
  { action: BatchAction.CANCEL, from: [REQUESTED, CONFIRMED], to: CANCELLED, actors: [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN] },
  { action: BatchAction.EXPIRE, from: [REQUESTED], to: EXPIRED, actors: ['SYSTEM'] },
  { action: BatchAction.CHECK_IN, from: [CONFIRMED], to: CHECKED_IN, actors: OPERATOR },
  { action: BatchAction.COMPLETE, from: [CHECKED_IN], to: COMPLETED, actors: OPERATOR },
  // Settled by whoever records the payment that completes the bill (billing), in that transaction.
  { action: BatchAction.SETTLE, from: [COMPLETED], to: SETTLED, actors: ['SYSTEM', Role.ADMIN, Role.BASE_OPERATOR] },
];

export interface TransitionPlan {
  rule: TransitionRule;
  from: BatchStatus;
  to: BatchStatus;
  /** The batch gives its beds back in the same transaction. */
  releasesBeds: boolean;
}

/**
 * Decides a move: FORBIDDEN when the role may not make it, INVALID_TRANSITION (with from/to) when
 * the batch's state does not allow it.
 */
export function planTransition(action: BatchAction, current: BatchStatus, role: ActorRole): TransitionPlan {
  const rule = BATCH_TRANSITIONS.find((r) => r.action === action);
  if (!rule) throw new Error(`No transition rule for action "${action}"`);
  // The system (the hold sweep, billing, start-up seeding) may make any move the state allows.
  if (role !== 'SYSTEM' && !rule.actors.includes(role)) {
    throw DomainException.forbidden(`Only ${rule.actors.join(' or ')} may ${action} a batch; you are ${role}`);
  }
  refuseUnlessFrom('batch', action, current, rule.from, rule.to);
  return { rule, from: current, to: rule.to, releasesBeds: HOLDS_BEDS.has(current) && !HOLDS_BEDS.has(rule.to) };
}

/** States reachable from REQUESTED through the table (a test proves it is every state). */
export function reachableStates(): Set<BatchStatus> {
  const seen = new Set<BatchStatus>([REQUESTED]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const rule of BATCH_TRANSITIONS) {
      if (rule.from.some((f) => seen.has(f)) && !seen.has(rule.to)) {
        seen.add(rule.to);
        grew = true;
      }
    }
  }
  return seen;
}

/** Terminal states: no rule leaves them. */
export const TERMINAL_STATES: ReadonlySet<BatchStatus> = new Set([SETTLED, REJECTED, CANCELLED, EXPIRED]);
