import { registerEnumType } from '@nestjs/graphql';

export enum AgreementStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
  TERMINATED = 'TERMINATED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  valuesMap: {
    PROPOSED: { description: 'Proposed by one region; the other accepts or declines.' },
    ACTIVE: { description: 'Accepted: batches may be booked under it for stays within from…to.' },
    DECLINED: { description: 'Declined by the other region.' },
    TERMINATED: { description: 'Ended early by either side: batches already booked keep their terms; new ones are refused.' },
    EXPIRED: { description: 'Its period (to) has passed.' },
  },
});

export enum AgreementAction {
  PROPOSE = 'PROPOSE',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  TERMINATE = 'TERMINATE',
  EXPIRE = 'EXPIRE',
}
