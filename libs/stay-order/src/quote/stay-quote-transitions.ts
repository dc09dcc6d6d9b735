import { Role, StateMachine, type Transition } from '@app/shared';
import { StayQuoteAction, StayQuoteStatus } from './stay-quote-status.js';

const { OFFERED, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED } = StayQuoteStatus;
/** The union's side accepts or declines; the base's side withdraws; the federation may act for either. */
const ASKING = [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN];
const QUOTING = [Role.BASE_OPERATOR, Role.ADMIN];

/** The one table of a quote's moves; scoping (whose union, whose base) is the access policy's. */
export const STAY_QUOTE_TRANSITIONS: readonly Transition<StayQuoteStatus, StayQuoteAction>[] = [
  { action: StayQuoteAction.ACCEPT, from: [OFFERED], to: ACCEPTED, actors: ASKING, reason: false },
  { action: StayQuoteAction.DECLINE, from: [OFFERED], to: DECLINED, actors: ASKING, reason: true },
  { action: StayQuoteAction.WITHDRAW, from: [OFFERED], to: WITHDRAWN, actors: QUOTING, reason: true },
  { action: StayQuoteAction.EXPIRE, from: [OFFERED], to: EXPIRED, actors: ['SYSTEM'], reason: false },
];

export const STAY_QUOTE_MACHINE = new StateMachine('stay quote', OFFERED, STAY_QUOTE_TRANSITIONS);
