import { addDays } from '@app/shared';
import { subscribe } from './support/live-client.js';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const BATCHES = 'subscription($u:Int){batchUpdated(unionId:$u){event{from to actor} batch{id status headcount}}}';
const CALENDAR = 'subscription($b:Int!,$f:Date!,$t:Date!){baseCalendarUpdated(baseId:$b,from:$f,to:$t){baseId batchId from to nights{date reservedBeds availableBeds}}}';
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Live views (issue 17): GraphQL subscriptions over graphql-ws on the same server, signed in. */
describe(`live updates over graphql-ws (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 40 });
  });
  afterAll(() => t.close());

  it("an organiser sees a booking another user made for its union, and nothing of another union's", async () => {
    const mine = subscribe(t.url, w.unionA.organiser, BATCHES);
    const theirs = subscribe(t.url, w.unionB.organiser, BATCHES);
    try {
      // The subscriptions are set up by the time the server has answered something else on them.
      await settle(600);
      const booked = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 3), headcount: 4, unionId: w.unionA.id } }, w.admin)).requestBatch;
      const [update] = await mine.until(1);
      expect(update.errors).toBeUndefined();
      expect(update.data!.batchUpdated).toEqual({ event: { from: null, to: 'REQUESTED', actor: 'admin' }, batch: { id: booked.id, status: 'REQUESTED', headcount: 4 } });
      // A change by the base's operator reaches it too.
      await t.ok('mutation($id:Int!){confirmBatch(id:$id){id}}', { id: booked.id }, w.baseA.operator);
      const second = (await mine.until(2))[1];
      expect(second.data!.batchUpdated).toMatchObject({ event: { from: 'REQUESTED', to: 'CONFIRMED' }, batch: { id: booked.id, status: 'CONFIRMED' } });
      await settle(800);
      expect(theirs.received).toEqual([]);
      expect(mine.received).toHaveLength(2);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it("a base's operator watches its calendar: the nights now, then the nights after each booking on them", async () => {
    const from = w.start;
    const to = addDays(w.start, 9);
    const live = subscribe(t.url, w.baseB.operator, CALENDAR, { b: w.baseB.id, f: from, t: to });
    try {
      const [first] = await live.until(1);
      expect(first.data!.baseCalendarUpdated).toMatchObject({ baseId: w.baseB.id, batchId: null, from, to });
      const before = first.data!.baseCalendarUpdated.nights as Array<{ date: string; reservedBeds: number }>;
      expect(before).toHaveLength(10);
      const booked = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: addDays(w.start, 2), headcount: 6 } }, w.unionB.organiser)).requestBatch;
      const second = (await live.until(2))[1].data!.baseCalendarUpdated;
      expect(second.batchId).toBe(booked.id);
      const changed = second.nights.filter((n: { date: string; reservedBeds: number }, i: number) => n.reservedBeds !== before[i].reservedBeds).map((n: { date: string }) => n.date);
      const nights: string[] = [];
      for (let d = booked.startDate; d < booked.endDate; d = addDays(d, 1)) nights.push(d);
      expect(changed).toEqual(nights);
      expect(second.nights.find((n: { date: string }) => n.date === nights[0]).reservedBeds).toBe(before.find((n) => n.date === nights[0])!.reservedBeds + 6);
      // A booking at the other base, or outside the nights watched, sends nothing.
      await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 2), headcount: 1 } }, w.unionB.organiser);
      await t.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: addDays(w.start, 20), headcount: 1 } }, w.unionB.organiser);
      await settle(800);
      expect(live.received).toHaveLength(2);
    } finally {
      await live.close();
    }
  });

  it("the calendar view follows the operator's own changes to the nights: beds set, nights closed and reopened; a change elsewhere sends nothing", async () => {
    const from = addDays(w.start, 30);
    const to = addDays(w.start, 36);
    const WATCH = 'subscription($b:Int!,$f:Date!,$t:Date!){baseCalendarUpdated(baseId:$b,from:$f,to:$t){batchId nightsChange nights{date totalBeds closed}}}';
    const live = subscribe(t.url, w.baseA.operator, WATCH, { b: w.baseA.id, f: from, t: to });
    const range = (first: number, last: number) => ({ baseId: w.baseA.id, from: addDays(w.start, first), to: addDays(w.start, last) });
    try {
      const [first] = await live.until(1);
      expect(first.data!.baseCalendarUpdated).toMatchObject({ batchId: null, nightsChange: null });
      await settle(300);
      // Overlapping the watched nights at either end.
      await t.ok('mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}', { i: { ...range(28, 31), totalBeds: 35 } }, w.baseA.operator);
      const beds = (await live.until(2))[1].data!.baseCalendarUpdated;
      expect(beds).toMatchObject({ batchId: null, nightsChange: 'CAPACITY' });
      expect(beds.nights.map((n: any) => n.totalBeds)).toEqual([35, 35, 40, 40, 40, 40, 40]);
      await t.ok('mutation($i:CloseDatesInput!){closeDates(input:$i){date}}', { i: { ...range(36, 40), reason: 'renovation' } }, w.admin);
      const closed = (await live.until(3))[2].data!.baseCalendarUpdated;
      expect([closed.nightsChange, closed.nights.map((n: any) => n.closed)]).toEqual(['CLOSED', [false, false, false, false, false, false, true]]);
      await t.ok('mutation($i:ReopenDatesInput!){reopenDates(input:$i){date}}', { i: range(36, 36) }, w.baseA.operator);
      const reopened = (await live.until(4))[3].data!.baseCalendarUpdated;
      expect([reopened.nightsChange, reopened.nights[6].closed]).toEqual(['REOPENED', false]);
      // Nights outside the view, the other base's nights, a refused change: nothing.
      await t.ok('mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}', { i: { ...range(37, 39), totalBeds: 30 } }, w.baseA.operator);
      await t.ok('mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}', { i: { ...range(30, 36), baseId: w.baseB.id, totalBeds: 30 } }, w.baseB.operator);
      const refused = await t.gql('mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}', { i: { ...range(30, 36), totalBeds: 30 } }, w.baseB.operator);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await settle(800);
      expect(live.received).toHaveLength(4);
    } finally {
      await live.close();
    }
  });

  it('refuses a caller without a token, with a bad range or an unknown base, and ends when the account is deactivated', async () => {
    const anonymous = subscribe(t.url, null, BATCHES);
    const [refused] = await anonymous.until(1);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await anonymous.close();

    const backwards = subscribe(t.url, w.baseA.operator, CALENDAR, { b: w.baseA.id, f: addDays(w.start, 5), t: w.start });
    expect((await backwards.until(1))[0].errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await backwards.close();
    const unknown = subscribe(t.url, w.baseA.operator, CALENDAR, { b: 999_999, f: w.start, t: addDays(w.start, 1) });
    expect((await unknown.until(1))[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await unknown.close();

    // A second organiser of union A, deactivated while watching: the next update is the refusal, then the end.
    const created = (
      await t.ok<any>('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'watcher-a', password: 'watcher-pass-1', role: 'UNION_ORGANISER', unionId: w.unionA.id } }, w.admin)
    ).createUser;
    const watcher = subscribe(t.url, await t.login('watcher-a', 'watcher-pass-1'), BATCHES);
    try {
      await settle(600);
      await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 4), headcount: 2 } }, w.unionA.organiser);
      expect((await watcher.until(1))[0].data!.batchUpdated.event.to).toBe('REQUESTED');
      await t.ok('mutation($id:Int!){deactivateUser(userId:$id){id}}', { id: created.id }, w.admin);
      await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 5), headcount: 2 } }, w.unionA.organiser);
      const ended = (await watcher.until(2))[1];
      expect(ended.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      await watcher.until(3, 3000).catch(() => undefined);
      expect(watcher.isDone()).toBe(true);
    } finally {
      await watcher.close();
    }
  });
});
