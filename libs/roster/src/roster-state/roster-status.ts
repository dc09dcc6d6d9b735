import { registerEnumType } from '@nestjs/graphql';
import { type MoverRole, Role, StateMachine, type Transition } from '@app/shared';

/** Where a batch's rooming list is in the union's approval and public notice (公示). */
export enum RosterStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  CLEARED = 'CLEARED',
}

registerEnumType(RosterStatus, {
  name: 'RosterStatus',
  valuesMap: {
    DRAFT: { description: 'Being drawn up by the organiser.' },
    SUBMITTED: { description: "Waiting for the union's approver." },
    APPROVED: { description: 'Approved; to be publicly posted.' },
    PUBLISHED: { description: 'Publicly posted (公示) for the policy’s working days; an objection sends it back.' },
    CLEARED: { description: 'The notice period ended without objection: the base may confirm.' },
  },
});

export enum RosterAction {
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  PUBLISH = 'PUBLISH',
  OBJECT = 'OBJECT',
  CLEAR = 'CLEAR',
  /** The batch will not go (cancelled, rejected, expired): the list is back to a draft and off the board. */
  WITHDRAW = 'WITHDRAW',
}

const { DRAFT, SUBMITTED, APPROVED, PUBLISHED, CLEARED } = RosterStatus;
const APPROVER: readonly MoverRole[] = [Role.UNION_APPROVER, Role.ADMIN];

/** The one table of the roster's moves; scoping (the batch's own union) is checked when the batch is loaded. */
export const ROSTER_TRANSITIONS: readonly Transition<RosterStatus, RosterAction>[] = [
  // A partner submits only what it keeps for a union without an organiser (the access policy's stand-in).
  { action: RosterAction.SUBMIT, from: [DRAFT], to: SUBMITTED, actors: [Role.UNION_ORGANISER, Role.PARTNER, Role.ADMIN], reason: false },
  { action: RosterAction.APPROVE, from: [SUBMITTED], to: APPROVED, actors: APPROVER, reason: false },
  // Until it is posted the approver may still send it back.
  { action: RosterAction.REJECT, from: [SUBMITTED, APPROVED], to: DRAFT, actors: APPROVER, reason: true },
  { action: RosterAction.PUBLISH, from: [APPROVED], to: PUBLISHED, actors: APPROVER, reason: false },
  { action: RosterAction.OBJECT, from: [PUBLISHED], to: SUBMITTED, actors: [Role.UNION_APPROVER, Role.UNION_ORGANISER, Role.ADMIN], reason: true, verb: 'object to' },
  { action: RosterAction.CLEAR, from: [PUBLISHED], to: CLEARED, actors: ['SYSTEM'], reason: false },
  { action: RosterAction.WITHDRAW, from: [SUBMITTED, APPROVED, PUBLISHED, CLEARED], to: DRAFT, actors: ['SYSTEM'], reason: true },
];

/** FORBIDDEN for the wrong role, INVALID_TRANSITION (from, to) for the wrong state, BAD_USER_INPUT for a blank required reason. */
export const ROSTER_MACHINE = new StateMachine('roster', DRAFT, ROSTER_TRANSITIONS);

/** The statuses in which the union is handling the list: what is posted must be what was approved. */
export const UNDER_APPROVAL: ReadonlySet<RosterStatus> = new Set([SUBMITTED, APPROVED, PUBLISHED]);

/** How a list frozen in `status` becomes a DRAFT again, for messages. */
export function howToReopen(status: RosterStatus): string {
  if (status === PUBLISHED) return "an objection during the notice (recordObjection) sends it back to SUBMITTED, and the union's approver can then reject it to DRAFT";
  return "the union's approver can reject it back to DRAFT (rejectRoster)";
}
