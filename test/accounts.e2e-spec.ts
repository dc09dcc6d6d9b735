import { QueryCounter } from '@app/shared';
import { User } from '@app/auth';
import { DataSource } from 'typeorm';
import { ADMIN_PASSWORD, DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { regionIds } from './support/world.js';

const CREATE = 'mutation($i:CreateUserInput!){createUser(input:$i){id active}}';
const ME = 'query{me{id username role active}}';
const CHANGE = 'mutation($c:String!,$n:String!){changePassword(currentPassword:$c,newPassword:$n){accessToken user{username}}}';
const RESET = 'mutation($u:Int!,$n:String!){resetPassword(userId:$u,newPassword:$n){id active}}';
const DEACTIVATE = 'mutation($u:Int!){deactivateUser(userId:$u){id active}}';
const REACTIVATE = 'mutation($u:Int!){reactivateUser(userId:$u){id active}}';
const ENDED = 'Your session has ended: sign in again';

/** Password changes and resets, deactivation, and tokens that stop working at once. */
describe(`accounts (${DB_KIND})`, () => {
  let t: TestApp;
  let admin: string;
  let adminId: number;
  let n = 0;

  /** A fresh account (another admin, unless a role is given) and its token. */
  async function account(role = 'ADMIN', password = 'first-password') {
    const username = `acct${++n}`;
    const { createUser } = await t.ok<any>(CREATE, { i: { username, password, role } }, admin);
    return { id: createUser.id as number, username, password, token: await t.login(username, password) };
  }

  async function expectEnded(token: string) {
    const res = await t.gql(ME, {}, token);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toBe(ENDED);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
    adminId = (await t.ok<any>(ME, {}, admin)).me.id;
  });
  afterAll(() => t.close());

  it('me and users show active', async () => {
    const a = await account();
    expect((await t.ok<any>(ME, {}, a.token)).me).toMatchObject({ username: a.username, active: true });
    const { users } = await t.ok<any>('query{users{username active}}', {}, admin);
    expect(users).toContainEqual({ username: a.username, active: true });
  });

  it('changing your password ends the old token; the fresh one works, and so does the new password', async () => {
    const a = await account();
    const { changePassword } = await t.ok<any>(CHANGE, { c: a.password, n: 'second-password' }, a.token);
    expect(changePassword.user.username).toBe(a.username);
    await expectEnded(a.token);
    expect((await t.ok<any>(ME, {}, changePassword.accessToken)).me.username).toBe(a.username);
    expect(errorCode(await t.gql('mutation{login(username:"' + a.username + '",password:"first-password"){accessToken}}'))).toBe('UNAUTHENTICATED');
    await t.login(a.username, 'second-password');
  });

  it('a wrong current password or a weak new one is BAD_USER_INPUT on its field, and changes nothing', async () => {
    const a = await account();
    const cases: Array<[string, string, string]> = [
      ['not-my-password', 'second-password', 'currentPassword'],
      [a.password, 'short', 'newPassword'],
      [a.password, a.username, 'newPassword'],
    ];
    for (const [c, nw, field] of cases) {
      const res = await t.gql(CHANGE, { c, n: nw }, a.token);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe(field);
    }
    expect((await t.ok<any>(ME, {}, a.token)).me.username).toBe(a.username);
    expect(errorCode(await t.gql(CHANGE, { c: a.password, n: 'second-password' }))).toBe('UNAUTHENTICATED');
  });

  it('createUser, changePassword and resetPassword refuse a common password, a run, or the username with digits', async () => {
    const a = await account();
    const common = 'This password is among the most common ones attackers try first: choose another (a few unrelated words work well)';
    for (const [password, message] of [
      ['demo1234', common],
      ['Password123!', common],
      ['qwerty123', common],
      ['woaini1314', common],
      ['87654321', 'The password must not be one character repeated or a run such as 12345678: choose a longer phrase'],
      [`${a.username}2026`, 'The password must not be the username'],
    ]) {
      for (const res of [await t.gql(CHANGE, { c: a.password, n: password }, a.token), await t.gql(RESET, { u: a.id, n: password }, admin)]) {
        expect([password, errorCode(res), res.errors![0].extensions!.field, res.errors![0].message]).toEqual([password, 'BAD_USER_INPUT', 'newPassword', message]);
      }
      // The username case on a new account of that name: the password is judged before the name's uniqueness.
      const created = await t.gql(CREATE, { i: { username: password.startsWith(a.username) ? a.username : 'acct-weak', password, role: 'ADMIN' } }, admin);
      expect([password, errorCode(created), created.errors![0].extensions!.field]).toEqual([password, 'BAD_USER_INPUT', 'password']);
    }
    // Nothing changed: the first password and token still work.
    expect((await t.ok<any>(ME, {}, a.token)).me.username).toBe(a.username);
    await t.login(a.username, a.password);
  });

  it('an admin reset ends the tokens and sets the new password', async () => {
    const a = await account();
    expect(errorCode(await t.gql(RESET, { u: a.id, n: 'short' }, admin))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(RESET, { u: 999_999, n: 'long-enough-1' }, admin))).toBe('NOT_FOUND');
    await t.ok(RESET, { u: a.id, n: 'reset-password-1' }, admin);
    await expectEnded(a.token);
    await t.login(a.username, 'reset-password-1');
  });

  it('a deactivated user is refused at once and cannot sign in; reactivated, they sign in again (old tokens stay dead)', async () => {
    const a = await account();
    expect((await t.ok<any>(DEACTIVATE, { u: a.id }, admin)).deactivateUser.active).toBe(false);
    await expectEnded(a.token);
    const refused = await t.gql('mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}', { u: a.username, p: a.password });
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0].message).toMatch(/deactivated/);
    expect((await t.ok<any>('query{users{username active}}', {}, admin)).users).toContainEqual({ username: a.username, active: false });
    expect((await t.ok<any>(REACTIVATE, { u: a.id }, admin)).reactivateUser.active).toBe(true);
    await expectEnded(a.token);
    const again = await t.login(a.username, a.password);
    expect((await t.ok<any>(ME, {}, again)).me.active).toBe(true);
  });

  it('an admin cannot deactivate themselves; the account operations are the admin’s alone', async () => {
    const self = await t.gql(DEACTIVATE, { u: adminId }, admin);
    expect(errorCode(self)).toBe('BAD_USER_INPUT');
    expect(self.errors![0].extensions!.field).toBe('userId');
    const regions = await regionIds(t, admin);
    const { createUser } = await t.ok<any>(CREATE, { i: { username: 'acct-partner', password: 'partner-pass', role: 'PARTNER', regionId: regions.YF } }, admin);
    const partner = await t.login('acct-partner', 'partner-pass');
    const a = await account();
    expect(errorCode(await t.gql(DEACTIVATE, { u: a.id }, partner))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REACTIVATE, { u: a.id }, partner))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RESET, { u: a.id, n: 'reset-password-1' }, partner))).toBe('FORBIDDEN');
    // Any signed-in user changes their own password.
    await t.ok(CHANGE, { c: 'partner-pass', n: 'partner-pass-2' }, partner);
    expect(createUser.active).toBe(true);
    expect((await t.ok<any>(ME, {}, a.token)).me.active).toBe(true);
  });

  it('the actor is the row as it is now; a role change with its version bump ends the token', async () => {
    const a = await account();
    const ds = t.get(DataSource);
    // The role changed without a bump: the next request already acts with the row's role.
    await ds.getRepository(User).update({ id: a.id }, { role: 'BASE_OPERATOR' as User['role'], baseId: 1 });
    expect((await t.ok<any>(ME, {}, a.token)).me.role).toBe('BASE_OPERATOR');
    expect(errorCode(await t.gql('query{users{id}}', {}, a.token))).toBe('FORBIDDEN');
    // As every change of role or scope does, the version moves on: the token ends.
    await ds.getRepository(User).increment({ id: a.id }, 'tokenVersion', 1);
    await expectEnded(a.token);
    await ds.getRepository(User).delete({ id: a.id });
    await expectEnded(a.token);
  });

  it('a request reads the user row once, whatever the number of fields', async () => {
    const a = await account();
    const before = QueryCounter.total;
    await t.ok(ME, {}, a.token);
    const one = QueryCounter.total - before;
    const before2 = QueryCounter.total;
    await t.ok('query{a:me{id} b:me{id} c:me{id} users{id}}', {}, a.token);
    const four = QueryCounter.total - before2;
    // me: the guard's user lookup + me's own read; four fields: still one lookup, + one read per field.
    expect(one).toBe(2);
    expect(four).toBe(1 + 4);
  });
});
