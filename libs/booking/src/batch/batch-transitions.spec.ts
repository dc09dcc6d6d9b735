import { ErrorCode, Role, domainErrorThrownBy } from '@app/shared';
import { BatchAction, BatchStatus, HOLDS_BEDS } from './batch-status.js';
import { BATCH_MACHINE, BATCH_TRANSITIONS, planTransition, TERMINAL_STATES } from './batch-transitions.js';

const ALL = Object.values(BatchStatus);
const ROLES = Object.values(Role);

describe('the batch transition table', () => {
  it('reaches every state from REQUESTED', () => {
    expect([...BATCH_MACHINE.reachable()].sort()).toEqual([...ALL].sort());
  });

  it('ends in exactly SETTLED, REJECTED, CANCELLED and EXPIRED, which no move leaves', () => {
    expect([...BATCH_MACHINE.terminal(ALL)].sort()).toEqual([...TERMINAL_STATES].sort());
    expect([...TERMINAL_STATES].sort()).toEqual([BatchStatus.CANCELLED, BatchStatus.EXPIRED, BatchStatus.REJECTED, BatchStatus.SETTLED]);
  });

  it('has one rule per action', () => {
    expect(new Set(BATCH_TRANSITIONS.map((r) => r.action)).size).toBe(BATCH_TRANSITIONS.length);
    expect(BATCH_TRANSITIONS.map((r) => r.action).sort()).toEqual(Object.values(BatchAction).sort());
  });

  const allowed: Array<[BatchAction, BatchStatus, Role | 'SYSTEM', BatchStatus, boolean]> = [
    [BatchAction.CONFIRM, BatchStatus.REQUESTED, Role.BASE_OPERATOR, BatchStatus.CONFIRMED, false],
    [BatchAction.REJECT, BatchStatus.REQUESTED, Role.BASE_OPERATOR, BatchStatus.REJECTED, true],
    [BatchAction.CANCEL, BatchStatus.REQUESTED, Role.UNION_ORGANISER, BatchStatus.CANCELLED, true],
    [BatchAction.CANCEL, BatchStatus.CONFIRMED, Role.UNION_ORGANISER, BatchStatus.CANCELLED, true],
    [BatchAction.CANCEL, BatchStatus.CONFIRMED, Role.ADMIN, BatchStatus.CANCELLED, true],
    [BatchAction.EXPIRE, BatchStatus.REQUESTED, 'SYSTEM', BatchStatus.EXPIRED, true],
    [BatchAction.CHECK_IN, BatchStatus.CONFIRMED, Role.BASE_OPERATOR, BatchStatus.CHECKED_IN, false],
    [BatchAction.COMPLETE, BatchStatus.CHECKED_IN, Role.BASE_OPERATOR, BatchStatus.COMPLETED, true],
    [BatchAction.SETTLE, BatchStatus.COMPLETED, 'SYSTEM', BatchStatus.SETTLED, false],
  ];
  it.each(allowed)('%s from %s by %s → %s (gives beds back: %s)', (action, from, role, to, releases) => {
    const plan = planTransition(action, from, role, 'why');
    expect(plan.to).toBe(to);
    expect(plan.releasesBeds).toBe(releases);
    expect(plan.releasesBeds).toBe(HOLDS_BEDS.has(from) && !HOLDS_BEDS.has(to));
  });

  it('refuses every move the table does not list, naming from and to', () => {
    let refused = 0;
    for (const rule of BATCH_TRANSITIONS) {
      for (const from of ALL) {
        if (rule.from.includes(from)) continue;
        const error = domainErrorThrownBy(() => planTransition(rule.action, from, 'SYSTEM', 'why'));
        expect(error.code).toBe(ErrorCode.INVALID_TRANSITION);
        expect(error.details).toEqual({ from, to: rule.to });
        refused++;
      }
    }
    expect(refused).toBe(BATCH_TRANSITIONS.length * ALL.length - BATCH_TRANSITIONS.reduce((n, r) => n + r.from.length, 0));
  });

  it('refuses every role a rule does not name with FORBIDDEN, saying who may', () => {
    for (const rule of BATCH_TRANSITIONS) {
      for (const role of ROLES.filter((r) => !rule.actors.includes(r))) {
        expect(domainErrorThrownBy(() => planTransition(rule.action, rule.from[0], role, 'why')).code).toBe(ErrorCode.FORBIDDEN);
      }
    }
    expect(domainErrorThrownBy(() => planTransition(BatchAction.CONFIRM, BatchStatus.REQUESTED, Role.UNION_ORGANISER)).message).toBe(
      'Only BASE_OPERATOR or ADMIN may confirm a batch; you are UNION_ORGANISER',
    );
    expect(domainErrorThrownBy(() => planTransition(BatchAction.EXPIRE, BatchStatus.REQUESTED, Role.ADMIN)).code).toBe(ErrorCode.FORBIDDEN);
  });

  it('asks a reason where the table says so: blank is BAD_USER_INPUT on reason, before anything is loaded', () => {
    for (const rule of BATCH_TRANSITIONS.filter((r) => r.reason)) {
      for (const blank of [null, undefined, '', '   ']) {
        const error = domainErrorThrownBy(() => BATCH_MACHINE.reasonFor(rule.action, blank));
        expect([error.code, error.details]).toEqual([ErrorCode.BAD_USER_INPUT, expect.objectContaining({ field: 'reason' })]);
        expect(domainErrorThrownBy(() => planTransition(rule.action, rule.from[0], 'SYSTEM', blank)).code).toBe(ErrorCode.BAD_USER_INPUT);
      }
    }
    expect(BATCH_MACHINE.reasonFor(BatchAction.REJECT, '  full  ')).toBe('full');
    expect(BATCH_MACHINE.reasonFor(BatchAction.CONFIRM, null)).toBeNull();
    expect(planTransition(BatchAction.CANCEL, BatchStatus.CONFIRMED, Role.UNION_ORGANISER, ' plans changed ').reason).toBe('plans changed');
  });
});
