import { ErrorCode, domainErrorThrownBy } from '@app/shared';
import { AgreementAction, AgreementStatus } from './agreement-status.js';
import { AGREEMENT_MACHINE, AGREEMENT_TRANSITIONS, type AgreementSide } from './agreement-transitions.js';

const ALL = Object.values(AgreementStatus);
const SIDES: AgreementSide[] = ['PROPOSER', 'PARTNER', 'ADMIN'];

describe('the agreement transition table', () => {
  it('reaches every state from PROPOSED', () => {
    expect([...AGREEMENT_MACHINE.reachable()].sort()).toEqual([...ALL].sort());
  });

  it('ends in exactly DECLINED, TERMINATED and EXPIRED', () => {
    expect([...AGREEMENT_MACHINE.terminal(ALL)].sort()).toEqual([AgreementStatus.DECLINED, AgreementStatus.EXPIRED, AgreementStatus.TERMINATED]);
  });

  it('has one rule per move (proposing creates, it moves nothing)', () => {
    expect(AGREEMENT_TRANSITIONS.map((r) => r.action).sort()).toEqual(
      Object.values(AgreementAction)
        .filter((a) => a !== AgreementAction.PROPOSE)
        .sort(),
    );
  });

  const allowed: Array<[AgreementAction, AgreementStatus, AgreementSide, AgreementStatus]> = [
    [AgreementAction.ACCEPT, AgreementStatus.PROPOSED, 'PARTNER', AgreementStatus.ACTIVE],
    [AgreementAction.ACCEPT, AgreementStatus.PROPOSED, 'ADMIN', AgreementStatus.ACTIVE],
    [AgreementAction.DECLINE, AgreementStatus.PROPOSED, 'PARTNER', AgreementStatus.DECLINED],
    [AgreementAction.TERMINATE, AgreementStatus.PROPOSED, 'PROPOSER', AgreementStatus.TERMINATED],
    [AgreementAction.TERMINATE, AgreementStatus.ACTIVE, 'PARTNER', AgreementStatus.TERMINATED],
    [AgreementAction.EXPIRE, AgreementStatus.ACTIVE, 'SYSTEM', AgreementStatus.EXPIRED],
    [AgreementAction.EXPIRE, AgreementStatus.PROPOSED, 'SYSTEM', AgreementStatus.EXPIRED],
  ];
  it.each(allowed)('%s from %s by %s → %s', (action, from, side, to) => {
    expect(AGREEMENT_MACHINE.plan(action, from, side, 'why').to).toBe(to);
  });

  it('refuses every move the table does not list with INVALID_TRANSITION, naming from and to', () => {
    for (const rule of AGREEMENT_TRANSITIONS) {
      for (const from of ALL.filter((s) => !rule.from.includes(s))) {
        const error = domainErrorThrownBy(() => AGREEMENT_MACHINE.plan(rule.action, from, 'SYSTEM', 'why'));
        expect([error.code, error.details]).toEqual([ErrorCode.INVALID_TRANSITION, { from, to: rule.to }]);
      }
    }
  });

  it('refuses every side a rule does not name with FORBIDDEN, in the regions’ words', () => {
    for (const rule of AGREEMENT_TRANSITIONS) {
      for (const side of SIDES.filter((s) => !rule.actors.includes(s))) {
        expect(domainErrorThrownBy(() => AGREEMENT_MACHINE.plan(rule.action, rule.from[0], side, 'why')).code).toBe(ErrorCode.FORBIDDEN);
      }
    }
    expect(domainErrorThrownBy(() => AGREEMENT_MACHINE.plan(AgreementAction.ACCEPT, AgreementStatus.PROPOSED, 'PROPOSER')).message).toBe(
      'Only the other region (not the proposer) may accept an agreement',
    );
    expect(domainErrorThrownBy(() => AGREEMENT_MACHINE.plan(AgreementAction.EXPIRE, AgreementStatus.ACTIVE, 'ADMIN')).message).toBe('Only the system may expire an agreement');
  });

  it('asks a reason to decline or terminate: blank is BAD_USER_INPUT on reason', () => {
    expect(AGREEMENT_TRANSITIONS.filter((r) => r.reason).map((r) => r.action)).toEqual([AgreementAction.DECLINE, AgreementAction.TERMINATE]);
    for (const rule of AGREEMENT_TRANSITIONS.filter((r) => r.reason)) {
      for (const blank of [null, undefined, '', '  ']) {
        expect(domainErrorThrownBy(() => AGREEMENT_MACHINE.reasonFor(rule.action, blank)).details).toEqual({ field: 'reason' });
        expect(domainErrorThrownBy(() => AGREEMENT_MACHINE.plan(rule.action, rule.from[0], 'ADMIN', blank)).code).toBe(ErrorCode.BAD_USER_INPUT);
      }
    }
    expect(AGREEMENT_MACHINE.reasonFor(AgreementAction.ACCEPT, null)).toBeNull();
  });
});
