import { Injectable } from '@nestjs/common';
import { todayInShanghai } from '../scalars/calendar-date.js';

/**
 * What time it is, injected rather than read from the machine: sweeps, holds and deadlines ask the
 * clock, so a test moves time forward with `FixedClock` instead of sleeping.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar day in Asia/Shanghai. */
  today(): string {
    return todayInShanghai(this.now());
  }
}

/** A clock that stands still until told otherwise (tests). */
export class FixedClock extends Clock {
  constructor(private at: Date = new Date()) {
    super();
  }

  override now(): Date {
    return new Date(this.at.getTime());
  }

  set(at: Date | string): void {
    this.at = typeof at === 'string' ? new Date(at) : at;
  }

  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}
