import { DomainException } from '@app/shared';
import type { ParticipantField } from './participant-check.js';

/** A problem with the index-th participant of a list (an input array or a file's rows). */
export interface ListProblem {
  index: number;
  field: ParticipantField | null;
  message: string;
  /** Where in a file, when the problem was found while reading it. */
  at?: { row: number; column: string };
  /** For "the same person as …": the index of the earlier entry, which each edge names its own way. */
  sameAs?: number;
  /** A union policy's rule the entry breaks (a correct entry the union's rules refuse), with its limit. */
  rule?: { name: 'maxDaysPerYear'; limit: number };
}

/**
 * How the edge that sent a list names its entries in errors: a GraphQL input by its path
 * (`participants.3.idNumber`), a file by its rows and columns. The service throws the error this
 * builds, so resolvers and controllers never catch to rename.
 */
export interface ListNaming {
  /** Every problem of the list as one BAD_USER_INPUT, with a problem of the whole list (too many people) beside them. */
  refuse(problems: ListProblem[], listProblem: DomainException | null): DomainException;
  /** A field of the index-th entry as the edge names it. */
  field(index: number, field: ParticipantField | null): string | null;
  /**
   * A union rule's refusal of some of the people, every entry of the list being right otherwise:
   * POLICY_VIOLATION with the rule and its limit, the entries named as the edge names them.
   */
  refusePolicy(rule: NonNullable<ListProblem['rule']>, problems: ListProblem[]): DomainException;
}

/**
 * Entries of a GraphQL input: `participants.3.idNumber`, "the same person as participants.1"; `path`
 * names an entry. `onePerson`: the input is one person (updateParticipant), told "This person …".
 */
export function inputNaming(path: (index: number) => string, onePerson = false): ListNaming {
  const field = (index: number, name: ParticipantField | null) => (name ? `${path(index)}.${name}` : path(index));
  return {
    field,
    refuse(problems, listProblem) {
      const named = problems.map((p) => ({
        field: field(p.index, p.field),
        message: p.sameAs === undefined ? p.message : `the same person as ${path(p.sameAs)}`,
        ...(p.rule ? { rule: p.rule.name } : {}),
      }));
      const [first] = named;
      const more = named.length > 1 ? ` (and ${named.length - 1} more in extensions.problems)` : '';
      return DomainException.listProblems(first.field, `${first.field}: ${first.message}${more}`, named, { listProblem });
    },
    refusePolicy(rule, problems) {
      const [first] = problems;
      const who = onePerson ? 'This person' : `${problems.length === 1 ? 'Participant' : `${problems.length} participants, the first`} at index ${first.index}`;
      // A refusal of some of the people keeps its code; its fields are named like a list problem's.
      const named = problems.map((p) => ({ index: p.index, field: field(p.index, p.field), message: p.message }));
      return DomainException.policyViolation(rule.name, `${who} ${first.message}`, { field: named[0].field, [rule.name]: rule.limit, problems: named });
    },
  };
}

/** The entries of addParticipants' `participants` argument. */
export const PARTICIPANTS_INPUT = inputNaming((index) => `participants.${index}`);
/** The one entry of updateParticipant's `input`. */
export const UPDATE_INPUT = inputNaming(() => 'input', true);

/**
 * The entries of a batch's own list when the batch moves: by their index in the list (in the order
 * people were added); the dates are what the caller can change, so every problem is on `startDate`.
 */
export function movedListNaming(reference: string): ListNaming {
  return {
    field: () => 'startDate',
    refuse(problems) {
      const named = problems.map((p) => ({ field: 'startDate', index: p.index, message: p.message }));
      const more = named.length > 1 ? ` (and ${named.length - 1} more in extensions.problems)` : '';
      return DomainException.listProblems(
        'startDate',
        `Entry ${named[0].index} of the list of batch ${reference} is ${named[0].message}${more}: choose other dates, or take them off the list first`,
        named,
      );
    },
    refusePolicy(rule, problems) {
      const [first] = problems;
      const named = problems.map((p) => ({ index: p.index, field: 'startDate', message: p.message }));
      return DomainException.policyViolation(rule.name, `Entry ${first.index} of the list of batch ${reference} ${first.message}: choose other dates, or take them off the list first`, {
        field: 'startDate',
        [rule.name]: rule.limit,
        problems: named,
      });
    },
  };
}
