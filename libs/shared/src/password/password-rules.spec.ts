import { COMMON_PASSWORDS } from './common-passwords.js';
import { passwordProblem } from './password-rules.js';

describe('passwordProblem', () => {
  it('accepts a password of 8 characters or more that is none of the below', () => {
    for (const ok of ['first-password', 'tall-orange-kettle', 'Gz#2026-海珠-疗休养', 'x7#kP2!q']) expect([ok, passwordProblem(ok, 'organiser')]).toEqual([ok, null]);
  });

  it.each([
    ['short77', 'at least 8 characters'],
    ['x'.repeat(201), 'at most 200 characters'],
    ['Organiser', 'must not be the username'],
    ['organiser2026!', 'must not be the username'],
    ['op-ba7-2026', 'must not be the username'],
    ['aaaaaaaaaa', 'one character repeated or a run'],
    ['98765432', 'one character repeated or a run'],
    ['abcdefghij', 'one character repeated or a run'],
    ['password', 'most common'],
    ['12345678', 'one character repeated or a run'],
    ['qwerty123', 'most common'],
    ['demo1234', 'most common'],
    ['admin123', 'most common'],
    ['Dragon2026!', 'most common'],
    ['woaini1314', 'most common'],
    ['P@ssw0rd', 'most common'],
  ])('refuses %s', (password, message) => {
    expect(passwordProblem(password, password.startsWith('op-') ? 'op-ba7' : 'organiser')).toContain(message);
  });

  it('ships a list of a few hundred, in lower case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(500);
    for (const word of COMMON_PASSWORDS) expect(word).toBe(word.toLowerCase());
  });
});
