import { DomainException } from '../errors/domain.exception.js';

function withArticle(words: string): string {
  return `${/^[AEIOU]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/**
 * The state check every transition table shares (batches, rosters, agreements): INVALID_TRANSITION
 * with from/to, in words a person can act on, when `current` is not a state the move starts from.
 */
export function refuseUnlessFrom<S extends string>(thing: string, action: string, current: S, from: readonly S[], to: S): void {
  if (from.includes(current)) return;
  throw DomainException.invalidTransition(current, to, `Cannot ${action.toLowerCase()} ${withArticle(thing)} that is ${current}: only ${withArticle(from.join(' or '))} one can become ${to}`);
}
