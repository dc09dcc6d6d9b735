import { COMMON_PASSWORDS } from './common-passwords.js';

/**
 * At least 8: with the blocklist, scrypt and the login backoff this is NIST SP 800-63B's floor for a
 * memorised secret, and it keeps the accounts people already have (and the documented demo password)
 * within the rules. A longer minimum mostly yields `Password2026!`-style padding, which the blocklist
 * check below already sees through.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/** `Dragon2026!` → `dragon`: attackers try a common word with a year or a `1!` appended first. */
function withoutTrailingDigitsAndSymbols(lower: string): string {
  return lower.replace(/[\d\W_]+$/u, '');
}

/** `aaaaaaaa`, `12345678`, `87654321`, `abcdefgh`: one character, or a run up or down the alphabet. */
function isRepeatOrRun(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]);
}

/**
 * Why a new password is refused, or null when it is acceptable: on createUser, changePassword,
 * resetPassword and for ADMIN_PASSWORD (never on login, so older passwords keep working until
 * changed). Too short or too long, the username itself (or it with digits added), one character
 * repeated or a run, or a common password from the list shipped with the code.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `The password must have at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `The password may have at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.trim().toLowerCase();
  const name = username.trim().toLowerCase();
  if (lower.startsWith(name) && /^[\d\W_]*$/u.test(lower.slice(name.length))) return 'The password must not be the username';
  if (isRepeatOrRun(lower)) return 'The password must not be one character repeated or a run such as 12345678: choose a longer phrase';
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(withoutTrailingDigitsAndSymbols(lower))) {
    return 'This password is among the most common ones attackers try first: choose another (a few unrelated words work well)';
  }
  return null;
}
