import { addDays } from '@app/shared';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, calendar, REQUEST_BATCH, type World } from './support/world.js';

const SET = 'mutation($i:SetCapacityInput!){setCapacity(input:$i){date totalBeds reservedBeds availableBeds}}';
const CLOSE = 'mutation($i:CloseDatesInput!){closeDates(input:$i){date closed availableBeds}}';
const REOPEN = 'mutation($i:ReopenDatesInput!){reopenDates(input:$i){date closed availableBeds}}';
const AVAILABILITY = 'query($f:Date!,$t:Date!,$h:Int!,$ids:[Int!]){availability(from:$f,to:$t,headcount:$h,baseIds:$ids){base{id} fits minAvailableBeds nights{date availableBeds closed}}}';

describe(`the capacity calendar (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 40 });
  });
  afterAll(() => t.close());

  it('setCapacity sets every night of a long range and answers with all of them', async () => {
    const from = addDays(w.start, 100);
    const days = (await t.ok(SET, { i: { baseId: w.baseA.id, from, to: addDays(from, 499), totalBeds: 25 } }, w.baseA.operator)).setCapacity;
    expect(days).toHaveLength(500);
    expect(days.every((d: any) => d.totalBeds === 25 && d.availableBeds === 25)).toBe(true);
  });

  it('refuses to change nights in the past', async () => {
    const yesterday = addDays(w.start, -8);
    for (const [query, input] of [
      [SET, { baseId: w.baseA.id, from: yesterday, to: w.start, totalBeds: 5 }],
      [CLOSE, { baseId: w.baseA.id, from: yesterday, to: yesterday, reason: 'x' }],
      [REOPEN, { baseId: w.baseA.id, from: yesterday, to: yesterday }],
    ] as const) {
      const res = await t.gql(query, { i: input }, w.baseA.operator);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.field).toBe('from');
    }
    expect((await calendar(t, w.admin, w.baseA.id, w.start, w.start))[0].totalBeds).toBe(40);
  });

  it('refuses to go below the beds already reserved, naming the night, and changes no night', async () => {
    const start = addDays(w.start, 3);
    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: start, headcount: 30 } }, w.unionA.organiser);
    const res = await t.gql(SET, { i: { baseId: w.baseA.id, from: w.start, to: addDays(w.start, 10), totalBeds: 20 } }, w.baseA.operator);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'totalBeds', night: start, reservedBeds: 30 });
    expect(res.errors![0].message).toContain(start);
    const nights = await calendar(t, w.admin, w.baseA.id, w.start, addDays(w.start, 10));
    expect(nights.every((n) => n.totalBeds === 40)).toBe(true);
    // Down to exactly what is reserved is allowed.
    const ok = (await t.ok(SET, { i: { baseId: w.baseA.id, from: start, to: addDays(start, 2), totalBeds: 30 } }, w.baseA.operator)).setCapacity;
    expect(ok.map((d: any) => d.availableBeds)).toEqual([0, 0, 0]);
  });

  it('closed nights take no new batches, keep the ones they have, and open again', async () => {
    const night = addDays(w.start, 30);
    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: night, headcount: 10 } }, w.unionA.organiser);
    const closed = (await t.ok(CLOSE, { i: { baseId: w.baseB.id, from: addDays(night, 1), to: addDays(night, 1), reason: '消防检查' } }, w.baseB.operator)).closeDates;
    expect(closed).toEqual([{ date: addDays(night, 1), closed: true, availableBeds: 0 }]);
    const refused = await t.gql(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: night, headcount: 5 } }, w.unionB.organiser);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toContain('消防检查');
    const [avail] = (await t.ok(AVAILABILITY, { f: night, t: addDays(night, 2), h: 5, ids: [w.baseB.id] }, w.unionB.organiser)).availability;
    expect(avail).toMatchObject({ fits: false, minAvailableBeds: 0 });
    expect((await calendar(t, w.admin, w.baseB.id, night, addDays(night, 2))).map((n) => n.reservedBeds)).toEqual([10, 10, 10]);
    await t.ok(REOPEN, { i: { baseId: w.baseB.id, from: addDays(night, 1), to: addDays(night, 1) } }, w.baseB.operator);
    expect((await t.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: night, headcount: 5 } }, w.unionB.organiser)).requestBatch.status).toBe('REQUESTED');
  });

  it('availability takes at most 50 bases, each once', async () => {
    const many = await t.gql(AVAILABILITY, { f: w.start, t: addDays(w.start, 1), h: 1, ids: Array.from({ length: 51 }, () => w.baseA.id) }, w.partner);
    expect(errorCode(many)).toBe('BAD_USER_INPUT');
    expect(many.errors![0].extensions!.field).toBe('baseIds');
    const twice = await t.gql(AVAILABILITY, { f: w.start, t: addDays(w.start, 1), h: 1, ids: [w.baseA.id, w.baseA.id] }, w.partner);
    expect(errorCode(twice)).toBe('BAD_USER_INPUT');
  });

  it('raising a headcount over a closed night names headcount', async () => {
    const night = addDays(w.start, 50);
    const { requestBatch } = await t.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: night, headcount: 5 } }, w.unionA.organiser);
    await t.ok(CLOSE, { i: { baseId: w.baseB.id, from: addDays(night, 1), to: addDays(night, 1), reason: '停电' } }, w.baseB.operator);
    const res = await t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:8){id}}', { id: requestBatch.id }, w.unionA.organiser);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'headcount', night: addDays(night, 1) });
  });

  it('availability tells which bases fit a group on every night', async () => {
    const from = addDays(w.start, 40);
    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: from, headcount: 25 } }, w.unionA.organiser);
    const result = (await t.ok(AVAILABILITY, { f: from, t: addDays(from, 2), h: 20, ids: null }, w.unionB.organiser)).availability;
    const byBase = new Map(result.map((r: any) => [r.base.id, r]));
    expect(byBase.get(w.baseA.id)).toMatchObject({ fits: false, minAvailableBeds: 15 });
    expect(byBase.get(w.baseB.id)).toMatchObject({ fits: true, minAvailableBeds: 40 });
    expect((byBase.get(w.baseA.id) as any).nights).toHaveLength(3);
  });
});
