import { DomainException, ErrorCode, Role } from '@app/shared';
import { BatchAction, BatchStatus, HOLDS_BEDS } from './batch-status.js';
import { BATCH_TRANSITIONS, planTransition, reachableStates, TERMINAL_STATES } from './batch-transitions.js';

function failure(fn: () => unknown): DomainException {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected a DomainException');
}

describe('the batch transition table', () => {
  it('reaches every state from REQUESTED', () => {
    expect([...reachableStates()].sort()).toEqual(Object.values(BatchStatus).sort());
  });

  it('has no move out of a terminal state', () => {
    for (const rule of BATCH_TRANSITIONS) for (const from of rule.from) expect(TERMINAL_STATES.has(from)).toBe(false);
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
    const plan = planTransition(action, from, role);
    expect(plan.to).toBe(to);
    expect(plan.releasesBeds).toBe(releases);
    expect(plan.releasesBeds).toBe(HOLDS_BEDS.has(from) && !HOLDS_BEDS.has(to));
  });

  it('refuses every move the table does not list, naming from and to', () => {
    let refused = 0;
    for (const rule of BATCH_TRANSITIONS) {
      for (const from of Object.values(BatchStatus)) {
        if (rule.from.includes(from)) continue;
        const error = failure(() => planTransition(rule.action, from, 'SYSTEM'));
        expect(error.code).toBe(ErrorCode.INVALID_TRANSITION);
        expect(error.details).toEqual({ from, to: rule.to });
        refused++;
      }
    }
    expect(refused).toBe(BATCH_TRANSITIONS.length * 8 - BATCH_TRANSITIONS.reduce((n, r) => n + r.from.length, 0));
  });

  it('refuses a role the rule does not name with FORBIDDEN', () => {
    expect(failure(() => planTransition(BatchAction.CONFIRM, BatchStatus.REQUESTED, Role.UNION_ORGANISER)).code).toBe(ErrorCode.FORBIDDEN);
    expect(failure(() => planTransition(BatchAction.CANCEL, BatchStatus.REQUESTED, Role.BASE_OPERATOR)).code).toBe(ErrorCode.FORBIDDEN);
    expect(failure(() => planTransition(BatchAction.EXPIRE, BatchStatus.REQUESTED, Role.ADMIN)).code).toBe(ErrorCode.FORBIDDEN);
    expect(failure(() => planTransition(BatchAction.CHECK_IN, BatchStatus.CONFIRMED, Role.PARTNER)).code).toBe(ErrorCode.FORBIDDEN);
  });
});
