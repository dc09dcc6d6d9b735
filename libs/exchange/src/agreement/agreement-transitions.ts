import { DomainException, refuseUnlessFrom } from '@app/shared';
import { AgreementAction, AgreementStatus } from './agreement-status.js';

/** Which party may make a move: the proposer's side, the other side, either, or the system (expiry). */
export type AgreementParty = 'PROPOSER' | 'PARTNER' | 'EITHER' | 'SYSTEM';

export interface AgreementTransition {
  action: AgreementAction;
  from: readonly AgreementStatus[];
  to: AgreementStatus;
  by: AgreementParty;
  /** A reason must be given. */
  reason: boolean;
}

const { PROPOSED, ACTIVE, DECLINED, TERMINATED, EXPIRED } = AgreementStatus;

/** The one table of allowed moves; an admin acts for either side. */
export const AGREEMENT_TRANSITIONS: readonly AgreementTransition[] = [
  { action: AgreementAction.ACCEPT, from: [PROPOSED], to: ACTIVE, by: 'PARTNER', reason: false },
  { action: AgreementAction.DECLINE, from: [PROPOSED], to: DECLINED, by: 'PARTNER', reason: true },
  { action: AgreementAction.TERMINATE, from: [PROPOSED, ACTIVE], to: TERMINATED, by: 'EITHER', reason: true },
  { action: AgreementAction.EXPIRE, from: [ACTIVE, PROPOSED], to: EXPIRED, by: 'SYSTEM', reason: false },
];

/**
 * Decides a move for the caller's side (`side`: which party the caller acts for, 'ADMIN' for both,
 * 'SYSTEM' for the sweep): FORBIDDEN for the wrong side, INVALID_TRANSITION for the wrong state.
 */
export function planAgreementTransition(action: AgreementAction, current: AgreementStatus, side: 'PROPOSER' | 'PARTNER' | 'ADMIN' | 'SYSTEM'): AgreementTransition {
  const rule = AGREEMENT_TRANSITIONS.find((r) => r.action === action);
  if (!rule) throw new Error(`No agreement transition for ${action}`);
  const allowed = side === 'SYSTEM' || (rule.by !== 'SYSTEM' && (side === 'ADMIN' || rule.by === 'EITHER' || rule.by === side));
  if (!allowed) {
    const who = { PROPOSER: 'the proposing region', PARTNER: 'the other region (not the proposer)', EITHER: 'either region', SYSTEM: 'the system' }[rule.by];
    throw DomainException.forbidden(`Only ${who} may ${action.toLowerCase()} an agreement`);
  }
  refuseUnlessFrom('agreement', action, current, rule.from, rule.to);
  return rule;
}
