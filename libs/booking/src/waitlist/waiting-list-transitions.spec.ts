import { ErrorCode, Role, domainErrorThrownBy } from '@app/shared';
import { WaitingListAction, WaitingListStatus } from './waiting-list-status.js';
import { WAITING_LIST_MACHINE, WAITING_LIST_TERMINAL, WAITING_LIST_TRANSITIONS } from './waiting-list-transitions.js';

const ALL = Object.values(WaitingListStatus);
const ROLES = Object.values(Role);

describe('the waiting-list transition table', () => {
  it('reaches every state from WAITING', () => {
    expect([...WAITING_LIST_MACHINE.reachable()].sort()).toEqual([...ALL].sort());
  });

  it('ends in exactly ACCEPTED, DECLINED, LAPSED, LEFT and EXPIRED, which no move leaves', () => {
    expect([...WAITING_LIST_MACHINE.terminal(ALL)].sort()).toEqual([...WAITING_LIST_TERMINAL].sort());
    expect([...WAITING_LIST_TERMINAL].sort()).toEqual(['ACCEPTED', 'DECLINED', 'EXPIRED', 'LAPSED', 'LEFT']);
  });

  it('has one rule per action', () => {
    expect(WAITING_LIST_TRANSITIONS.map((r) => r.action).sort()).toEqual(Object.values(WaitingListAction).sort());
  });

  const allowed: Array<[WaitingListAction, WaitingListStatus, Role | 'SYSTEM', WaitingListStatus]> = [
    [WaitingListAction.OFFER, WaitingListStatus.WAITING, 'SYSTEM', WaitingListStatus.OFFERED],
    [WaitingListAction.ACCEPT, WaitingListStatus.OFFERED, Role.UNION_ORGANISER, WaitingListStatus.ACCEPTED],
    [WaitingListAction.ACCEPT, WaitingListStatus.OFFERED, Role.PARTNER, WaitingListStatus.ACCEPTED],
    [WaitingListAction.DECLINE, WaitingListStatus.OFFERED, Role.ADMIN, WaitingListStatus.DECLINED],
    [WaitingListAction.LAPSE, WaitingListStatus.OFFERED, 'SYSTEM', WaitingListStatus.LAPSED],
    [WaitingListAction.LEAVE, WaitingListStatus.WAITING, Role.UNION_ORGANISER, WaitingListStatus.LEFT],
    [WaitingListAction.EXPIRE, WaitingListStatus.WAITING, 'SYSTEM', WaitingListStatus.EXPIRED],
  ];
  it.each(allowed)('%s from %s by %s → %s', (action, from, role, to) => {
    expect(WAITING_LIST_MACHINE.plan(action, from, role).to).toBe(to);
  });

  it('refuses every move the table does not list with INVALID_TRANSITION naming from and to', () => {
    for (const rule of WAITING_LIST_TRANSITIONS) {
      for (const from of ALL.filter((s) => !rule.from.includes(s))) {
        const error = domainErrorThrownBy(() => WAITING_LIST_MACHINE.plan(rule.action, from, 'SYSTEM'));
        expect([error.code, error.details]).toEqual([ErrorCode.INVALID_TRANSITION, { from, to: rule.to }]);
      }
    }
    expect(domainErrorThrownBy(() => WAITING_LIST_MACHINE.plan(WaitingListAction.LEAVE, WaitingListStatus.OFFERED, Role.UNION_ORGANISER)).message).toBe(
      'Cannot leave a waiting-list entry that is OFFERED: only a WAITING one can become LEFT',
    );
  });

  it('refuses the roles a rule does not name with FORBIDDEN; only the system offers, lapses and expires', () => {
    for (const rule of WAITING_LIST_TRANSITIONS) {
      for (const role of ROLES.filter((r) => !rule.actors.includes(r))) {
        expect(domainErrorThrownBy(() => WAITING_LIST_MACHINE.plan(rule.action, rule.from[0], role)).code).toBe(ErrorCode.FORBIDDEN);
      }
    }
    expect(domainErrorThrownBy(() => WAITING_LIST_MACHINE.plan(WaitingListAction.ACCEPT, WaitingListStatus.OFFERED, Role.BASE_OPERATOR)).message).toBe(
      'Only UNION_ORGANISER or PARTNER or ADMIN may accept the offer of a waiting-list entry; you are BASE_OPERATOR',
    );
  });
});
