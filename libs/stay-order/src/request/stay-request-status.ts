import { registerEnumType } from '@nestjs/graphql';

export enum StayRequestStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
  DECLINED = 'DECLINED',
}

registerEnumType(StayRequestStatus, {
  name: 'StayRequestStatus',
  description: 'Where a stay request (a stay made to order) stands.',
  valuesMap: {
    OPEN: { description: 'Sent to its bases: they answer with quotes or questions until one quote is accepted or it lapses.' },
    ACCEPTED: { description: 'One quote accepted: it became a private package and a REQUESTED batch (batchId).' },
    WITHDRAWN: { description: 'Withdrawn by the union (or its partner) with a reason; its open quotes were declined.' },
    EXPIRED: { description: 'Nothing was accepted by expiresAt; the sweep closed it and its open quotes.' },
    DECLINED: { description: 'Every base it was sent to declined it (declineStayRequest), each with its reason (declines).' },
  },
});

export enum StayRequestAction {
  ACCEPT = 'ACCEPT',
  WITHDRAW = 'WITHDRAW',
  EXPIRE = 'EXPIRE',
  DECLINE = 'DECLINE',
}
