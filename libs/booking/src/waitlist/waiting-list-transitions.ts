import { Role, StateMachine, type Transition } from '@app/shared';
import { WaitingListAction, WaitingListStatus } from './waiting-list-status.js';

const { WAITING, OFFERED, ACCEPTED, DECLINED, LAPSED, LEFT, EXPIRED } = WaitingListStatus;
/** Who books for a union (requestBatch's roles): the entry's union, its region's partner, the federation; scoped on the loaded entry. */
const BOOKING = [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN];

/**
 * The one table of a waiting-list entry's moves. A declined or lapsed offer ends its entry (the
 * union said no, or did not answer in time): the beds pass to the next waiting entry that fits.
 */
export const WAITING_LIST_TRANSITIONS: readonly Transition<WaitingListStatus, WaitingListAction>[] = [
  { action: WaitingListAction.OFFER, from: [WAITING], to: OFFERED, actors: ['SYSTEM'], reason: false },
  { action: WaitingListAction.ACCEPT, from: [OFFERED], to: ACCEPTED, actors: BOOKING, reason: false, verb: 'accept the offer of' },
  { action: WaitingListAction.DECLINE, from: [OFFERED], to: DECLINED, actors: BOOKING, reason: false, verb: 'decline the offer of' },
  { action: WaitingListAction.LAPSE, from: [OFFERED], to: LAPSED, actors: ['SYSTEM'], reason: false },
  { action: WaitingListAction.LEAVE, from: [WAITING], to: LEFT, actors: BOOKING, reason: false },
  { action: WaitingListAction.EXPIRE, from: [WAITING], to: EXPIRED, actors: ['SYSTEM'], reason: false },
];

export const WAITING_LIST_MACHINE = new StateMachine('waiting-list entry', WAITING, WAITING_LIST_TRANSITIONS);

export const WAITING_LIST_TERMINAL: ReadonlySet<WaitingListStatus> = new Set([ACCEPTED, DECLINED, LAPSED, LEFT, EXPIRED]);
