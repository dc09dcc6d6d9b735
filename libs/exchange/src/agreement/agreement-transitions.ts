import { StateMachine, type Transition } from '@app/shared';
import { AgreementAction, AgreementStatus } from './agreement-status.js';

/**
 * Who moves an agreement: the side the caller acts for (the proposing region, the other region), an
 * admin acting for either, or the system (expiry).
 */
export type AgreementSide = 'PROPOSER' | 'PARTNER' | 'ADMIN' | 'SYSTEM';

const { PROPOSED, ACTIVE, DECLINED, TERMINATED, EXPIRED } = AgreementStatus;
const EITHER: readonly AgreementSide[] = ['PROPOSER', 'PARTNER', 'ADMIN'];

/** The one table of allowed moves; an admin acts for either side. */
export const AGREEMENT_TRANSITIONS: readonly Transition<AgreementStatus, AgreementAction, AgreementSide>[] = [
  { action: AgreementAction.ACCEPT, from: [PROPOSED], to: ACTIVE, actors: ['PARTNER', 'ADMIN'], reason: false },
  { action: AgreementAction.DECLINE, from: [PROPOSED], to: DECLINED, actors: ['PARTNER', 'ADMIN'], reason: true },
  { action: AgreementAction.TERMINATE, from: [PROPOSED, ACTIVE], to: TERMINATED, actors: EITHER, reason: true },
  { action: AgreementAction.EXPIRE, from: [ACTIVE, PROPOSED], to: EXPIRED, actors: ['SYSTEM'], reason: false },
];

/** Says who may in the regions' words: "Only the other region (not the proposer) may accept an agreement". */
function onlyWho(allowed: readonly AgreementSide[], verb: string, thing: string): string {
  const proposer = allowed.includes('PROPOSER');
  const partner = allowed.includes('PARTNER');
  const who = proposer && partner ? 'either region' : partner ? 'the other region (not the proposer)' : proposer ? 'the proposing region' : 'the system';
  return `Only ${who} may ${verb} an ${thing}`;
}

/** FORBIDDEN for the wrong side, INVALID_TRANSITION for the wrong state, BAD_USER_INPUT for a blank required reason. */
export const AGREEMENT_MACHINE = new StateMachine('agreement', PROPOSED, AGREEMENT_TRANSITIONS, onlyWho);
