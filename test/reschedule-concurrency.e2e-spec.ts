import { addDays, eachDay } from '@app/shared';
import { RESCHEDULE, reserved } from './support/reschedule.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, REQUEST_BATCH, type World } from './support/world.js';

/** Moves at once with requests, into and out of the same nights: never overbooked, beds equal to bookings. */
describe(`rescheduling under concurrency (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 40 });
  });
  afterAll(() => t.close());

  const request = async (startDate: string, headcount: number, token = w.unionA.organiser) =>
    (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount } }, token)).requestBatch;
  const move = (id: number, s: string) => t.gql(RESCHEDULE, { id, s }, w.unionA.organiser);

  /** Every night from `from` to `to` holds exactly the headcounts of the batches on it, never more than its beds. */
  async function expectBedsEqualBookings(from: string, to: string): Promise<number[]> {
    const { batches } = await t.ok<any>(
      'query($f:BatchFilter){batches(filter:$f,first:100){edges{node{status headcount startDate endDate}} pageInfo{hasNextPage}}}',
      { f: { baseId: w.baseA.id } },
      w.admin,
    );
    expect(batches.pageInfo.hasNextPage).toBe(false);
    const held = batches.edges.map((e: any) => e.node).filter((b: any) => ['REQUESTED', 'CONFIRMED'].includes(b.status));
    const counts = await reserved(t, w.admin, w.baseA.id, from, to);
    const expected = eachDay(from, to).map((night) => held.filter((b: any) => b.startDate <= night && night < b.endDate).reduce((s: number, b: any) => s + b.headcount, 0));
    expect(counts).toEqual(expected);
    for (const c of counts) expect(c).toBeLessThanOrEqual(40);
    expect((await t.ok<any>(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
    return counts;
  }

  it('20 concurrent moves of 3 into nights with 15 beds left: exactly 5 move, 15 get CAPACITY_EXCEEDED naming the night, the rest stay put', async () => {
    const r = addDays(w.start, 30);
    await request(r, 25, w.unionB.organiser);
    const made = [];
    for (const s of [addDays(w.start, 2), addDays(w.start, 10)]) for (let i = 0; i < 10; i++) made.push(await request(s, 3));
    const results = await Promise.all(made.map((b) => move(b.id, r)));
    const moved = results.filter((x) => x.data?.rescheduleBatch);
    const refused = results.filter((x) => x.errors);
    expect([moved.length, refused.length]).toEqual([5, 15]);
    for (const x of refused) expect([errorCode(x), x.errors![0].extensions!.night, x.errors![0].extensions!.availableBeds]).toEqual(['CAPACITY_EXCEEDED', r, 0]);
    const counts = await expectBedsEqualBookings(w.start, addDays(r, 3));
    expect(counts.slice(30, 34)).toEqual([40, 40, 40, 0]);
    expect(counts[2] + counts[10]).toBe(45);
  });

  it('moves in opposite directions, overlapping moves and new requests at once: only CAPACITY_EXCEEDED refusals, beds equal to bookings', async () => {
    const p = addDays(w.start, 40);
    const q = addDays(w.start, 50);
    const atP = [];
    for (let i = 0; i < 10; i++) atP.push(await request(p, 4));
    const atQ = [];
    for (let i = 0; i < 3; i++) atQ.push(await request(q, 4));
    const ops = [
      ...atP.slice(0, 6).map((b) => move(b.id, q)),
      ...atP.slice(6, 8).map((b) => move(b.id, addDays(p, 1))),
      ...atQ.map((b) => move(b.id, p)),
      ...Array.from({ length: 9 }, () => t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: q, headcount: 4 } }, w.unionB.organiser)),
    ];
    expect(ops).toHaveLength(20);
    const results = await Promise.all(ops);
    for (const x of results) if (x.errors) expect(errorCode(x)).toBe('CAPACITY_EXCEEDED');
    // The one-night shifts only add the night after P's three, which is empty.
    for (const x of results.slice(6, 8)) expect(x.data?.rescheduleBatch.startDate).toBe(addDays(p, 1));
    const counts = await expectBedsEqualBookings(addDays(p, -1), addDays(q, 3));
    const ok = results.filter((x) => !x.errors).length;
    // Beds at Q: 12 at first, +4 per move or request that got in, −4 per batch that left for P.
    const toQ = results.slice(0, 6).filter((x) => !x.errors).length + results.slice(11).filter((x) => !x.errors).length;
    const left = results.slice(8, 11).filter((x) => !x.errors).length;
    expect(counts[11]).toBe(12 + 4 * toQ - 4 * left);
    expect(ok).toBe(2 + toQ + left);
  });
});
