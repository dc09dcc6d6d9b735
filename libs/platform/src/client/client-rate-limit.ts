import { Injectable } from '@nestjs/common';
import { Clock, DomainException, ErrorCode } from '@app/shared';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Per-client token buckets, in memory: a client may make `perMinute` requests in a burst, and the
 * bucket refills evenly at `perMinute` a minute. Per process, like the login backoff: with N API
 * processes a client gets up to N times its allowance (the step up is a shared store).
 */
@Injectable()
export class ClientRateLimit {
  private readonly buckets = new Map<number, Bucket>();

  constructor(private readonly clock: Clock) {}

  /** Takes one request from the client's bucket; TOO_MANY_REQUESTS with `retryAfterSeconds` when it is empty. */
  takeOrThrow(clientRowId: number, perMinute: number): void {
    const now = this.clock.now().getTime();
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(clientRowId) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(clientRowId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, `This client made more than its ${perMinute} requests a minute: try again in ${seconds} seconds`, { retryAfterSeconds: seconds });
  }

  /** Forgets a client's bucket (revoked). */
  forget(clientRowId: number): void {
    this.buckets.delete(clientRowId);
  }
}
