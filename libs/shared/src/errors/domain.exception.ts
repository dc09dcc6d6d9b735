/** The error codes clients can rely on; each maps 1:1 to `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CAPACITY_EXCEEDED = 'CAPACITY_EXCEEDED',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  POLICY_VIOLATION = 'POLICY_VIOLATION',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  CONFLICT = 'CONFLICT',
  /** Too many attempts (failed sign-ins): `extensions.retryAfterSeconds` says when to try again. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The database cannot be reached (down, restarting, or this process's queue for it is full); nothing was saved. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** What SERVICE_UNAVAILABLE suggests as a wait: a database restart takes seconds. */
export const SERVICE_RETRY_AFTER_SECONDS = 5;

/** Extra, machine-readable facts that travel in `extensions` beside the code. */
export type ErrorDetail = string | number | boolean | null;
export type ErrorDetails = Record<string, ErrorDetail | ReadonlyArray<Readonly<Record<string, ErrorDetail>>>>;

/**
 * A user-facing failure. Services throw it; the GraphQL edge turns it into an error with
 * `extensions.code` and the details. Messages must say what to do and never carry SQL or personal data.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainException';
  }

  static badInput(field: string, message: string, details: ErrorDetails = {}): DomainException {
    return new DomainException(ErrorCode.BAD_USER_INPUT, message, { field, ...details });
  }

  /**
   * Every problem of a list at once (an input's entries, a file's rows), under `key` beside the
   * `field` they are reported on; a problem of the whole list (too many people) leads the message and
   * lends its details. The edge that sent the list names the problems; nobody catches to rename them.
   */
  static listProblems(
    field: string,
    message: string,
    problems: ReadonlyArray<Readonly<Record<string, ErrorDetail>>>,
    { key = 'problems', listProblem = null }: { key?: string; listProblem?: DomainException | null } = {},
  ): DomainException {
    const summary = [listProblem?.message, message].filter(Boolean).join(' Also, ');
    return new DomainException(ErrorCode.BAD_USER_INPUT, summary, { ...(listProblem?.details ?? {}), field, [key]: problems });
  }

  static notFound(entity: string, id: number | string, field?: string): DomainException {
    return new DomainException(ErrorCode.NOT_FOUND, `${entity} ${id} does not exist or is not visible to you`, {
      entity,
      id: String(id),
      ...(field ? { field } : {}),
    });
  }

  static unauthenticated(message = 'Sign in first: send "Authorization: Bearer <accessToken>" from the login mutation'): DomainException {
    return new DomainException(ErrorCode.UNAUTHENTICATED, message);
  }

  static forbidden(message: string, details: ErrorDetails = {}): DomainException {
    return new DomainException(ErrorCode.FORBIDDEN, message, details);
  }

  static conflict(message: string, details: ErrorDetails = {}): DomainException {
    return new DomainException(ErrorCode.CONFLICT, message, details);
  }

  /** Against the union's funding policy: `rule` names it, the details give the numbers. */
  static policyViolation(rule: string, message: string, details: ErrorDetails = {}): DomainException {
    return new DomainException(ErrorCode.POLICY_VIOLATION, message, { rule, ...details });
  }

  static quotaExceeded(message: string, details: ErrorDetails = {}): DomainException {
    return new DomainException(ErrorCode.QUOTA_EXCEEDED, message, details);
  }

  static capacityExceeded(message: string, details: ErrorDetails = {}): DomainException {
    return new DomainException(ErrorCode.CAPACITY_EXCEEDED, message, details);
  }

  static invalidTransition(from: string, to: string, message: string): DomainException {
    return new DomainException(ErrorCode.INVALID_TRANSITION, message, { from, to });
  }

  /** The database did not answer: the work was not done (or, for a commit cut off on its way, a retry with the same idempotencyKey finds it). */
  static serviceUnavailable(): DomainException {
    return new DomainException(
      ErrorCode.SERVICE_UNAVAILABLE,
      'The booking database is not reachable right now; nothing was changed. Please try again shortly (send the same idempotencyKey when retrying a requestBatch).',
      { retryAfterSeconds: SERVICE_RETRY_AFTER_SECONDS },
    );
  }

  /** Not a move between states, but something the object's current state does not allow. */
  static wrongState(status: string, message: string): DomainException {
    return new DomainException(ErrorCode.INVALID_TRANSITION, message, { status });
  }
}
