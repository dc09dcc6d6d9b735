import { Injectable } from '@nestjs/common';
import { Clock, DomainException, ErrorCode } from '@app/shared';

interface Failures {
  count: number;
  lastAt: number;
  /** Attempts are refused until then (ms since the epoch); 0 when not waiting. */
  until: number;
}

/** How sign-in failures slow down: the first few are free, then each further one doubles the wait. */
export const LOGIN_BACKOFF = {
  /** Failures of one username before it waits (anyone may mistype a few times). */
  accountFree: 5,
  /** Failures from one address before it waits: higher, since an office may sit behind one address. */
  addressFree: 20,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
  /** A username or address with no failure for this long starts again from nothing. */
  forgetAfterMs: 60 * 60_000,
  /** At most this many usernames and addresses remembered (the oldest go first), so a flood cannot fill memory. */
  maxEntries: 50_000,
} as const;

/**
 * Per-account and per-address backoff on failed sign-ins. Once a username has failed `accountFree`
 * times in a row (or an address `addressFree` times), its next attempts are refused with
 * TOO_MANY_REQUESTS for 30 s — before the password is even checked, so the right password is refused
 * too — and each failure after a wait doubles it, up to 15 minutes. A success clears the username's
 * count; the address's count is cleared only by an hour without failures, so signing in to one's own
 * account between guesses at many others (password spraying) does not reset it. Unknown usernames
 * count like real ones, so the refusal tells nothing about which accounts exist.
 *
 * Kept in memory, per process: a restart forgets, and with N API processes an attacker gets N times
 * the allowance. Acceptable because each guess still costs a scrypt hash, the waits grow
 * exponentially, and it needs no write on the hot path of every failed attempt; a shared table is the
 * step up if many processes face the internet.
 */
@Injectable()
export class LoginBackoff {
  private readonly entries = new Map<string, Failures>();

  constructor(private readonly clock: Clock) {}

  /** TOO_MANY_REQUESTS (with `retryAfterSeconds`) while the username or the address is waiting. */
  checkOrThrow(username: string, address: string): void {
    const now = this.clock.now().getTime();
    const waits = [this.current(accountKey(username), now), this.current(addressKey(address), now)].map((f) => (f ? f.until - now : 0));
    const waitMs = Math.max(...waits);
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    const at = new Date(now + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const what = waits[0] >= waits[1] ? 'for this account' : 'from your address';
    throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins ${what}: try again in ${seconds} seconds (at ${at})`, { retryAfterSeconds: seconds });
  }

  failed(username: string, address: string): void {
    const now = this.clock.now().getTime();
    this.count(accountKey(username), LOGIN_BACKOFF.accountFree, now);
    this.count(addressKey(address), LOGIN_BACKOFF.addressFree, now);
  }

  succeeded(username: string): void {
    this.entries.delete(accountKey(username));
  }

  private current(key: string, now: number): Failures | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.until <= now && now - entry.lastAt > LOGIN_BACKOFF.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private count(key: string, free: number, now: number): void {
    const previous = this.current(key, now);
    const count = (previous?.count ?? 0) + 1;
    const until = count < free ? 0 : now + Math.min(LOGIN_BACKOFF.firstWaitMs * 2 ** (count - free), LOGIN_BACKOFF.maxWaitMs);
    // Re-inserted, so the Map's order is least recently failed first: those go when it is full.
    this.entries.delete(key);
    this.entries.set(key, { count, lastAt: now, until });
    if (this.entries.size > LOGIN_BACKOFF.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

const accountKey = (username: string) => `u:${username.trim().toLowerCase().slice(0, 50)}`;
const addressKey = (address: string) => `a:${address}`;
