import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * "May this actor act for this union / base / region / batch" is written once, in
 * `access-policy.ts`. Everywhere else in libs/ a service asks the policy (`may`, `requireAccess`,
 * `scopeFor`) instead of comparing roles or homes itself. This spec fails on such a comparison and
 * lists where it is.
 *
 * Not counted: the policy itself; the resolvers' `@Roles` decorators, which are the role gate (and
 * are proven by apps/api/src/resolver-guards.spec.ts); the `actors` columns of the transition tables
 * (who may make a move, in the state machines); and the places below, which compare a role but decide
 * no access.
 */
const POLICY = 'libs/shared/src/access/access-policy.ts';

const NOT_ACCESS: Record<string, string> = {
  // The role gate behind @Roles: it compares the actor's role with the decorator's list.
  'libs/auth/src/login/auth.guard.ts': 'the @Roles gate itself',
  // Checks that a new account's role and its union / base / region fit together (input validation).
  'libs/auth/src/user/user.service.ts': "validates a new user's role against its home, not who acts",
  // The definitions of the context's helpers.
  'libs/shared/src/context/request-context.ts': 'defines RequestContext.is',
};

/** A comparison of the actor's role or home, or a role test on the context. */
const CHECKS: RegExp[] = [
  /\.role\s*[!=]==/, // actor.role === …
  /[!=]==\s*Role\./, // … !== Role.ADMIN
  /[!=]==\s*'SYSTEM'/, // … === 'SYSTEM' (the system actor)
  /\bcase\s+(Role\.|'SYSTEM')/, // switch (actor.role) { case Role.… }
  /\.is\(\s*(Role\.|'SYSTEM')/, // ctx.is(Role.…) / ctx.is('SYSTEM')
  /\bisAdminOrSystem\b/,
  /\bactor\??\.(unionId|baseId|regionId)\s*[!=]==/, // actor.unionId === batch.unionId
  /[!=]==\s*\w+\??\.actor\??\.(unionId|baseId|regionId)\b/, // … !== ctx.actor.baseId
  /[!=]==\s*actor\??\.(unionId|baseId|regionId)\b/, // … !== actor.baseId
];

/** The state machines: their `role !== 'SYSTEM'` and `actors` columns are the tables' role gate. */
const STATE_TABLES = /(^|\/)(state-machine|batch-transitions|roster-status|agreement-transitions|bill-transitions)\.ts$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every line of libs/ (outside the policy and the exceptions above) that checks a role or a home by hand. */
export function roleChecksOutsidePolicy(cwd = process.cwd()): string[] {
  const found: string[] = [];
  for (const file of sources(resolve(cwd, 'libs'))) {
    const at = relative(cwd, file).split('\\').join('/');
    if (at === POLICY || at in NOT_ACCESS || STATE_TABLES.test(at)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*@Roles\(/.test(line)) return;
        if (CHECKS.some((c) => c.test(line))) found.push(`${at}:${i + 1}: ${line.trim().slice(0, 160)}`);
      });
  }
  return found;
}

describe('one access policy', () => {
  it('no service, rule, resolver or controller in libs/ checks a role or a home by hand', () => {
    const found = roleChecksOutsidePolicy();
    // Ask the policy instead: may(ctx, Permission.X, target), requireAccess(…) or scopeFor(…).
    expect(found).toEqual([]);
  });

  it('the check itself finds what it is meant to find', () => {
    const sample = [
      'if (actor.role === Role.ADMIN) return;',
      "if (actor.role !== Role.ADMIN && actor.role !== 'SYSTEM') x();",
      "if (!ctx.is('SYSTEM')) throw e;",
      'if (!tx.isAdminOrSystem) throw e;',
      'return actor.unionId === batch.unionId;',
      'if (baseId !== actor.baseId) throw e;',
      '    case Role.PARTNER:',
    ];
    for (const line of sample) expect(CHECKS.some((c) => c.test(line))).toBe(true);
    for (const line of ['requireAccess(ctx, Permission.OperateBase, { baseId });', '@Roles(Role.BASE_OPERATOR, Role.ADMIN)', 'const scope = scopeFor(ctx, Permission.SeeBatch);']) {
      expect(CHECKS.some((c) => c.test(line))).toBe(false);
    }
  });
});
