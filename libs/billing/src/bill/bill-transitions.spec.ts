import { ErrorCode, Role, domainErrorThrownBy } from '@app/shared';
import { BillAction, BILL_MACHINE, BILL_TRANSITIONS } from './bill-transitions.js';
import { BillStatus } from './bill.entity.js';

const ALL = Object.values(BillStatus);
const ROLES = Object.values(Role);

describe('the bill transition table', () => {
  it('reaches every state from ISSUED', () => {
    expect([...BILL_MACHINE.reachable()].sort()).toEqual([...ALL].sort());
  });

  it('ends in exactly PAID and VOID', () => {
    expect([...BILL_MACHINE.terminal(ALL)].sort()).toEqual([BillStatus.PAID, BillStatus.VOID]);
  });

  it('has one rule per action', () => {
    expect(BILL_TRANSITIONS.map((r) => r.action).sort()).toEqual(Object.values(BillAction).sort());
  });

  const allowed: Array<[BillAction, Role | 'SYSTEM', BillStatus]> = [
    [BillAction.PAY, Role.BASE_OPERATOR, BillStatus.PAID],
    [BillAction.PAY, Role.ADMIN, BillStatus.PAID],
    [BillAction.PAY, 'SYSTEM', BillStatus.PAID],
    [BillAction.VOID, Role.ADMIN, BillStatus.VOID],
  ];
  it.each(allowed)('%s an ISSUED bill by %s → %s', (action, role, to) => {
    expect(BILL_MACHINE.plan(action, BillStatus.ISSUED, role, 'why')).toMatchObject({ from: BillStatus.ISSUED, to, reason: 'why' });
  });

  it('refuses a PAID or VOID bill with INVALID_TRANSITION, naming from and to', () => {
    for (const rule of BILL_TRANSITIONS) {
      for (const from of [BillStatus.PAID, BillStatus.VOID]) {
        const error = domainErrorThrownBy(() => BILL_MACHINE.plan(rule.action, from, 'SYSTEM', 'why'));
        expect([error.code, error.details]).toEqual([ErrorCode.INVALID_TRANSITION, { from, to: rule.to }]);
      }
    }
    expect(domainErrorThrownBy(() => BILL_MACHINE.plan(BillAction.VOID, BillStatus.PAID, Role.ADMIN, 'x')).message).toBe('Cannot void a bill that is PAID: only an ISSUED one can become VOID');
  });

  it('refuses every role a rule does not name with FORBIDDEN', () => {
    for (const rule of BILL_TRANSITIONS) {
      for (const role of ROLES.filter((r) => !rule.actors.includes(r))) {
        expect(domainErrorThrownBy(() => BILL_MACHINE.plan(rule.action, BillStatus.ISSUED, role, 'why')).code).toBe(ErrorCode.FORBIDDEN);
      }
    }
    expect(domainErrorThrownBy(() => BILL_MACHINE.plan(BillAction.VOID, BillStatus.ISSUED, Role.BASE_OPERATOR, 'x')).message).toBe('Only ADMIN may void a bill; you are BASE_OPERATOR');
  });

  it('asks a reason to void: blank is BAD_USER_INPUT on reason; a payment needs none', () => {
    for (const blank of [null, undefined, '', '   ']) {
      expect(domainErrorThrownBy(() => BILL_MACHINE.reasonFor(BillAction.VOID, blank)).details).toEqual({ field: 'reason' });
      expect(domainErrorThrownBy(() => BILL_MACHINE.plan(BillAction.VOID, BillStatus.ISSUED, Role.ADMIN, blank)).code).toBe(ErrorCode.BAD_USER_INPUT);
    }
    expect(BILL_MACHINE.reasonFor(BillAction.VOID, ' 金额有误 ')).toBe('金额有误');
    expect(BILL_MACHINE.plan(BillAction.PAY, BillStatus.ISSUED, Role.BASE_OPERATOR).reason).toBeNull();
  });
});
