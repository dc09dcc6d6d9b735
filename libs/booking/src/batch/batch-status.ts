import { registerEnumType } from '@nestjs/graphql';

/** Where a batch is in its lifecycle (see DESIGN.md, "The batch lifecycle"). */
export enum BatchStatus {
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  CHECKED_IN = 'CHECKED_IN',
  COMPLETED = 'COMPLETED',
  SETTLED = 'SETTLED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
}

/** The states whose batches hold beds in the capacity calendar (invariant 2). */
export const HOLDS_BEDS: ReadonlySet<BatchStatus> = new Set([BatchStatus.REQUESTED, BatchStatus.CONFIRMED, BatchStatus.CHECKED_IN]);

registerEnumType(BatchStatus, {
  name: 'BatchStatus',
  description: 'REQUESTED holds beds until holdExpiresAt; CONFIRMED and CHECKED_IN hold them too; the other states do not.',
  valuesMap: {
    REQUESTED: { description: 'Asked for by the union; beds held until the base confirms or the hold expires.' },
    CONFIRMED: { description: 'Accepted by the base.' },
    CHECKED_IN: { description: 'The workers have arrived.' },
    COMPLETED: { description: 'The stay is over; beds are given back.' },
    SETTLED: { description: 'The bill is paid.' },
    REJECTED: { description: 'Declined by the base.' },
    CANCELLED: { description: 'Withdrawn by the union.' },
    EXPIRED: { description: 'The base did not confirm before the hold ran out.' },
  },
});

/** What someone does to a batch; each maps to one row of the transition table. */
export enum BatchAction {
  CONFIRM = 'confirm',
  REJECT = 'reject',
  CANCEL = 'cancel',
  EXPIRE = 'expire',
  CHECK_IN = 'check in',
  COMPLETE = 'complete',
  SETTLE = 'settle',
}
