import { addDays, todayInShanghai } from '@app/shared';
import { activeAgreement, AGREEMENT, ALLOTMENT, AUDIT_FULL, CREATE_ALLOTMENT, EXCHANGE_BATCH, nightsOf, partnerOf } from './support/exchange.js';
import { HISTORY, RESCHEDULE } from './support/reschedule.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/** Rescheduling under an exchange agreement: the agreement's dates and quota, and allotment beds. */
describe(`rescheduling exchange batches (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let yf: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100, nightsOfBeds: 90 });
    yf = await partnerOf(t, w, 'YF');
  });
  afterAll(() => t.close());

  const audit = async () => (await t.ok<any>(AUDIT_FULL, {}, w.admin)).capacityAudit;

  it('the quota follows the batch across agreement years; a move the new year has no room for, or outside the agreement, is refused and changes nothing', async () => {
    // Agreement year 2 begins 20 days after the first night with beds.
    const boundary = addDays(w.start, 20);
    const id = await activeAgreement(t, w.partner, yf, {
      partnerRegionId: w.regions.YF,
      title: 'two years',
      from: addDays(boundary, -365),
      to: addDays(boundary, 40),
      quotas: [{ fromRegionId: w.regions.SZ, personVisits: 30 }],
    });
    const yearTwo = (await t.ok<any>(AGREEMENT, { id }, w.partner)).agreement.quotas.find((q: any) => q.year === 2).yearStart;
    const used = async () => (await t.ok<any>(AGREEMENT, { id }, w.partner)).agreement.quotas.map((q: any) => q.used);
    const book = async (startDate: string, headcount: number) =>
      (await t.ok<any>(EXCHANGE_BATCH, { i: { packageId: w.baseB.packageId, startDate, headcount, agreementId: id, unionId: w.unionB.id } }, w.partner)).requestBatch;
    const one = await book(addDays(yearTwo, -8), 12);
    expect(await used()).toEqual([12, 0]);
    // Within the year: nothing to move. The partner who booked it moves it.
    await t.ok(RESCHEDULE, { id: one.id, s: addDays(yearTwo, -6) }, w.partner);
    expect(await used()).toEqual([12, 0]);
    await t.ok(RESCHEDULE, { id: one.id, s: addDays(yearTwo, 2) }, w.partner);
    expect(await used()).toEqual([0, 12]);
    // The host region sees it but does not send it.
    expect(errorCode(await t.gql(RESCHEDULE, { id: one.id, s: addDays(yearTwo, 3) }, yf))).toBe('FORBIDDEN');
    await book(addDays(yearTwo, 5), 15);
    const three = await book(addDays(yearTwo, -10), 10);
    expect(await used()).toEqual([10, 27]);
    const over = await t.gql(RESCHEDULE, { id: three.id, s: addDays(yearTwo, 1) }, w.unionB.organiser);
    expect([errorCode(over), over.errors?.[0].extensions?.left, over.errors?.[0].extensions?.field]).toEqual(['QUOTA_EXCEEDED', 3, 'startDate']);
    const outside = await t.gql(RESCHEDULE, { id: three.id, s: addDays(boundary, 39) }, w.unionB.organiser);
    expect([errorCode(outside), outside.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'startDate']);
    expect(await used()).toEqual([10, 27]);
    expect((await t.ok<any>(HISTORY, { id: three.id }, w.admin)).batch.startDate).toBe(addDays(yearTwo, -10));
    // Back into year 1, earlier: the year-1 row is taken first, then year 2 given back.
    await t.ok(RESCHEDULE, { id: one.id, s: addDays(yearTwo, -5) }, w.unionB.organiser);
    expect(await used()).toEqual([22, 15]);
    expect(await audit()).toEqual([]);
  });

  it('a batch on an allotment moves within it: used beds follow (to general sale on released nights); nights it does not hold or released are refused', async () => {
    const today = todayInShanghai();
    const agreement = await activeAgreement(t, w.partner, yf, { partnerRegionId: w.regions.YF, title: 'block', from: today, to: addDays(today, 300) });
    const from = addDays(w.start, 45);
    const allotment = (await t.ok<any>(CREATE_ALLOTMENT, { i: { agreementId: agreement, baseId: w.baseA.id, from, to: addDays(from, 5), beds: 20, releaseDays: 5 } }, w.baseA.operator))
      .createAllotment;
    const input = { packageId: w.baseA.packageId, startDate: from, headcount: 12, agreementId: agreement };
    const b = (await t.ok<any>(EXCHANGE_BATCH, { i: input }, w.unionB.organiser)).requestBatch;
    const other = (await t.ok<any>(EXCHANGE_BATCH, { i: { ...input, startDate: addDays(from, 3), headcount: 6 } }, w.unionB.organiser)).requestBatch;
    expect([b.bedSource, other.bedSource]).toEqual(['ALLOTMENT', 'ALLOTMENT']);
    const used = async () => (await t.ok<any>(ALLOTMENT, { id: allotment.id }, w.baseA.operator)).allotment.nights.map((n: any) => [n.used, n.beds]);
    const calendar = async () => (await nightsOf(t, w.admin, w.baseA.id, from, addDays(from, 6))).map((n) => [n.reservedBeds, n.allottedBeds]);
    await t.ok(RESCHEDULE, { id: b.id, s: addDays(from, 1) }, w.unionB.organiser);
    expect(await used()).toEqual([
      [0, 20],
      [12, 20],
      [12, 20],
      [18, 20],
      [6, 20],
      [6, 20],
    ]);
    // Past the block's last night: refused, never moved to general sale.
    const beyond = await t.gql(RESCHEDULE, { id: b.id, s: addDays(from, 4) }, w.unionB.organiser);
    expect([errorCode(beyond), beyond.errors?.[0].extensions?.night]).toEqual(['BAD_USER_INPUT', addDays(from, 6)]);
    // The last night released: it now holds only the 6 beds in use, and moving off it gives them to general sale.
    await t.ok('mutation($id:Int!,$f:Date!,$t:Date!){releaseAllotment(id:$id,from:$f,to:$t,reason:"人数已定"){id}}', { id: allotment.id, f: addDays(from, 5), t: addDays(from, 5) }, w.partner);
    expect((await calendar())[5]).toEqual([6, 0]);
    await t.ok(RESCHEDULE, { id: other.id, s: addDays(from, 1) }, w.unionB.organiser);
    expect(await used()).toEqual([
      [0, 20],
      [18, 20],
      [18, 20],
      [18, 20],
      [0, 20],
      [0, 0],
    ]);
    // Onto the released night: refused naming it, nothing changed.
    const released = await t.gql(RESCHEDULE, { id: b.id, s: addDays(from, 3) }, w.unionB.organiser);
    expect([errorCode(released), released.errors?.[0].extensions?.night, released.errors?.[0].extensions?.allotmentId]).toEqual(['CAPACITY_EXCEEDED', addDays(from, 5), allotment.id]);
    expect(await used()).toEqual([
      [0, 20],
      [18, 20],
      [18, 20],
      [18, 20],
      [0, 20],
      [0, 0],
    ]);
    expect(await calendar()).toEqual([
      [20, 20],
      [20, 2],
      [20, 2],
      [20, 2],
      [20, 20],
      [0, 0],
      [0, 0],
    ]);
    expect(await audit()).toEqual([]);
  });
});
