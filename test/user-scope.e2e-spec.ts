import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const UPDATE = 'mutation($u:Int!,$i:UpdateUserInput!){updateUser(userId:$u,input:$i){id username role baseId unionId regionId}}';
const FULL = 'query($id:Int!){batch(id:$id){participants{idNumber phone}}}';
const ME = '{ me { id role baseId unionId regionId } }';
const ENDED = 'Your session has ended: sign in again';

/** updateUser: a new role or home ends every older token at once (the guard checks the token version per request). */
describe(`changing a user's role or scope (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let batchId: number;
  let people: Array<ReturnType<typeof person>>;
  const idOf = async (username: string) => ((await t.ok<any>('{ users { id username } }', {}, w.admin)).users as Array<{ id: number; username: string }>).find((u) => u.username === username)!.id;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    batchId = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 3 } }, w.unionA.organiser)).requestBatch.id;
    people = [person(1), person(2), person(3)];
    await t.ok(ADD_PARTICIPANTS, { b: batchId, p: people }, w.unionA.organiser);
  });
  afterAll(() => t.close());

  it("an operator moved to another base loses the old base's ID numbers with the old token at once; a new login has the new scope", async () => {
    const oldToken = w.baseA.operator;
    expect((await t.ok<any>(FULL, { id: batchId }, oldToken)).batch.participants.map((p: any) => p.idNumber)).toEqual(people.map((p) => p.idNumber));
    const id = await idOf('op-ba');
    const { updateUser } = await t.ok<any>(UPDATE, { u: id, i: { baseId: w.baseB.id } }, w.admin);
    expect(updateUser).toEqual({ id, username: 'op-ba', role: 'BASE_OPERATOR', baseId: w.baseB.id, unionId: null, regionId: null });
    const stale = await t.gql(FULL, { id: batchId }, oldToken);
    expect([errorCode(stale), stale.errors![0].message, stale.data]).toEqual(['UNAUTHENTICATED', ENDED, null]);
    const newToken = await t.login('op-ba', 'test-password-1');
    expect((await t.ok<any>(ME, {}, newToken)).me).toEqual({ id, role: 'BASE_OPERATOR', baseId: w.baseB.id, unionId: null, regionId: null });
    expect(errorCode(await t.gql(FULL, { id: batchId }, newToken))).toBe('NOT_FOUND');
    // The new base is theirs: its calendar answers, base A's batches are gone from their list.
    const { batches } = await t.ok<any>('{ batches(first: 50) { totalCount } }', {}, newToken);
    expect(batches.totalCount).toBe(0);
  });

  it('a new role takes its home with it; the old token dies, and the new one acts in the new role', async () => {
    const id = await idOf('org-ub');
    const oldToken = w.unionB.organiser;
    const { updateUser } = await t.ok<any>(UPDATE, { u: id, i: { role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    expect(updateUser).toMatchObject({ role: 'UNION_APPROVER', unionId: w.unionA.id, baseId: null, regionId: null });
    expect(errorCode(await t.gql(ME, {}, oldToken))).toBe('UNAUTHENTICATED');
    const token = await t.login('org-ub', 'test-password-1');
    expect((await t.ok<any>(ME, {}, token)).me).toMatchObject({ role: 'UNION_APPROVER', unionId: w.unionA.id });
    // A PARTNER's union is their region's federation, set from regionId.
    const partner = await t.ok<any>(UPDATE, { u: id, i: { role: 'PARTNER', regionId: w.regions.GZ } }, w.admin);
    expect(partner.updateUser).toMatchObject({ role: 'PARTNER', regionId: w.regions.GZ, baseId: null });
    expect(partner.updateUser.unionId).not.toBeNull();
    expect(errorCode(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses what createUser refuses, your own account and other roles, and changes nothing then', async () => {
    const id = await idOf('org-ua');
    const before = (await t.ok<any>(ME, {}, w.unionA.organiser)).me;
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ role: 'BASE_OPERATOR' }, 'BAD_USER_INPUT', 'baseId'],
      [{ role: 'BASE_OPERATOR', baseId: w.baseA.id, unionId: w.unionA.id }, 'BAD_USER_INPUT', 'unionId'],
      [{ baseId: w.baseA.id }, 'BAD_USER_INPUT', 'baseId'],
      [{ unionId: null }, 'BAD_USER_INPUT', 'unionId'],
      [{ unionId: 999_999 }, 'NOT_FOUND', 'unionId'],
      [{ role: 'PARTNER', unionId: w.unionA.id, regionId: w.regions.GZ }, 'BAD_USER_INPUT', 'unionId'],
      [{ role: 'NOBODY' }, 'BAD_USER_INPUT', 'role'],
    ];
    for (const [input, code, field] of refusals) {
      const res = await t.gql(UPDATE, { u: id, i: input }, w.admin);
      expect([JSON.stringify(input), errorCode(res), res.errors![0].extensions!.field]).toEqual([JSON.stringify(input), code, field]);
    }
    expect(errorCode(await t.gql(UPDATE, { u: 999_999, i: { unionId: w.unionB.id } }, w.admin))).toBe('NOT_FOUND');
    const self = await t.gql(UPDATE, { u: await idOf('admin'), i: { role: 'UNION_ORGANISER', unionId: w.unionA.id } }, w.admin);
    expect([errorCode(self), self.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'userId']);
    expect(errorCode(await t.gql(UPDATE, { u: id, i: { unionId: w.unionB.id } }, w.unionA.organiser))).toBe('FORBIDDEN');
    // Nothing changed, so the organiser's token still works; an update to the same scope changes nothing either.
    expect((await t.ok<any>(ME, {}, w.unionA.organiser)).me).toEqual(before);
    await t.ok(UPDATE, { u: id, i: { unionId: w.unionA.id } }, w.admin);
    expect((await t.ok<any>(ME, {}, w.unionA.organiser)).me).toEqual(before);
  });
});
