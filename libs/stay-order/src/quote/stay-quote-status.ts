import { registerEnumType } from '@nestjs/graphql';

export enum StayQuoteStatus {
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}

registerEnumType(StayQuoteStatus, {
  name: 'StayQuoteStatus',
  description: 'Where a base’s quote for a stay request stands.',
  valuesMap: {
    OFFERED: { description: 'Sent by the base; the union may accept it until validUntil.' },
    ACCEPTED: { description: 'Accepted: it became a private package (packageId) and a REQUESTED batch (batchId).' },
    DECLINED: { description: 'Declined by the union, with a reason (also when another base’s quote was accepted or the request withdrawn).' },
    WITHDRAWN: { description: 'Withdrawn by the base, with a reason (also when the base sent a newer quote).' },
    EXPIRED: { description: 'validUntil passed (or the request lapsed) before it was accepted; closed by the sweep.' },
  },
});

export enum StayQuoteAction {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  WITHDRAW = 'WITHDRAW',
  EXPIRE = 'EXPIRE',
}
