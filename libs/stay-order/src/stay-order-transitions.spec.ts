import { ErrorCode, type MoverRole, Role } from '@app/shared';
import { StayQuoteAction, StayQuoteStatus } from './quote/stay-quote-status.js';
import { STAY_QUOTE_MACHINE, STAY_QUOTE_TRANSITIONS } from './quote/stay-quote-transitions.js';
import { StayRequestAction, StayRequestStatus } from './request/stay-request-status.js';
import { STAY_REQUEST_MACHINE, STAY_REQUEST_TRANSITIONS } from './request/stay-request-transitions.js';

const ROLES: MoverRole[] = [...Object.values(Role), 'SYSTEM'];

/** What the machine throws, as its code (or 'ok'). */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('the stay request transition table', () => {
  const ALL = Object.values(StayRequestStatus);
  it('reaches every state from OPEN, and ends in ACCEPTED, DECLINED, WITHDRAWN and EXPIRED', () => {
    expect([...STAY_REQUEST_MACHINE.reachable()].sort()).toEqual([...ALL].sort());
    expect([...STAY_REQUEST_MACHINE.terminal(ALL)].sort()).toEqual([StayRequestStatus.ACCEPTED, StayRequestStatus.DECLINED, StayRequestStatus.EXPIRED, StayRequestStatus.WITHDRAWN]);
  });

  it('has one rule per action', () => {
    expect(STAY_REQUEST_TRANSITIONS.map((r) => r.action).sort()).toEqual(Object.values(StayRequestAction).sort());
  });

  it.each([
    [StayRequestAction.ACCEPT, Role.UNION_ORGANISER, 'ok'],
    [StayRequestAction.ACCEPT, Role.PARTNER, 'ok'],
    [StayRequestAction.ACCEPT, Role.ADMIN, 'ok'],
    [StayRequestAction.ACCEPT, Role.BASE_OPERATOR, ErrorCode.FORBIDDEN],
    [StayRequestAction.ACCEPT, Role.UNION_APPROVER, ErrorCode.FORBIDDEN],
    [StayRequestAction.WITHDRAW, Role.UNION_ORGANISER, 'ok'],
    [StayRequestAction.WITHDRAW, Role.BASE_OPERATOR, ErrorCode.FORBIDDEN],
    [StayRequestAction.DECLINE, Role.BASE_OPERATOR, 'ok'],
    [StayRequestAction.DECLINE, Role.ADMIN, 'ok'],
    [StayRequestAction.DECLINE, Role.UNION_ORGANISER, ErrorCode.FORBIDDEN],
    [StayRequestAction.DECLINE, Role.PARTNER, ErrorCode.FORBIDDEN],
    [StayRequestAction.EXPIRE, 'SYSTEM', 'ok'],
    [StayRequestAction.EXPIRE, Role.ADMIN, ErrorCode.FORBIDDEN],
  ] as Array<[StayRequestAction, MoverRole, string]>)('%s from OPEN by %s: %s', (action, role, expected) => {
    expect(outcome(() => STAY_REQUEST_MACHINE.plan(action, StayRequestStatus.OPEN, role, 'why'))).toBe(expected);
  });

  it('refuses every move from a closed request with INVALID_TRANSITION, for everyone', () => {
    for (const rule of STAY_REQUEST_TRANSITIONS) {
      for (const from of ALL.filter((s) => s !== StayRequestStatus.OPEN)) {
        for (const role of ROLES.filter((r) => r === 'SYSTEM' || rule.actors.includes(r))) {
          expect({ action: rule.action, from, role, code: outcome(() => STAY_REQUEST_MACHINE.plan(rule.action, from, role, 'why')) }).toEqual({
            action: rule.action,
            from,
            role,
            code: ErrorCode.INVALID_TRANSITION,
          });
        }
      }
    }
  });

  it('a withdrawal and a decline need a reason', () => {
    expect(outcome(() => STAY_REQUEST_MACHINE.plan(StayRequestAction.WITHDRAW, StayRequestStatus.OPEN, Role.UNION_ORGANISER, ' '))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(outcome(() => STAY_REQUEST_MACHINE.reasonFor(StayRequestAction.DECLINE, ''))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('the stay quote transition table', () => {
  const ALL = Object.values(StayQuoteStatus);
  it('reaches every state from OFFERED, and every other state is final', () => {
    expect([...STAY_QUOTE_MACHINE.reachable()].sort()).toEqual([...ALL].sort());
    expect([...STAY_QUOTE_MACHINE.terminal(ALL)].sort()).toEqual(ALL.filter((s) => s !== StayQuoteStatus.OFFERED).sort());
  });

  it('the union side accepts and declines, the base side withdraws, the system expires', () => {
    const who = Object.fromEntries(STAY_QUOTE_TRANSITIONS.map((r) => [r.action, [...r.actors].sort()]));
    expect(who).toEqual({
      [StayQuoteAction.ACCEPT]: [Role.ADMIN, Role.PARTNER, Role.UNION_ORGANISER],
      [StayQuoteAction.DECLINE]: [Role.ADMIN, Role.PARTNER, Role.UNION_ORGANISER],
      [StayQuoteAction.WITHDRAW]: [Role.ADMIN, Role.BASE_OPERATOR],
      [StayQuoteAction.EXPIRE]: ['SYSTEM'],
    });
    expect(outcome(() => STAY_QUOTE_MACHINE.plan(StayQuoteAction.WITHDRAW, StayQuoteStatus.OFFERED, Role.UNION_ORGANISER, 'why'))).toBe(ErrorCode.FORBIDDEN);
    expect(outcome(() => STAY_QUOTE_MACHINE.plan(StayQuoteAction.DECLINE, StayQuoteStatus.OFFERED, Role.UNION_ORGANISER, ''))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses every move from a closed quote with INVALID_TRANSITION', () => {
    for (const rule of STAY_QUOTE_TRANSITIONS) {
      for (const from of ALL.filter((s) => s !== StayQuoteStatus.OFFERED)) {
        expect(outcome(() => STAY_QUOTE_MACHINE.plan(rule.action, from, 'SYSTEM', 'why'))).toBe(ErrorCode.INVALID_TRANSITION);
      }
    }
  });
});
