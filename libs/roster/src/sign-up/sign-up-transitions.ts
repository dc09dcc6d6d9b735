import { type MoverRole, PLATFORM_CLIENT, Role, StateMachine, type Transition } from '@app/shared';
import { SignUpAction, SignUpStatus } from './sign-up-status.js';

const { SIGNED_UP, SELECTED, RESERVE, INELIGIBLE, WITHDRAWN } = SignUpStatus;
/** Who posts a sign-up (Permission.PostSignUp's roles, the workers' platform among them); whose union is checked on the batch. */
const POSTING: MoverRole[] = [Role.UNION_ORGANISER, Role.ADMIN, PLATFORM_CLIENT];

/**
 * The one table of a sign-up's moves. Selecting, the reserve, moving up and refusing are the rule's
 * moves (made by the system on the closing or withdrawal, recorded with who caused them); a worker
 * withdraws until the list freezes.
 */
export const SIGN_UP_TRANSITIONS: readonly Transition<SignUpStatus, SignUpAction>[] = [
  { action: SignUpAction.SELECT, from: [SIGNED_UP], to: SELECTED, actors: ['SYSTEM'], reason: false },
  { action: SignUpAction.RESERVE, from: [SIGNED_UP], to: RESERVE, actors: ['SYSTEM'], reason: false },
  { action: SignUpAction.PROMOTE, from: [RESERVE], to: SELECTED, actors: ['SYSTEM'], reason: false, verb: 'move up' },
  { action: SignUpAction.REFUSE, from: [SIGNED_UP, RESERVE], to: INELIGIBLE, actors: ['SYSTEM'], reason: true },
  { action: SignUpAction.WITHDRAW, from: [SIGNED_UP, SELECTED, RESERVE], to: WITHDRAWN, actors: POSTING, reason: false },
];

export const SIGN_UP_MACHINE = new StateMachine('sign-up', SIGNED_UP, SIGN_UP_TRANSITIONS);
