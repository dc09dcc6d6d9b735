import { addDays } from '@app/shared';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, calendar, REQUEST_BATCH, type World } from './support/world.js';

/**
 * Invariants 1–3 under concurrency: many requests at once against a real database. On MariaDB the
 * transactions truly overlap; on SQLite they pass through the one write queue.
 */
describe(`no overbooking under concurrency (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100 });
  });
  afterAll(() => t.close());

  async function holdingBatches(baseId: number) {
    const all: Array<{ id: number; status: string; headcount: number; startDate: string }> = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await t.ok(
        'query($f:BatchFilter,$a:String){batches(filter:$f,first:100,after:$a){edges{node{id status headcount startDate}} pageInfo{hasNextPage endCursor}}}',
        { f: { baseId }, a: after },
        w.admin,
      );
      all.push(...data.batches.edges.map((e: any) => e.node));
      if (!data.batches.pageInfo.hasNextPage) break;
      after = data.batches.pageInfo.endCursor;
    }
    return all.filter((b) => ['REQUESTED', 'CONFIRMED', 'CHECKED_IN'].includes(b.status));
  }

  it('64 concurrent requests of 7 for 100 beds: exactly 14 succeed, 50 get CAPACITY_EXCEEDED naming the night', async () => {
    const results = await Promise.all(Array.from({ length: 64 }, () => t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 7 } }, w.unionA.organiser)));
    const ok = results.filter((r) => r.data?.requestBatch);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(14);
    expect(refused).toHaveLength(50);
    for (const r of refused) {
      expect(errorCode(r)).toBe('CAPACITY_EXCEEDED');
      expect(r.errors![0].extensions!.night).toBe(w.start);
      expect(r.errors![0].extensions!.availableBeds).toBe(2);
      expect(r.errors![0].message).toContain(w.start);
    }
    const nights = await calendar(t, w.admin, w.baseA.id, w.start, addDays(w.start, 3));
    expect(nights.map((n) => n.reservedBeds)).toEqual([98, 98, 98, 0]);
    expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });

  it('60 concurrent requests over overlapping stays share the middle night: exactly 20 of 5 fit', async () => {
    const starts = [w.start, addDays(w.start, 1), addDays(w.start, 2)];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => t.gql(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: starts[i % 3], headcount: 5 } }, i % 2 ? w.unionA.organiser : w.unionB.organiser)),
    );
    const ok = results.filter((r) => r.data?.requestBatch);
    expect(ok).toHaveLength(20);
    for (const r of results.filter((x) => x.errors)) expect(errorCode(r)).toBe('CAPACITY_EXCEEDED');
    const held = await holdingBatches(w.baseB.id);
    expect(held).toHaveLength(20);
    const nights = await calendar(t, w.admin, w.baseB.id, w.start, addDays(w.start, 4));
    for (const night of nights) {
      const expected = held.filter((b) => b.startDate <= night.date && night.date <= addDays(b.startDate, 2)).reduce((s, b) => s + b.headcount, 0);
      expect(night.reservedBeds).toBe(expected);
      expect(night.reservedBeds).toBeLessThanOrEqual(night.totalBeds);
    }
    expect(nights[2].reservedBeds).toBe(100);
    expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });

  it('a concurrent mix of cancellations, headcount changes and new requests keeps beds equal to bookings', async () => {
    const start = addDays(w.start, 20);
    const made = [];
    for (let i = 0; i < 10; i++) {
      made.push((await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: start, headcount: 10 } }, w.unionA.organiser)).requestBatch);
    }
    const ops = [
      ...made.slice(0, 3).map((b) => t.gql('mutation($id:Int!){cancelBatch(id:$id,reason:"plans changed"){id status}}', { id: b.id }, w.unionA.organiser)),
      ...made.slice(3, 7).map((b) => t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:16){id headcount}}', { id: b.id }, w.unionA.organiser)),
      ...made.slice(7, 10).map((b) => t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:6){id headcount}}', { id: b.id }, w.unionA.organiser)),
      ...Array.from({ length: 30 }, () => t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: start, headcount: 4 } }, w.unionB.organiser)),
      // The same batch changed twice at once: the row lock serialises them.
      t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:12){id headcount}}', { id: made[9].id }, w.unionA.organiser),
    ];
    const results = await Promise.all(ops);
    for (const r of results) {
      if (r.errors) expect(errorCode(r)).toBe('CAPACITY_EXCEEDED');
    }
    // The cancellations and decreases need no beds: they always succeed.
    for (const r of results.slice(0, 3)) expect(r.data?.cancelBatch.status).toBe('CANCELLED');
    const held = await holdingBatches(w.baseA.id);
    const sameStart = held.filter((b) => b.startDate === start);
    const nights = await calendar(t, w.admin, w.baseA.id, start, addDays(start, 2));
    const sum = sameStart.reduce((s, b) => s + b.headcount, 0);
    for (const night of nights) {
      expect(night.reservedBeds).toBe(sum);
      expect(night.reservedBeds).toBeLessThanOrEqual(100);
    }
    // 100 beds were full; 30 freed by cancellations and 12 by decreases are taken by whatever fitted.
    expect(sum).toBeGreaterThanOrEqual(100 - 42);
    expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });
});
