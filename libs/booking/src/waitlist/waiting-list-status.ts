import { registerEnumType } from '@nestjs/graphql';

/** Where a waiting-list entry stands. WAITING and OFFERED are open; every other state is final. */
export enum WaitingListStatus {
  WAITING = 'WAITING',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  LAPSED = 'LAPSED',
  LEFT = 'LEFT',
  EXPIRED = 'EXPIRED',
}

registerEnumType(WaitingListStatus, {
  name: 'WaitingListStatus',
  description: 'Where a waiting-list entry stands.',
  valuesMap: {
    WAITING: { description: 'In the queue of its base, in order of arrival, until its nights all fit, it is left, or answerBy passes.' },
    OFFERED: { description: 'Beds came back and are held for it until offerExpiresAt: accept (a REQUESTED batch) or decline.' },
    ACCEPTED: { description: 'The offer was accepted: it became the REQUESTED batch batchId, holding the offered beds.' },
    DECLINED: { description: 'The union declined the offer; the beds went to the next waiting entry that fits, or back to sale.' },
    LAPSED: { description: 'The offer was not answered by offerExpiresAt; the beds went to the next waiting entry that fits, or back to sale.' },
    LEFT: { description: 'The union left the waiting list before any offer.' },
    EXPIRED: { description: 'No beds came back by the end of its answerBy day.' },
  },
});

export enum WaitingListAction {
  OFFER = 'OFFER',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  LAPSE = 'LAPSE',
  LEAVE = 'LEAVE',
  EXPIRE = 'EXPIRE',
}

/** The states in which an entry holds beds on the capacity calendar. */
export const HOLDS_OFFERED_BEDS: ReadonlySet<WaitingListStatus> = new Set([WaitingListStatus.OFFERED]);
