import { Role, StateMachine, type Transition } from '@app/shared';
import { BillStatus } from './bill.entity.js';

/** What moves a bill: the payment that completes it, or voiding one issued in error. */
export enum BillAction {
  PAY = 'PAY',
  VOID = 'VOID',
}

const { ISSUED, PAID, VOID } = BillStatus;

/** The one table of a bill's moves; a bill is ISSUED when it is written (a bill of 0.00 is paid as issued, by the system). */
export const BILL_TRANSITIONS: readonly Transition<BillStatus, BillAction>[] = [
  // The payment that completes it; `paid` itself grows only through the guarded UPDATE of each payment.
  { action: BillAction.PAY, from: [ISSUED], to: PAID, actors: [Role.BASE_OPERATOR, Role.ADMIN], reason: false },
  // Only without payments (checked on the row); the batch can then be billed again.
  { action: BillAction.VOID, from: [ISSUED], to: VOID, actors: [Role.ADMIN], reason: true },
];

/** FORBIDDEN for the wrong role, INVALID_TRANSITION for the wrong state, BAD_USER_INPUT for a blank required reason. */
export const BILL_MACHINE = new StateMachine('bill', ISSUED, BILL_TRANSITIONS);
