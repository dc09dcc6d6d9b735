import { registerEnumType } from '@nestjs/graphql';
import { DomainException, refuseUnlessFrom, Role } from '@app/shared';

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
}

type ActorRole = Role | 'SYSTEM';

export interface RosterTransition {
  action: RosterAction;
  from: RosterStatus;
  to: RosterStatus;
  actors: readonly ActorRole[];
  /** A reason must be given. */
  reason: boolean;
}

const { DRAFT, SUBMITTED, APPROVED, PUBLISHED, CLEARED } = RosterStatus;
const APPROVER: readonly ActorRole[] = [Role.UNION_APPROVER, Role.ADMIN];

/** The one table of the roster's moves; scoping (the batch's own union) is checked when the batch is loaded. */
export const ROSTER_TRANSITIONS: readonly RosterTransition[] = [
  { action: RosterAction.SUBMIT, from: DRAFT, to: SUBMITTED, actors: [Role.UNION_ORGANISER, Role.ADMIN], reason: false },
  { action: RosterAction.APPROVE, from: SUBMITTED, to: APPROVED, actors: APPROVER, reason: false },
  { action: RosterAction.REJECT, from: SUBMITTED, to: DRAFT, actors: APPROVER, reason: true },
  { action: RosterAction.PUBLISH, from: APPROVED, to: PUBLISHED, actors: APPROVER, reason: false },
  { action: RosterAction.OBJECT, from: PUBLISHED, to: SUBMITTED, actors: [Role.UNION_APPROVER, Role.UNION_ORGANISER, Role.ADMIN], reason: true },
  { action: RosterAction.CLEAR, from: PUBLISHED, to: CLEARED, actors: ['SYSTEM'], reason: false },
];

/** FORBIDDEN for the wrong role, INVALID_TRANSITION (from, to) for the wrong state. */
export function planRosterTransition(action: RosterAction, current: RosterStatus, role: ActorRole): RosterTransition {
  const rule = ROSTER_TRANSITIONS.find((r) => r.action === action)!;
  if (role !== 'SYSTEM' && !rule.actors.includes(role)) {
    throw DomainException.forbidden(`Only ${rule.actors.join(' or ')} may ${action.toLowerCase()} a roster; you are ${role}`);
  }
  refuseUnlessFrom('roster', action, current, [rule.from], rule.to);
  return rule;
}
