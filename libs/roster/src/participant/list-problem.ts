import type { DomainException } from '@app/shared';
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
}

/** Raised with every problem of a list at once; the edge (GraphQL or file upload) names them its own way. */
export class ListProblems extends Error {
  constructor(
    readonly problems: ListProblem[],
    /** A problem of the whole list (too many people), reported beside the entries' own. */
    readonly listProblem: DomainException | null = null,
  ) {
    super(`${problems.length} problems`);
  }
}
