import { DomainException } from '../errors/domain.exception.js';
import type { PLATFORM_CLIENT, Role } from '../context/actor.js';
import { checkReason } from '../validation/reason.js';

/** Who makes a move: a signed-in role, a platform client (named by no table, so refused every move), or the system itself (sweeps, billing, seeding). */
export type MoverRole = Role | 'SYSTEM' | typeof PLATFORM_CLIENT;

/**
 * One row of a lifecycle's table: which action moves which states to which, who may, and whether a
 * reason is required. `R` is who acts: a role by default, or a party ('PROPOSER', 'PARTNER') where
 * the thing decides who its sides are; 'SYSTEM' may make any move the state allows.
 */
export interface Transition<S extends string, A extends string, R extends string = MoverRole> {
  action: A;
  from: readonly S[];
  to: S;
  /** Who may make the move; scoping (own base, own union) is checked on the loaded thing. */
  actors: readonly R[];
  /** A reason must be given (trimmed, at most 500 characters); otherwise one is optional. */
  reason: boolean;
  /** How messages say the action ("object to" a roster); the action in lower case otherwise. */
  verb?: string;
}

/** A decided move: the rule, the states and the checked reason. */
export interface Move<S extends string, A extends string, R extends string = MoverRole> {
  rule: Transition<S, A, R>;
  from: S;
  to: S;
  reason: string | null;
}

/** How FORBIDDEN names who may make a move; by default "Only BASE_OPERATOR or ADMIN may confirm a batch; you are UNION_ORGANISER". */
export type ForbiddenMessage<R extends string> = (allowed: readonly R[], verb: string, thing: string, mover: R) => string;

function withArticle(words: string): string {
  return `${/^[AEIOU]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/**
 * The state check every transition table shares: INVALID_TRANSITION with from/to, in words a person
 * can act on, when `current` is not a state the move starts from.
 */
function refuseUnlessFrom<S extends string>(thing: string, action: string, current: S, from: readonly S[], to: S): void {
  if (from.includes(current)) return;
  throw DomainException.invalidTransition(current, to, `Cannot ${action.toLowerCase()} ${withArticle(thing)} that is ${current}: only ${withArticle(from.join(' or '))} one can become ${to}`);
}

const byRole: ForbiddenMessage<string> = (allowed, verb, thing, mover) => `Only ${allowed.join(' or ')} may ${verb} ${withArticle(thing)}; you are ${mover}`;

/**
 * One lifecycle as data: the batch, the roster, the agreement and the bill each have one. `plan`
 * decides a move — FORBIDDEN for a mover the table does not name, INVALID_TRANSITION (from, to) for
 * a state it does not start from, BAD_USER_INPUT on `reason` when the row requires one — and the
 * caller applies it in its transaction with its history row. Nothing else changes a status.
 */
export class StateMachine<S extends string, A extends string, R extends string = MoverRole> {
  constructor(
    /** How messages name the thing: "batch", "roster", "agreement", "bill". */
    readonly thing: string,
    /** Where every instance starts. */
    readonly initial: S,
    readonly transitions: readonly Transition<S, A, R>[],
    private readonly forbidden: ForbiddenMessage<R> = byRole,
  ) {}

  rule(action: A): Transition<S, A, R> {
    const rule = this.transitions.find((r) => r.action === action);
    if (!rule) throw new Error(`No ${this.thing} transition for action "${action}"`);
    return rule;
  }

  /**
   * The reason for `action` as the table asks for it (required or optional), checked before anything
   * is loaded: a blank required reason is BAD_USER_INPUT whatever state the thing is in.
   */
  reasonFor(action: A, reason: string | null | undefined): string | null {
    return checkReason(reason, this.rule(action).reason);
  }

  plan(action: A, current: S, mover: R, reason?: string | null): Move<S, A, R> {
    const rule = this.rule(action);
    const verb = rule.verb ?? action.toLowerCase();
    if (mover !== 'SYSTEM' && !rule.actors.includes(mover)) throw DomainException.forbidden(this.forbidden(rule.actors, verb, this.thing, mover));
    refuseUnlessFrom(this.thing, verb, current, rule.from, rule.to);
    return { rule, from: current, to: rule.to, reason: checkReason(reason, rule.reason) };
  }

  /** Every state some sequence of moves reaches from the initial one. */
  reachable(): Set<S> {
    const seen = new Set<S>([this.initial]);
    for (let grew = true; grew;) {
      grew = false;
      for (const rule of this.transitions) {
        if (rule.from.some((f) => seen.has(f)) && !seen.has(rule.to)) {
          seen.add(rule.to);
          grew = true;
        }
      }
    }
    return seen;
  }

  /** The states no move leaves. */
  terminal(all: readonly S[]): Set<S> {
    return new Set(all.filter((s) => !this.transitions.some((r) => r.from.includes(s))));
  }
}
