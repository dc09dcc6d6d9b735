import { addDays, QueryCounter } from '@app/shared';
import { makePackage } from './support/reschedule.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const SUGGEST =
  'query($p:Int!,$s:Date!,$h:Int!,$u:Int){suggestStays(packageId:$p,startDate:$s,headcount:$h,unionId:$u){baseId baseName packageId packageName nights startDate endDate shiftDays pricePerPerson offPeak}}';
const SET_PRICES = 'mutation($i:SetPricePeriodsInput!){setPackagePrices(input:$i){id}}';

/** A request that does not fit is answered with stays that do (错时化), and each of them really books. */
describe(`alternatives to a stay that does not fit (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let s: string;
  let cheapB: number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100 });
    s = addDays(w.start, 7);
    // Base B has a cheaper 3-night package, and its usual one is off-peak on the asked nights.
    cheapB = await makePackage(t, w.admin, w.baseB.id, { nights: 3, price: '1500.00' });
    await t.ok(SET_PRICES, { i: { packageId: w.baseB.packageId, periods: [{ season: 'OFF_PEAK', firstNight: addDays(s, -1), lastNight: addDays(s, 3), pricePerNight: '600.00' }] } }, w.admin);
    // A 2-night package at base B is not the same kind of stay: never offered for a 3-night one.
    await makePackage(t, w.admin, w.baseB.id, { nights: 2, price: '100.00' });
    // Base A's nights s, s+1, s+2 keep 5 free beds.
    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: s, headcount: 95 } }, w.unionB.organiser);
  });
  afterAll(() => t.close());

  it('a full night is refused with CAPACITY_EXCEEDED and extensions.alternatives: other bases on the asked dates and the nearest dates here, cheapest first; each then books', async () => {
    const refused = await t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: s, headcount: 10 } }, w.unionA.organiser);
    expect(errorCode(refused)).toBe('CAPACITY_EXCEEDED');
    const ext = refused.errors![0].extensions!;
    expect(ext.night).toBe(s);
    const alternatives = ext.alternatives as any[];
    expect(alternatives.map((a) => [a.baseId, a.packageId, a.startDate, a.shiftDays, a.pricePerPerson, a.offPeak])).toEqual([
      [w.baseB.id, cheapB, s, 0, '1500.00', false],
      [w.baseB.id, w.baseB.packageId, s, 0, '1800.00', true],
      [w.baseA.id, w.baseA.packageId, addDays(s, -3), -3, '1980.00', false],
      [w.baseA.id, w.baseA.packageId, addDays(s, 3), 3, '1980.00', false],
      [w.baseA.id, w.baseA.packageId, addDays(s, -4), -4, '1980.00', false],
    ]);
    expect(alternatives[0]).toMatchObject({ baseName: 'Test base BB', nights: 3, endDate: addDays(s, 3) });
    // suggestStays gives the same answer without booking.
    const suggested = (await t.ok<any>(SUGGEST, { p: w.baseA.packageId, s, h: 10 }, w.unionA.organiser)).suggestStays;
    expect(suggested).toEqual(alternatives);
    // Every one of them really fits: booked one after the other, each at the price it was offered.
    for (const a of alternatives) {
      const b = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: a.packageId, startDate: a.startDate, headcount: 10 } }, w.unionA.organiser)).requestBatch;
      expect([b.startDate, b.pricePerPerson]).toEqual([a.startDate, a.pricePerPerson]);
    }
    expect((await t.ok<any>(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });

  it('a closed night is refused with its alternatives too; a stay that fits needs none', async () => {
    const c = addDays(s, 20);
    await t.ok('mutation($i:CloseDatesInput!){closeDates(input:$i){date}}', { i: { baseId: w.baseA.id, from: c, to: c, reason: 'staff training' } }, w.baseA.operator);
    const refused = await t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(c, -1), headcount: 4 } }, w.unionA.organiser);
    expect([errorCode(refused), refused.errors![0].extensions!.night]).toEqual(['BAD_USER_INPUT', c]);
    const starts = (refused.errors![0].extensions!.alternatives as any[]).filter((a) => a.baseId === w.baseA.id).map((a) => a.startDate);
    // The nearest starts whose three nights miss the closed one.
    expect(starts.sort()).toEqual([addDays(c, -4), addDays(c, -3), addDays(c, 1)].sort());
    expect((await t.ok<any>(SUGGEST, { p: w.baseA.packageId, s: addDays(c, 5), h: 4 }, w.unionA.organiser)).suggestStays.length).toBeGreaterThan(0);
  });

  it("leaves out the dates whose rooming list could no longer pass the union's notice before arrival", async () => {
    // Union C keeps the default policy: its lists are posted for 3 working days, so a stay a week out cannot clear.
    const { createUnion } = await t.ok<any>('mutation($i:CreateUnionInput!){createUnion(input:$i){id}}', { i: { code: 'T-UC', name: 'Test union UC', regionId: w.regions.GZ } }, w.admin);
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'org-uc', password: 'test-password-1', role: 'UNION_ORGANISER', unionId: createUnion.id } }, w.admin);
    const organiser = await t.login('org-uc', 'test-password-1');
    const early = addDays(w.start, -5);
    const asked = await t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: early, headcount: 2 } }, organiser);
    expect(errorCode(asked)).toBe('POLICY_VIOLATION');
    const earliest = asked.errors![0].extensions!.earliestStartDate as string;
    const options = (await t.ok<any>(SUGGEST, { p: w.baseA.packageId, s: early, h: 2 }, organiser)).suggestStays;
    expect(options.length).toBeGreaterThan(0);
    for (const o of options) expect(o.startDate >= earliest).toBe(true);
    for (const o of options) expect(errorCode(await t.gql(REQUEST_BATCH, { i: { packageId: o.packageId, startDate: o.startDate, headcount: 2 } }, organiser))).toBeUndefined();
  });

  it('costs the same number of SQL queries with 2 bases or 8, over the 57 days it looks at', async () => {
    const count = async () => {
      const before = QueryCounter.total;
      await t.ok(SUGGEST, { p: w.baseA.packageId, s, h: 10 }, w.admin);
      return QueryCounter.total - before;
    };
    const few = await count();
    for (let i = 0; i < 6; i++) {
      const { createBase } = await t.ok<any>(
        'mutation($i:CreateBaseInput!){createBase(input:$i){id}}',
        { i: { code: `T-X${i}`, name: `Extra ${i}`, regionId: w.regions.YF, county: '新兴县' } },
        w.admin,
      );
      await makePackage(t, w.admin, createBase.id, { nights: 3, price: `${1000 + i}.00` });
      await t.ok('mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}', { i: { baseId: createBase.id, from: w.start, to: addDays(s, 40), totalBeds: 50 } }, w.admin);
    }
    const many = await count();
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });

  it('refuses nonsense with BAD_USER_INPUT or NOT_FOUND', async () => {
    expect(errorCode(await t.gql(SUGGEST, { p: 999_999, s, h: 10 }, w.unionA.organiser))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(SUGGEST, { p: w.baseA.packageId, s: '2026-02-30', h: 10 }, w.unionA.organiser))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(SUGGEST, { p: w.baseA.packageId, s, h: 10 }))).toBe('UNAUTHENTICATED');
  });
});
