import { addDays, todayInShanghai } from '@app/shared';
import { DB_KIND, errorCode, type GqlResult, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, calendar, type World } from './support/world.js';

/**
 * Bad input gets a clear, typed error: the exact `extensions.code` (never INTERNAL_SERVER_ERROR), the
 * field where there is one, and never SQL text. At the end, nothing any failure touched was half-saved.
 */
describe(`bad input gets a clear error (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  /** A REQUESTED batch of 10 on base B (nights start+20…start+22), for the batch mutations. */
  let batchId: number;
  const far = (days: number) => addDays(w.start, days);

  const REQUEST = 'mutation($input:RequestBatchInput!){requestBatch(input:$input){id}}';
  const CREATE_PACKAGE = 'mutation($input:CreatePackageInput!){createPackage(input:$input){id}}';
  const SET_CAPACITY = 'mutation($input:SetCapacityInput!){setCapacity(input:$input){date}}';
  const CREATE_BASE = 'mutation($input:CreateBaseInput!){createBase(input:$input){id}}';
  const CREATE_USER = 'mutation($input:CreateUserInput!){createUser(input:$input){id}}';
  const CHANGE_HEADCOUNT = 'mutation($id:Int!,$h:Int!){changeHeadcount(id:$id,headcount:$h){id headcount}}';
  const AVAILABILITY = 'query($from:Date!,$to:Date!,$h:Int!,$ids:[Int!]){availability(from:$from,to:$to,headcount:$h,baseIds:$ids){fits}}';
  const CALENDAR = 'query($id:Int!,$from:Date!,$to:Date!){base(id:$id){calendar(from:$from,to:$to){date}}}';
  const LOGIN = 'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}';

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { minGroup: 2, maxGroup: 50 });
    const made = await t.ok(REQUEST, { input: { packageId: w.baseB.packageId, startDate: far(20), headcount: 10 } }, w.unionA.organiser);
    batchId = made.requestBatch.id;
    await t.ok('mutation($input:CloseDatesInput!){closeDates(input:$input){date}}', { input: { baseId: w.baseA.id, from: far(10), to: far(10), reason: 'renovation' } }, w.admin);
  });
  afterAll(() => t.close());

  /** The request failed with `code` (and `field` when given), with no data, no internals and no SQL. */
  function expectError(res: GqlResult, code: string, field?: string) {
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const e of res.errors!) {
      expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      for (const sql of ['SQL', 'SELECT', 'INSERT', 'ER_', 'SQLITE']) expect(e.message).not.toContain(sql);
      const { code: _code, ...details } = e.extensions ?? {};
      expect(JSON.stringify(details)).not.toMatch(/stacktrace|SQL|ER_[A-Z]|SELECT |INSERT /);
    }
    expect(errorCode(res)).toBe(code);
    if (field !== undefined) expect(res.errors![0].extensions?.field).toBe(field);
    const data = res.data as Record<string, unknown> | null | undefined;
    for (const value of Object.values(data ?? {})) expect(value).toBeNull();
    return res.errors![0];
  }

  const request = (input: Record<string, unknown>, token = w.unionA.organiser) => t.gql(REQUEST, { input: { packageId: w.baseA.packageId, startDate: w.start, headcount: 5, ...input } }, token);

  describe('headcount', () => {
    it.each([
      ['0', 0],
      ['negative', -3],
      ['above maxGroupSize', 51],
      ['below minGroupSize', 1],
    ])('requestBatch with headcount %s → BAD_USER_INPUT on headcount', async (_, headcount) => {
      expectError(await request({ headcount }), 'BAD_USER_INPUT', 'headcount');
    });

    it.each([
      ['0', 0],
      ['negative', -3],
      ['above maxGroupSize', 51],
      ['below minGroupSize', 1],
    ])('changeHeadcount to %s → BAD_USER_INPUT on headcount', async (_, h) => {
      expectError(await t.gql(CHANGE_HEADCOUNT, { id: batchId, h }, w.unionA.organiser), 'BAD_USER_INPUT', 'headcount');
    });

    it('availability with headcount 0 → BAD_USER_INPUT on headcount', async () => {
      expectError(await t.gql(AVAILABILITY, { from: w.start, to: far(2), h: 0 }, w.admin), 'BAD_USER_INPUT', 'headcount');
    });
  });

  describe('nights', () => {
    it('a startDate in the past → BAD_USER_INPUT on startDate', async () => {
      const e = expectError(await request({ startDate: addDays(todayInShanghai(), -1) }), 'BAD_USER_INPUT', 'startDate');
      expect(e.message).toContain('past');
    });

    it('a stay over a closed night → BAD_USER_INPUT naming the night', async () => {
      const e = expectError(await request({ startDate: far(9) }), 'BAD_USER_INPUT', 'startDate');
      expect(e.extensions!.night).toBe(far(10));
      expect(e.message).toContain('renovation');
    });

    it('a stay over a night with no beds set → CAPACITY_EXCEEDED naming the night', async () => {
      const e = expectError(await request({ startDate: far(59) }), 'CAPACITY_EXCEEDED');
      expect(e.extensions).toMatchObject({ night: far(61), availableBeds: 0, requestedBeds: 5 });
    });
  });

  describe('things that do not exist → NOT_FOUND', () => {
    it('requestBatch with an unknown packageId names packageId', async () => {
      expectError(await request({ packageId: 999_999 }), 'NOT_FOUND', 'packageId');
    });
    it('batch(id) and changeHeadcount of an unknown batch name id', async () => {
      expectError(await t.gql('query($id:Int!){batch(id:$id){id}}', { id: 999_999 }, w.admin), 'NOT_FOUND', 'id');
      expectError(await t.gql(CHANGE_HEADCOUNT, { id: 999_999, h: 5 }, w.unionA.organiser), 'NOT_FOUND', 'id');
    });
    it('base(id), setCapacity, createPackage, availability and createUser with an unknown base', async () => {
      expectError(await t.gql('query($id:Int!){base(id:$id){id}}', { id: 999_999 }, w.admin), 'NOT_FOUND', 'id');
      expectError(await t.gql(SET_CAPACITY, { input: { baseId: 999_999, from: w.start, to: far(1), totalBeds: 5 } }, w.admin), 'NOT_FOUND', 'baseId');
      const pkg = { baseId: 999_999, name: 'p', nights: 2, pricePerPerson: '100.00', minGroupSize: 1, maxGroupSize: 5 };
      expectError(await t.gql(CREATE_PACKAGE, { input: pkg }, w.admin), 'NOT_FOUND', 'baseId');
      expectError(await t.gql(AVAILABILITY, { from: w.start, to: far(1), h: 1, ids: [w.baseA.id, 999_999] }, w.admin), 'NOT_FOUND', 'baseIds');
      const user = { username: 'op-ghost', password: 'long-enough-1', role: 'BASE_OPERATOR', baseId: 999_999 };
      expectError(await t.gql(CREATE_USER, { input: user }, w.admin), 'NOT_FOUND', 'baseId');
    });
  });

  describe('malformed dates → BAD_USER_INPUT without SQL', () => {
    const BAD_DATES = ['2025-02-30', '2026-13-01', 'tomorrow'];

    it.each(BAD_DATES)('%s as a variable names the field', async (bad) => {
      expectError(await request({ startDate: bad }), 'BAD_USER_INPUT', 'startDate');
      expectError(await t.gql(AVAILABILITY, { from: bad, to: far(1), h: 1 }, w.admin), 'BAD_USER_INPUT', 'from');
      expectError(await t.gql(CALENDAR, { id: w.baseA.id, from: w.start, to: bad }, w.admin), 'BAD_USER_INPUT', 'to');
      expectError(await t.gql(SET_CAPACITY, { input: { baseId: w.baseA.id, from: bad, to: far(1), totalBeds: 5 } }, w.admin), 'BAD_USER_INPUT', 'from');
    });

    const inlineDates = (bad: string) => [
      t.gql(`mutation{requestBatch(input:{packageId:${w.baseA.packageId},startDate:"${bad}",headcount:5}){id}}`, {}, w.unionA.organiser),
      t.gql(`{availability(from:"${bad}",to:"${far(1)}",headcount:1){fits}}`, {}, w.admin),
      t.gql(`{base(id:${w.baseA.id}){calendar(from:"${w.start}",to:"${bad}"){date}}}`, {}, w.admin),
    ];

    // The rule, never the value: whatever was typed (an ID number in the wrong field) does not come back.
    it.each(BAD_DATES)('%s as an inline literal', async (bad) => {
      for (const res of await Promise.all(inlineDates(bad))) {
        const message = expectError(res, 'BAD_USER_INPUT').message;
        expect(message).toMatch(/This is not a calendar date: use YYYY-MM-DD/);
        expect(message).not.toContain(bad);
      }
    });

    // A refused inline literal names its field (the argument written before it) and its location.
    it.each(BAD_DATES)('%s as an inline literal names its field and location', async (bad) => {
      const [req, avail, cal] = (await Promise.all(inlineDates(bad))).map((r) => r.errors![0]);
      expect(req.extensions?.field).toMatch(/(^|\.)startDate$/);
      expect(avail.extensions?.field).toMatch(/(^|\.)from$/);
      expect(cal.extensions?.field).toMatch(/(^|\.)to$/);
      for (const e of [req, avail, cal]) expect((e as { locations?: unknown[] }).locations?.length).toBeGreaterThan(0);
    });
  });

  it('an Int literal out of range or not whole → BAD_USER_INPUT naming the argument', async () => {
    for (const query of ['{batch(id:2147483648){id}}', `mutation{changeHeadcount(id:1,headcount:1.5){id}}`]) {
      const res = await t.gql(query, {}, w.admin);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toMatch(/^(id|headcount)$/);
    }
  });

  describe('malformed money → BAD_USER_INPUT', () => {
    const pkg = (price: unknown) => ({ baseId: w.baseA.id, name: 'Bad price', nights: 2, pricePerPerson: price, minGroupSize: 1, maxGroupSize: 5 });

    it.each([['12.345'], ['abc'], [12]])('%p as a variable names the field', async (price) => {
      expectError(await t.gql(CREATE_PACKAGE, { input: pkg(price) }, w.admin), 'BAD_USER_INPUT', 'pricePerPerson');
    });

    const inlinePrice = (literal: string) =>
      t.gql(`mutation{createPackage(input:{baseId:${w.baseA.id},name:"Bad price",nights:2,pricePerPerson:${literal},minGroupSize:1,maxGroupSize:5}){id}}`, {}, w.admin);

    it.each([['"12.345"'], ['"abc"'], ['12'], ['12.5']])('%s as an inline literal', async (literal) => {
      expectError(await inlinePrice(literal), 'BAD_USER_INPUT');
    });

    // A refused Money literal names its field too.
    it.each([['"abc"'], ['12']])('%s as an inline literal names pricePerPerson', async (literal) => {
      expect((await inlinePrice(literal)).errors![0].extensions?.field).toMatch(/(^|\.)pricePerPerson$/);
    });

    it('a negative price → BAD_USER_INPUT on pricePerPerson', async () => {
      expectError(await t.gql(CREATE_PACKAGE, { input: pkg('-5.00') }, w.admin), 'BAD_USER_INPUT', 'pricePerPerson');
    });
  });

  describe('oversized strings → BAD_USER_INPUT', () => {
    it('notes of 1001 characters and an idempotencyKey of 101', async () => {
      expectError(await request({ notes: 'n'.repeat(1001) }), 'BAD_USER_INPUT', 'notes');
      expectError(await request({ idempotencyKey: 'k'.repeat(101) }), 'BAD_USER_INPUT', 'idempotencyKey');
    });

    it('a base name of 101 characters', async () => {
      expectError(await t.gql(CREATE_BASE, { input: { code: 'T-LONG', name: 'b'.repeat(101), regionId: w.regions.YF, county: '新兴县' } }, w.admin), 'BAD_USER_INPUT', 'name');
    });

    it('a reason of 501 characters in cancelBatch and rejectBatch', async () => {
      const reason = 'r'.repeat(501);
      const cancel = await t.gql('mutation($id:Int!,$r:String!){cancelBatch(id:$id,reason:$r){id}}', { id: batchId, r: reason }, w.unionA.organiser);
      expectError(cancel, 'BAD_USER_INPUT', 'reason');
      const reject = await t.gql('mutation($id:Int!,$r:String!){rejectBatch(id:$id,reason:$r){id}}', { id: batchId, r: reason }, w.baseB.operator);
      expectError(reject, 'BAD_USER_INPUT', 'reason');
    });
  });

  describe('ranges → BAD_USER_INPUT on to', () => {
    it('`to` before `from` in calendar, availability and setCapacity', async () => {
      expectError(await t.gql(CALENDAR, { id: w.baseA.id, from: far(5), to: far(4) }, w.admin), 'BAD_USER_INPUT', 'to');
      expectError(await t.gql(AVAILABILITY, { from: far(5), to: far(4), h: 1 }, w.admin), 'BAD_USER_INPUT', 'to');
      expectError(await t.gql(SET_CAPACITY, { input: { baseId: w.baseA.id, from: far(5), to: far(4), totalBeds: 5 } }, w.admin), 'BAD_USER_INPUT', 'to');
    });

    it('367 nights in calendar and availability (366 still answer)', async () => {
      expectError(await t.gql(CALENDAR, { id: w.baseA.id, from: w.start, to: far(366) }, w.admin), 'BAD_USER_INPUT', 'to');
      expectError(await t.gql(AVAILABILITY, { from: w.start, to: far(366), h: 1 }, w.admin), 'BAD_USER_INPUT', 'to');
      expect(await calendar(t, w.admin, w.baseA.id, w.start, far(365))).toHaveLength(366);
    });

    it('732 nights in one setCapacity', async () => {
      expectError(await t.gql(SET_CAPACITY, { input: { baseId: w.baseA.id, from: w.start, to: far(731), totalBeds: 5 } }, w.admin), 'BAD_USER_INPUT', 'to');
    });
  });

  describe('packages, duplicates and accounts', () => {
    it('minGroupSize > maxGroupSize → BAD_USER_INPUT on minGroupSize', async () => {
      const input = { baseId: w.baseA.id, name: 'Upside down', nights: 2, pricePerPerson: '100.00', minGroupSize: 10, maxGroupSize: 5 };
      expectError(await t.gql(CREATE_PACKAGE, { input }, w.admin), 'BAD_USER_INPUT', 'minGroupSize');
    });

    it('a duplicate base code, union code or username → CONFLICT naming the field', async () => {
      expectError(await t.gql(CREATE_BASE, { input: { code: 'T-BA', name: 'Again', regionId: w.regions.YF, county: '新兴县' } }, w.admin), 'CONFLICT', 'code');
      const union = await t.gql('mutation($input:CreateUnionInput!){createUnion(input:$input){id}}', { input: { code: 'T-UA', name: 'Again', regionId: w.regions.GZ } }, w.admin);
      expectError(union, 'CONFLICT', 'code');
      const user = { username: 'op-ba', password: 'long-enough-1', role: 'BASE_OPERATOR', baseId: w.baseA.id };
      expectError(await t.gql(CREATE_USER, { input: user }, w.admin), 'CONFLICT', 'username');
      const counts = await t.ok('{bases{id} unions{id}}', {}, w.admin);
      // Two test unions and the twelve regions' federations.
      expect([counts.bases.length, counts.unions.length]).toEqual([2, 14]);
    });

    it('createUser: BASE_OPERATOR without baseId, and a password under 8 characters', async () => {
      expectError(await t.gql(CREATE_USER, { input: { username: 'op-nobase', password: 'long-enough-1', role: 'BASE_OPERATOR' } }, w.admin), 'BAD_USER_INPUT', 'baseId');
      const weak = { username: 'op-weak', password: 'short77', role: 'BASE_OPERATOR', baseId: w.baseA.id };
      expectError(await t.gql(CREATE_USER, { input: weak }, w.admin), 'BAD_USER_INPUT', 'password');
      const users = (await t.ok('{users{username}}', {}, w.admin)).users.map((u: { username: string }) => u.username);
      expect(users.filter((u: string) => ['op-ghost', 'op-nobase', 'op-weak'].includes(u))).toEqual([]);
    });

    it('login: a wrong password and an unknown user get the same UNAUTHENTICATED message', async () => {
      const wrong = expectError(await t.gql(LOGIN, { u: 'admin', p: 'not-the-password' }), 'UNAUTHENTICATED');
      const unknown = expectError(await t.gql(LOGIN, { u: 'nobody-here', p: 'not-the-password' }), 'UNAUTHENTICATED');
      expect(unknown.message).toBe(wrong.message);
      expect(wrong.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(unknown.extensions).toEqual(wrong.extensions);
    });
  });

  // An explicit null for a field an update may leave out is refused, not passed on to a NOT NULL column.
  describe('explicit nulls in update inputs', () => {
    it.each([
      ['updatePackage', 'UpdatePackageInput', 'name'],
      ['updatePackage', 'UpdatePackageInput', 'minGroupSize'],
      ['updateBase', 'UpdateBaseInput', 'county'],
    ])('%s with %s.%s = null → BAD_USER_INPUT on that field', async (mutation, type, field) => {
      const id = mutation === 'updateBase' ? w.baseA.id : w.baseA.packageId;
      const res = await t.gql(`mutation($input:${type}!){${mutation}(input:$input){id}}`, { input: { id, [field]: null } }, w.admin);
      expectError(res, 'BAD_USER_INPUT', field);
    });
  });

  // In a describe of its own so that it runs after every failure above.
  describe('afterwards', () => {
    it('nothing was half-saved: the audit is clean and no tried night holds beds', async () => {
      expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
      const nightsA = await calendar(t, w.admin, w.baseA.id, addDays(todayInShanghai(), -1), far(62));
      expect(nightsA.filter((n) => n.reservedBeds !== 0)).toEqual([]);
      const closed = nightsA.find((n) => n.date === far(10))!;
      expect(closed.closed).toBe(true);
      const nightsB = await calendar(t, w.admin, w.baseB.id, far(19), far(23));
      expect(nightsB.map((n) => n.reservedBeds)).toEqual([0, 10, 10, 10, 0]);
      const batch = await t.ok('query($id:Int!){batch(id:$id){status headcount history{to}}}', { id: batchId }, w.admin);
      expect(batch.batch).toEqual({ status: 'REQUESTED', headcount: 10, history: [{ to: 'REQUESTED' }] });
      expect((await t.ok('{batches{totalCount}}', {}, w.admin)).batches.totalCount).toBe(1);
      const a = await t.ok('query($id:Int!){base(id:$id){county packages(includeInactive:true){name minGroupSize}}}', { id: w.baseA.id }, w.admin);
      expect(a.base).toEqual({ county: '新兴县', packages: [{ name: '3 nights', minGroupSize: 2 }] });
    });
  });
});
