import { addDays, QueryCounter } from '@app/shared';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { onDay } from './support/stays.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const LIST = `query($n:Int!){batches(first:$n){totalCount edges{node{id reference union{name city} base{name county} package{name nights} history{from to actor}}}}}`;
const AVAILABILITY = `query($f:Date!,$t:Date!,$ids:[Int!]){availability(from:$f,to:$t,headcount:10,baseIds:$ids){fits minAvailableBeds base{name} nights{date availableBeds}}}`;

/** Nested relations and availability cost a constant number of SQL queries, whatever the size. */
describe(`queries per request stay constant (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;

  async function queriesFor(query: string, variables: Record<string, unknown>, token: string) {
    const before = QueryCounter.total;
    await t.ok(query, variables, token);
    return QueryCounter.total - before;
  }

  async function book(n: number) {
    for (let i = 0; i < n; i++) {
      const baseA = i % 2 === 0;
      await t.ok(
        REQUEST_BATCH,
        { i: { packageId: baseA ? w.baseA.packageId : w.baseB.packageId, startDate: addDays(w.start, i % 20), headcount: 2, unionId: i % 3 ? w.unionA.id : w.unionB.id } },
        w.admin,
      );
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 500 });
  });
  afterAll(() => t.close());

  it('a booking sends 9 statements: the signed-in user, BEGIN, one read of what it is judged by, the batch, its history and its outbox event, SAVEPOINT, the guarded UPDATE, COMMIT', async () => {
    // The package, base, union, policy, seasons and calendar version in one read; the calendar itself from this process's copy.
    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 40), headcount: 1 } }, w.unionA.organiser);
    expect(await queriesFor(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 41), headcount: 1 } }, w.unionA.organiser)).toBe(9);
  });

  it('listing 10 or 100 batches with union, base, package and history costs the same few queries', async () => {
    await book(10);
    const ten = await queriesFor(LIST, { n: 10 }, w.admin);
    await book(90);
    const hundred = await queriesFor(LIST, { n: 100 }, w.admin);
    // the signed-in user + count + page + one batched query each for unions, bases, packages and history.
    expect(ten).toBe(7);
    expect(hundred).toBe(ten);
  });

  it("every batch's deadlines on a page cost one query for the unions' policy versions and one for the working calendar, whatever the size", async () => {
    const DEADLINES = 'query($n:Int!){batches(first:$n){edges{node{id holdWaitsFor deadlines{submitBy approveBy publishBy clearsOn confirmBy rosterFreezesOn}}}}}';
    // Union B asks for public notice from tomorrow: its batches requested then are the ones whose deadlines read the calendar.
    const tomorrow = addDays(w.start, -6);
    await t.ok('mutation($i:SetUnionPolicyInput!){setUnionPolicy(input:$i){id}}', { i: { unionId: w.unionB.id, effectiveFrom: tomorrow, publicationRequired: true } }, w.admin);
    await onDay(t, tomorrow, async () => {
      for (let i = 0; i < 3; i++) await t.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: addDays(w.start, 20 + i * 10), headcount: 2, unionId: w.unionB.id } }, w.admin);
    });
    const page = (await t.ok<any>(DEADLINES, { n: 100 }, w.admin)).batches.edges.map((e: any) => e.node);
    expect(page.filter((b: any) => b.deadlines.submitBy !== null)).toHaveLength(3);
    const ten = await queriesFor(DEADLINES, { n: 10 }, w.admin);
    const all = await queriesFor(DEADLINES, { n: 100 }, w.admin);
    // the signed-in user + count + page + bases + policy versions + the calendar (the defaults read no version).
    expect(all).toBe(ten);
    expect(ten).toBe(6);
  });

  it('rooming lists of a page of batches, with full ID numbers, roommates and the access log, cost the same few queries', async () => {
    const ROSTERS = 'query($n:Int!){batches(first:$n){edges{node{participantCount participants{name idNumber phone roommates{name}}}}}}';
    const list = (await t.ok<any>('query{batches(first:100){edges{node{id union{id} base{id}}}}}', {}, w.admin)).batches.edges.map((e: any) => e.node);
    const mine = list.filter((b: any) => b.union.id === w.unionA.id);
    let n = 70_000;
    for (const b of mine.slice(0, 30)) await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [person(n++), person(n++)] }, w.unionA.organiser);
    const five = await queriesFor(ROSTERS, { n: 5 }, w.unionA.organiser);
    const all = await queriesFor(ROSTERS, { n: 100 }, w.unionA.organiser);
    // the signed-in user + count + page + participants + counts + one batch read for the permission, an INSERT of the log rows per
    // field (with BEGIN/COMMIT around it on MySQL), whatever the number of batches and people.
    expect(all).toBe(five);
    expect(five).toBeLessThanOrEqual(12);
  });

  it('availability for 2 bases × 7 nights or all bases × 366 nights is three queries (the signed-in user, then two)', async () => {
    const small = await queriesFor(AVAILABILITY, { f: w.start, t: addDays(w.start, 6), ids: [w.baseA.id, w.baseB.id] }, w.unionA.organiser);
    const large = await queriesFor(AVAILABILITY, { f: w.start, t: addDays(w.start, 365), ids: null }, w.unionA.organiser);
    expect(small).toBe(3);
    expect(large).toBe(3);
  });
});
