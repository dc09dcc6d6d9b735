import { DomainException, FixedClock } from '@app/shared';
import { LOGIN_BACKOFF, LoginBackoff } from './login-backoff.js';

/** The refusal's code and retry hint, or null when the attempt may go ahead. */
function refusal(backoff: LoginBackoff, username: string, address: string): { code: string; retryAfterSeconds: unknown; message: string } | null {
  try {
    backoff.checkOrThrow(username, address);
    return null;
  } catch (error) {
    if (!(error instanceof DomainException)) throw error;
    return { code: error.code, retryAfterSeconds: error.details.retryAfterSeconds, message: error.message };
  }
}

describe('LoginBackoff', () => {
  const start = new Date('2026-12-04T10:00:00Z');
  let clock: FixedClock;
  let backoff: LoginBackoff;
  beforeEach(() => {
    clock = new FixedClock(start);
    backoff = new LoginBackoff(clock);
  });

  it('lets 4 failures of an account through, refuses after the 5th for 30 s, then doubles the wait', () => {
    for (let i = 0; i < LOGIN_BACKOFF.accountFree - 1; i++) backoff.failed('operator', '10.0.0.1');
    expect(refusal(backoff, 'operator', '10.0.0.1')).toBeNull();
    backoff.failed('operator', '10.0.0.1');
    expect(refusal(backoff, 'Operator ', '10.0.0.9')).toEqual({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 30,
      message: 'Too many failed sign-ins for this account: try again in 30 seconds (at 2026-12-04T10:00:30Z)',
    });
    clock.advance(29_001);
    expect(refusal(backoff, 'operator', '10.0.0.1')?.retryAfterSeconds).toBe(1);
    clock.advance(1_000);
    expect(refusal(backoff, 'operator', '10.0.0.1')).toBeNull();
    backoff.failed('operator', '10.0.0.1');
    expect(refusal(backoff, 'operator', '10.0.0.1')?.retryAfterSeconds).toBe(60);
    for (let i = 0; i < 10; i++) {
      clock.advance(LOGIN_BACKOFF.maxWaitMs);
      backoff.failed('operator', '10.0.0.1');
    }
    expect(refusal(backoff, 'operator', '10.0.0.1')?.retryAfterSeconds).toBe(900);
    // Another account from another address is not touched.
    expect(refusal(backoff, 'organiser', '10.0.0.2')).toBeNull();
  });

  it('a success clears the account; an hour without failures forgets it', () => {
    for (let i = 0; i < 4; i++) backoff.failed('approver', '10.0.0.1');
    backoff.succeeded('approver');
    for (let i = 0; i < 4; i++) backoff.failed('approver', '10.0.0.1');
    expect(refusal(backoff, 'approver', '10.0.0.1')).toBeNull();
    clock.advance(LOGIN_BACKOFF.forgetAfterMs + 1);
    for (let i = 0; i < 4; i++) backoff.failed('approver', '10.0.0.1');
    expect(refusal(backoff, 'approver', '10.0.0.1')).toBeNull();
  });

  it('an address spraying one guess at many accounts waits after 20, even when it signs in to its own account between', () => {
    for (let i = 0; i < LOGIN_BACKOFF.addressFree; i++) {
      expect(refusal(backoff, `user${i}`, '203.0.113.7')).toBeNull();
      backoff.failed(`user${i}`, '203.0.113.7');
      backoff.succeeded('attacker');
    }
    expect(refusal(backoff, 'user99', '203.0.113.7')).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30, message: expect.stringContaining('from your address') });
    // The same accounts from another address are fine (each failed only once).
    expect(refusal(backoff, 'user1', '203.0.113.8')).toBeNull();
  });

  it('remembers at most maxEntries usernames and addresses', () => {
    for (let i = 0; i < LOGIN_BACKOFF.maxEntries; i++) backoff.failed(`u${i}`, '10.0.0.1');
    expect((backoff as unknown as { entries: Map<string, unknown> }).entries.size).toBe(LOGIN_BACKOFF.maxEntries);
  });
});
