import { ErrorCode, Role, domainErrorThrownBy } from '@app/shared';
import { ROSTER_MACHINE, ROSTER_TRANSITIONS, RosterAction, RosterStatus } from './roster-status.js';

const ALL = Object.values(RosterStatus);
const ROLES = Object.values(Role);

describe('the roster transition table', () => {
  it('reaches every state from DRAFT', () => {
    expect([...ROSTER_MACHINE.reachable()].sort()).toEqual([...ALL].sort());
  });

  it('has no terminal state: a list always goes back to a DRAFT when its batch ends', () => {
    expect([...ROSTER_MACHINE.terminal(ALL)]).toEqual([]);
  });

  it('has one rule per action', () => {
    expect(ROSTER_TRANSITIONS.map((r) => r.action).sort()).toEqual(Object.values(RosterAction).sort());
  });

  const allowed: Array<[RosterAction, RosterStatus, Role | 'SYSTEM', RosterStatus]> = [
    [RosterAction.SUBMIT, RosterStatus.DRAFT, Role.UNION_ORGANISER, RosterStatus.SUBMITTED],
    [RosterAction.APPROVE, RosterStatus.SUBMITTED, Role.UNION_APPROVER, RosterStatus.APPROVED],
    [RosterAction.REJECT, RosterStatus.SUBMITTED, Role.UNION_APPROVER, RosterStatus.DRAFT],
    [RosterAction.REJECT, RosterStatus.APPROVED, Role.ADMIN, RosterStatus.DRAFT],
    [RosterAction.PUBLISH, RosterStatus.APPROVED, Role.UNION_APPROVER, RosterStatus.PUBLISHED],
    [RosterAction.OBJECT, RosterStatus.PUBLISHED, Role.UNION_ORGANISER, RosterStatus.SUBMITTED],
    [RosterAction.CLEAR, RosterStatus.PUBLISHED, 'SYSTEM', RosterStatus.CLEARED],
    [RosterAction.WITHDRAW, RosterStatus.CLEARED, 'SYSTEM', RosterStatus.DRAFT],
  ];
  it.each(allowed)('%s from %s by %s → %s', (action, from, role, to) => {
    expect(ROSTER_MACHINE.plan(action, from, role, 'why').to).toBe(to);
  });

  it('refuses every move the table does not list with INVALID_TRANSITION, naming from and to', () => {
    for (const rule of ROSTER_TRANSITIONS) {
      for (const from of ALL.filter((s) => !rule.from.includes(s))) {
        const error = domainErrorThrownBy(() => ROSTER_MACHINE.plan(rule.action, from, 'SYSTEM', 'why'));
        expect([error.code, error.details]).toEqual([ErrorCode.INVALID_TRANSITION, { from, to: rule.to }]);
      }
    }
    expect(domainErrorThrownBy(() => ROSTER_MACHINE.plan(RosterAction.OBJECT, RosterStatus.APPROVED, Role.UNION_APPROVER, 'x')).message).toBe(
      'Cannot object to a roster that is APPROVED: only a PUBLISHED one can become SUBMITTED',
    );
  });

  it('refuses every role a rule does not name with FORBIDDEN', () => {
    for (const rule of ROSTER_TRANSITIONS) {
      for (const role of ROLES.filter((r) => !rule.actors.includes(r))) {
        expect(domainErrorThrownBy(() => ROSTER_MACHINE.plan(rule.action, rule.from[0], role, 'why')).code).toBe(ErrorCode.FORBIDDEN);
      }
    }
    expect(domainErrorThrownBy(() => ROSTER_MACHINE.plan(RosterAction.APPROVE, RosterStatus.SUBMITTED, Role.UNION_ORGANISER)).message).toBe(
      'Only UNION_APPROVER or ADMIN may approve a roster; you are UNION_ORGANISER',
    );
  });

  it('asks a reason where the table says so (reject, object, withdraw): blank is BAD_USER_INPUT on reason', () => {
    expect(ROSTER_TRANSITIONS.filter((r) => r.reason).map((r) => r.action)).toEqual([RosterAction.REJECT, RosterAction.OBJECT, RosterAction.WITHDRAW]);
    for (const rule of ROSTER_TRANSITIONS.filter((r) => r.reason)) {
      for (const blank of [null, '', ' \n ']) {
        const error = domainErrorThrownBy(() => ROSTER_MACHINE.reasonFor(rule.action, blank));
        expect([error.code, error.details]).toEqual([ErrorCode.BAD_USER_INPUT, { field: 'reason' }]);
        expect(domainErrorThrownBy(() => ROSTER_MACHINE.plan(rule.action, rule.from[0], 'SYSTEM', blank)).code).toBe(ErrorCode.BAD_USER_INPUT);
      }
    }
    expect(domainErrorThrownBy(() => ROSTER_MACHINE.reasonFor(RosterAction.REJECT, 'x'.repeat(501))).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(ROSTER_MACHINE.reasonFor(RosterAction.SUBMIT, undefined)).toBeNull();
  });
});
