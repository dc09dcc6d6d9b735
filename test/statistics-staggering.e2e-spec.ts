import { addDays, QueryCounter, todayInShanghai } from '@app/shared';
import { RESCHEDULE } from './support/reschedule.js';
import { stay } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const STAGGERING = `query($f:Date!,$t:Date!,$x:StatisticsExchange){statistics(from:$f,to:$t,groupBy:BASE,exchange:$x){
  staggering{baseId label month bedNights occupiedBedNights occupancy refusedRequests refusedMoves moves}}}`;

/** Days in a month given as YYYY-MM. */
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
const nextMonth = (month: string) => addDays(day(month, daysIn(month)), 1).slice(0, 7);
const percent = (occupied: number, offered: number) => Math.round((occupied / offered) * 1000) / 10;

/** statistics.staggering: occupancy per base and month, and the refusals and moves that tell whether staggering works (错时化). */
describe(`staggering figures in statistics (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const today = todayInShanghai();
  // A whole month in the future with beds on every night, and the month after it.
  const M = addDays(today, 40).slice(0, 7);
  const N = nextMonth(M);
  const from = day(today.slice(0, 7), 1);
  const to = day(N, daysIn(N));
  const rowsOf = async (token: string, exchange = 'ALL') => (await t.ok<any>(STAGGERING, { f: from, t: to, x: exchange }, token)).statistics.staggering;
  const rowOf = (rows: any[], baseId: number, month: string) => rows.find((r) => r.baseId === baseId && r.month === month);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 10, nightsOfBeds: 160 });
  });
  afterAll(() => t.close());

  it('a month with known beds and bookings: exact bed-nights, occupancy, refusals (20 at once into 5 places: 15) and moves', async () => {
    const A = w.baseA;
    const who = { organiser: w.unionA.organiser, operator: A.operator };
    const last = daysIn(M);
    // Two nights closed: they offer nothing, and a stay over them is refused.
    await t.ok('mutation($i:CloseDatesInput!){closeDates(input:$i){date}}', { i: { baseId: A.id, from: day(M, 20), to: day(M, 21), reason: '检修' } }, w.admin);
    const one = await stay(t, who, { packageId: A.packageId, startDate: day(M, 1), headcount: 4 }, 'REQUESTED'); // 12 bed-nights
    const two = await stay(t, who, { packageId: A.packageId, startDate: day(M, 5), headcount: 3 }, 'CONFIRMED'); // 9
    await stay(t, who, { packageId: A.packageId, startDate: day(M, last - 1), headcount: 2 }, 'REQUESTED'); // 4 in M, 2 in N
    await stay(t, who, { packageId: A.packageId, startDate: day(M, 10), headcount: 5 }, 'REQUESTED'); // 15, leaving 5 beds on days 10–12

    // 20 requests of one person at once into the 5 beds left: 5 booked, 15 refused, each refusal counted.
    const results = await Promise.all(Array.from({ length: 20 }, () => t.gql(REQUEST_BATCH, { i: { packageId: A.packageId, startDate: day(M, 10), headcount: 1 } }, w.unionA.organiser)));
    expect(results.filter((r) => !r.errors).length).toBe(5);
    expect(results.filter((r) => errorCode(r) === 'CAPACITY_EXCEEDED').length).toBe(15);
    // A stay over a closed night (union B's): refused, counted.
    const closed = await t.gql(REQUEST_BATCH, { i: { packageId: A.packageId, startDate: day(M, 19), headcount: 1 } }, w.unionB.organiser);
    expect(errorCode(closed)).toBe('BAD_USER_INPUT');
    // Refusals that are not about beds are not counted: a headcount the package does not take.
    expect(errorCode(await t.gql(REQUEST_BATCH, { i: { packageId: A.packageId, startDate: day(M, 2), headcount: 500 } }, w.unionA.organiser))).toBe('BAD_USER_INPUT');

    // Moves: batch two within the month (counted under the month it left), batch one into the next month.
    await t.ok(RESCHEDULE, { id: two.id, s: day(M, 25) }, w.unionA.organiser);
    // A move into the full days is refused and counted under the arrival asked for.
    expect(errorCode(await t.gql(RESCHEDULE, { id: one.id, s: day(M, 10) }, w.unionA.organiser))).toBe('CAPACITY_EXCEEDED');
    await t.ok(RESCHEDULE, { id: one.id, s: day(N, 3) }, w.unionA.organiser);

    const rows = await rowsOf(w.admin);
    const offeredM = 10 * (last - 2);
    const occupiedM = 9 + 4 + 15 + 5 * 3;
    expect(rowOf(rows, A.id, M)).toEqual({
      baseId: A.id,
      label: 'Test base BA',
      month: M,
      bedNights: offeredM,
      occupiedBedNights: occupiedM,
      occupancy: percent(occupiedM, offeredM),
      refusedRequests: 16,
      refusedMoves: 1,
      moves: 2,
    });
    expect(rowOf(rows, A.id, N)).toEqual({
      baseId: A.id,
      label: 'Test base BA',
      month: N,
      bedNights: 10 * daysIn(N),
      occupiedBedNights: 12 + 2,
      occupancy: percent(14, 10 * daysIn(N)),
      refusedRequests: 0,
      refusedMoves: 0,
      moves: 0,
    });
    // Base B: beds, nothing taken, nothing refused.
    expect(rowOf(rows, w.baseB.id, M)).toMatchObject({ bedNights: 10 * last, occupiedBedNights: 0, occupancy: 0, refusedRequests: 0, moves: 0 });
    // By month, then base.
    expect(rows.map((r: any) => r.month)).toEqual([...rows.map((r: any) => r.month)].sort());
    expect(rows.filter((r: any) => r.month === M).map((r: any) => r.label)).toEqual(['Test base BA', 'Test base BB']);
  }, 60_000);

  it('a stay that left counts with what it took: completed batches give their beds back but still occupied them', async () => {
    const B = w.baseB;
    const b = await stay(t, { organiser: w.unionB.organiser, operator: B.operator }, { packageId: B.packageId, startDate: today, headcount: 2 }, 'COMPLETED');
    expect(b.id).toBeGreaterThan(0);
    const month = today.slice(0, 7);
    const inMonth = [0, 1, 2].filter((i) => addDays(today, i).slice(0, 7) === month).length;
    const row = rowOf(await rowsOf(w.admin), B.id, month);
    const offered = 10 * (daysIn(month) - Number(today.slice(8)) + 1);
    expect(row).toMatchObject({ bedNights: offered, occupiedBedNights: 2 * inMonth, occupancy: percent(2 * inMonth, offered) });
  }, 60_000);

  it('is scoped like the batches: an operator their base with its beds, an organiser their union’s refusals without beds, a partner its exchange ones', async () => {
    const A = w.baseA;
    const operatorA = await rowsOf(A.operator);
    expect(new Set(operatorA.map((r: any) => r.baseId))).toEqual(new Set([A.id]));
    expect(rowOf(operatorA, A.id, M)).toMatchObject({ bedNights: 10 * (daysIn(M) - 2), refusedRequests: 16, refusedMoves: 1, moves: 2 });
    expect((await rowsOf(w.baseB.operator)).every((r: any) => r.baseId === w.baseB.id)).toBe(true);
    // Union A's organiser: its own 15 refusals, 1 refused move and 2 moves; no bed figures.
    expect(await rowsOf(w.unionA.organiser)).toEqual([
      { baseId: A.id, label: 'Test base BA', month: M, bedNights: null, occupiedBedNights: null, occupancy: null, refusedRequests: 15, refusedMoves: 1, moves: 2 },
    ]);
    expect(await rowsOf(w.unionB.organiser)).toEqual([
      { baseId: A.id, label: 'Test base BA', month: M, bedNights: null, occupiedBedNights: null, occupancy: null, refusedRequests: 1, refusedMoves: 0, moves: 0 },
    ]);
    // A partner counts exchange requests only, and none were made.
    expect(await rowsOf(w.partner)).toEqual([]);
    // Exchange only: the beds are the base's whatever the filter, the refusals and moves were not under agreements.
    expect(rowOf(await rowsOf(w.admin, 'EXCHANGE'), A.id, M)).toMatchObject({ bedNights: 10 * (daysIn(M) - 2), refusedRequests: 0, refusedMoves: 0, moves: 0 });
    expect(rowOf(await rowsOf(w.admin, 'NON_EXCHANGE'), A.id, M)).toMatchObject({ refusedRequests: 16, refusedMoves: 1, moves: 2 });
  });

  it('the figures cost the same few queries for one month or four', async () => {
    const count = async (query: string, f: string, to_: string) => {
      const before = QueryCounter.total;
      await t.ok(query, { f, t: to_ }, w.admin);
      return QueryCounter.total - before;
    };
    const PLAIN = 'query($f:Date!,$t:Date!){statistics(from:$f,to:$t,groupBy:MONTH){total{current{batches}}}}';
    const BOTH = 'query($f:Date!,$t:Date!){statistics(from:$f,to:$t,groupBy:MONTH){total{current{batches}} staggering{label occupancy refusedRequests moves}}}';
    const plain = await count(PLAIN, from, to);
    const oneMonth = await count(BOTH, day(M, 1), day(M, daysIn(M)));
    const fourMonths = await count(BOTH, from, to);
    // Beds, stays that left, refusals and moves, and the bases' names (grouped by month, the rest names no base): four more.
    expect([oneMonth - plain, fourMonths - plain]).toEqual([4, 4]);
  });
});
