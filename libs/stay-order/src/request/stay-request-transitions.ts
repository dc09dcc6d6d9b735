import { Role, StateMachine, type Transition } from '@app/shared';
import { StayRequestAction, StayRequestStatus } from './stay-request-status.js';

const { OPEN, ACCEPTED, WITHDRAWN, EXPIRED, DECLINED } = StayRequestStatus;
/** The side that asks: the union's organiser, the partner of its region, the federation. */
const ASKING = [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN];

/** The one table of a stay request's moves; scoping (whose union) is the access policy's, on the loaded request. */
export const STAY_REQUEST_TRANSITIONS: readonly Transition<StayRequestStatus, StayRequestAction>[] = [
  { action: StayRequestAction.ACCEPT, from: [OPEN], to: ACCEPTED, actors: ASKING, reason: false, verb: 'accept a quote for' },
  { action: StayRequestAction.WITHDRAW, from: [OPEN], to: WITHDRAWN, actors: ASKING, reason: true },
  { action: StayRequestAction.EXPIRE, from: [OPEN], to: EXPIRED, actors: ['SYSTEM'], reason: false },
  // The last of its bases to decline ends it (each base's own decline is on its side of the request: StayRequestBase).
  { action: StayRequestAction.DECLINE, from: [OPEN], to: DECLINED, actors: [Role.BASE_OPERATOR, Role.ADMIN], reason: true },
];

/** FORBIDDEN for a role the table does not name, INVALID_TRANSITION for the wrong state, BAD_USER_INPUT for a blank required reason. */
export const STAY_REQUEST_MACHINE = new StateMachine('stay request', OPEN, STAY_REQUEST_TRANSITIONS);
