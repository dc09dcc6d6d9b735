import { DomainException } from '../errors/domain.exception.js';

/** What a history row's reason column holds. */
export const MAX_REASON = 500;

/** A reason for a move, trimmed: BAD_USER_INPUT on `reason` when required and blank, or too long. */
export function checkReason(reason: string | null | undefined, required: true): string;
export function checkReason(reason: string | null | undefined, required: boolean): string | null;
export function checkReason(reason: string | null | undefined, required: boolean): string | null {
  const text = reason?.trim() || null;
  if (required && !text) throw DomainException.badInput('reason', 'Give a reason');
  if (text && text.length > MAX_REASON) throw DomainException.badInput('reason', `reason is at most ${MAX_REASON} characters; got ${text.length}`);
  return text;
}
