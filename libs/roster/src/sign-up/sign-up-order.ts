import { createHash } from 'node:crypto';
import { SignUpRule } from './sign-up-status.js';

/** What the rules order by: arrival, the last stay, and (LOTTERY) the recorded seed. */
export interface Candidate {
  seq: number;
  lastStayDate: string | null;
}

/** The lottery's key of one sign-up: sha256 of "<seed>:<seq>" as hex; the draw takes the smallest first. */
export function lotteryKey(seed: string, seq: number): string {
  return createHash('sha256').update(`${seed}:${seq}`).digest('hex');
}

/**
 * The candidates in the order the rule gives places: FIRST_COME by arrival; NEVER_WENT_FIRST those
 * who never went, then the oldest last stay first, ties by arrival; LOTTERY by lotteryKey.
 */
export function orderByRule<T extends Candidate>(rule: SignUpRule, seed: string | null, candidates: readonly T[]): T[] {
  const bySeq = [...candidates].sort((a, b) => a.seq - b.seq);
  switch (rule) {
    case SignUpRule.FIRST_COME:
      return bySeq;
    case SignUpRule.NEVER_WENT_FIRST:
      return bySeq.sort((a, b) => (a.lastStayDate === null ? 0 : 1) - (b.lastStayDate === null ? 0 : 1) || (a.lastStayDate ?? '').localeCompare(b.lastStayDate ?? '') || a.seq - b.seq);
    case SignUpRule.LOTTERY: {
      const keys = new Map(bySeq.map((c) => [c.seq, lotteryKey(seed ?? '', c.seq)]));
      return bySeq.sort((a, b) => keys.get(a.seq)!.localeCompare(keys.get(b.seq)!));
    }
  }
}
