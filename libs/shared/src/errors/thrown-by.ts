import { DomainException } from './domain.exception.js';

/** The DomainException a synchronous check throws (for the tables' and guards' specs); anything else, or nothing, fails. */
export function domainErrorThrownBy(check: () => unknown): DomainException {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainException) return error;
    throw error;
  }
  throw new Error('expected a DomainException');
}
