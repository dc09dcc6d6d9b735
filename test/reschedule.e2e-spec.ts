import { addDays, todayInShanghai } from '@app/shared';
import { HISTORY, makePackage, RESCHEDULE, reserved } from './support/reschedule.js';
import { onDay } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const CANCEL = 'mutation($id:Int!){cancelBatch(id:$id,reason:"plans changed"){id}}';

/** rescheduleBatch: a batch moves to other dates, its beds with it, in one transaction. */
describe(`rescheduling a batch (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100 });
  });
  afterAll(() => t.close());

  const request = async (startDate: string, headcount: number, token = w.unionA.organiser, packageId = w.baseA.packageId) =>
    (await t.ok<any>(REQUEST_BATCH, { i: { packageId, startDate, headcount } }, token)).requestBatch;
  const audit = async () => (await t.ok<any>(AUDIT, {}, w.admin)).capacityAudit;
  const history = async (id: number) => (await t.ok<any>(HISTORY, { id }, w.admin)).batch;

  it('moves later and back: the old nights given back, the new taken, the same reference and price; the same dates again changes nothing', async () => {
    const s = w.start;
    const b = await request(s, 10);
    const moved = (await t.ok<any>(RESCHEDULE, { id: b.id, s: addDays(s, 7) }, w.unionA.organiser)).rescheduleBatch;
    expect(moved).toMatchObject({ id: b.id, reference: b.reference, status: 'REQUESTED', startDate: addDays(s, 7), endDate: addDays(s, 10), nights: 3, pricePerPerson: '1980.00', headcount: 10 });
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 10, 10, 10, 0]);
    expect(await audit()).toEqual([]);
    const seen = await history(b.id);
    expect(seen.history.at(-1)).toEqual({
      from: 'REQUESTED',
      to: 'REQUESTED',
      actor: 'org-ua',
      reason: `moved from ${s}–${addDays(s, 3).slice(5)} to ${addDays(s, 7)}–${addDays(s, 10).slice(5)}`,
    });
    await t.ok(RESCHEDULE, { id: b.id, s, r: 'the bus was booked for the first week after all' }, w.unionA.organiser);
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 10))).toEqual([10, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect((await history(b.id)).history.at(-1).reason).toBe(
      `moved from ${addDays(s, 7)}–${addDays(s, 10).slice(5)} to ${s}–${addDays(s, 3).slice(5)}; the bus was booked for the first week after all`,
    );
    const same = (await t.ok<any>(RESCHEDULE, { id: b.id, s, p: w.baseA.packageId }, w.unionA.organiser)).rescheduleBatch;
    expect(same.startDate).toBe(s);
    expect((await history(b.id)).history).toHaveLength(3);
    expect(await audit()).toEqual([]);
    await t.ok(CANCEL, { id: b.id }, w.unionA.organiser);
  });

  it('an overlapping move keeps the shared nights, even when they are full; a move into a full night is refused naming it and changes nothing', async () => {
    const s = addDays(w.start, 12);
    const b = await request(s, 10);
    await request(addDays(s, -2), 90, w.unionB.organiser);
    expect(await reserved(t, w.admin, w.baseA.id, addDays(s, -2), addDays(s, 3))).toEqual([90, 90, 100, 10, 10, 0]);
    await t.ok(RESCHEDULE, { id: b.id, s: addDays(s, 1) }, w.unionA.organiser);
    expect(await reserved(t, w.admin, w.baseA.id, addDays(s, -2), addDays(s, 4))).toEqual([90, 90, 90, 10, 10, 10, 0]);
    // The shared nights are full now; moving back one night needs beds only on the night it gains.
    await request(addDays(s, 1), 90, w.unionB.organiser);
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 3))).toEqual([90, 100, 100, 100]);
    await t.ok(RESCHEDULE, { id: b.id, s }, w.unionA.organiser);
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 4))).toEqual([100, 100, 100, 90, 0]);
    // Two nights later would need the night s+3, now full: refused whole, naming it, nothing moved.
    await request(addDays(s, 3), 10, w.unionB.organiser);
    const full = await t.gql(RESCHEDULE, { id: b.id, s: addDays(s, 2) }, w.unionA.organiser);
    expect([errorCode(full), full.errors?.[0].extensions?.night, full.errors?.[0].extensions?.availableBeds, full.errors?.[0].extensions?.requestedBeds]).toEqual([
      'CAPACITY_EXCEEDED',
      addDays(s, 3),
      0,
      10,
    ]);
    expect(full.errors?.[0].message).toContain(addDays(s, 3));
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 4))).toEqual([100, 100, 100, 100, 10]);
    const kept = await history(b.id);
    expect([kept.startDate, kept.history.length]).toEqual([s, 3]);
    // Far off into a full range, the old nights come first in date order and are restored too.
    await request(addDays(s, 20), 95, w.unionB.organiser);
    expect(errorCode(await t.gql(RESCHEDULE, { id: b.id, s: addDays(s, 20) }, w.unionA.organiser))).toBe('CAPACITY_EXCEEDED');
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 2))).toEqual([100, 100, 100]);
    expect(await audit()).toEqual([]);
  });

  it('who may: the union, the base operator only with a reason naming the union’s agreement, the admin; other unions and bases do not see it', async () => {
    const s = addDays(w.start, 40);
    const b = await request(s, 5);
    expect(errorCode(await t.gql(RESCHEDULE, { id: b.id, s: addDays(s, 1) }, w.unionB.organiser))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RESCHEDULE, { id: b.id, s: addDays(s, 1) }, w.baseB.operator))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(RESCHEDULE, { id: b.id, s: addDays(s, 1), r: 'x' }, w.baseB.operator))).toBe('NOT_FOUND');
    // A partner sees only exchange batches.
    expect(errorCode(await t.gql(RESCHEDULE, { id: b.id, s: addDays(s, 1) }, w.partner))).toBe('NOT_FOUND');
    for (const r of [undefined, '   ']) {
      const blank = await t.gql(RESCHEDULE, { id: b.id, s: addDays(s, 1), r }, w.baseA.operator);
      expect([errorCode(blank), blank.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    }
    await t.ok(RESCHEDULE, { id: b.id, s: addDays(s, 1), r: 'agreed by the union office (Ms Chen) by phone' }, w.baseA.operator);
    const byOperator = (await history(b.id)).history.at(-1);
    expect(byOperator).toMatchObject({ actor: 'op-ba', reason: expect.stringMatching(/; agreed by the union office \(Ms Chen\) by phone$/) });
    await t.ok(RESCHEDULE, { id: b.id, s: addDays(s, 2) }, w.admin);
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 5))).toEqual([0, 0, 5, 5, 5, 0]);
    await t.ok(CANCEL, { id: b.id }, w.unionA.organiser);
    expect(await audit()).toEqual([]);
  });

  it('only REQUESTED (hold not lapsed) or CONFIRMED batches move; dates in the past and wrong packages are refused', async () => {
    const s = addDays(w.start, 44);
    const b = await request(s, 10);
    await t.ok('mutation($id:Int!){confirmBatch(id:$id){id}}', { id: b.id }, w.baseA.operator);
    expect((await t.ok<any>(RESCHEDULE, { id: b.id, s: addDays(s, 1) }, w.unionA.organiser)).rescheduleBatch.status).toBe('CONFIRMED');
    const past = await t.gql(RESCHEDULE, { id: b.id, s: addDays(todayInShanghai(), -1) }, w.unionA.organiser);
    expect([errorCode(past), past.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'startDate']);
    const other = await t.gql(RESCHEDULE, { id: b.id, s, p: w.baseB.packageId }, w.unionA.organiser);
    expect([errorCode(other), other.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'packageId']);
    const retired = await makePackage(t, w.admin, w.baseA.id, { nights: 2, price: '1500.00', active: false });
    expect(errorCode(await t.gql(RESCHEDULE, { id: b.id, s, p: retired }, w.unionA.organiser))).toBe('BAD_USER_INPUT');
    const small = await makePackage(t, w.admin, w.baseA.id, { nights: 2, price: '1500.00', maxGroupSize: 8 });
    const tooMany = await t.gql(RESCHEDULE, { id: b.id, s, p: small }, w.unionA.organiser);
    expect([errorCode(tooMany), tooMany.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'packageId']);
    // Six days is past the union's trip maximum (five, the policy kept on the batch).
    const long = await makePackage(t, w.admin, w.baseA.id, { nights: 5, price: '2600.00' });
    expect(errorCode(await t.gql(RESCHEDULE, { id: b.id, s, p: long }, w.unionA.organiser))).toBe('POLICY_VIOLATION');
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 4))).toEqual([0, 10, 10, 10, 0]);

    // A new package: its nights and price, the benefit recomputed, said in the history.
    const short = await makePackage(t, w.admin, w.baseA.id, { nights: 2, price: '1500.00' });
    const moved = (await t.ok<any>(RESCHEDULE, { id: b.id, s, p: short }, w.unionA.organiser)).rescheduleBatch;
    expect(moved).toMatchObject({ startDate: s, endDate: addDays(s, 2), nights: 2, pricePerPerson: '1500.00' });
    expect((await history(b.id)).history.at(-1).reason).toBe(
      `moved from ${addDays(s, 1)}–${addDays(s, 4).slice(5)} to ${s}–${addDays(s, 2).slice(5)} (package ${w.baseA.packageId} → ${short}); price 1980.00 → 1500.00 per person, the new package's`,
    );
    expect(await reserved(t, w.admin, w.baseA.id, s, addDays(s, 4))).toEqual([10, 10, 0, 0, 0]);
    expect(await audit()).toEqual([]);

    await t.ok(CANCEL, { id: b.id }, w.unionA.organiser);
    const cancelled = await t.gql(RESCHEDULE, { id: b.id, s: addDays(s, 3) }, w.unionA.organiser);
    expect([errorCode(cancelled), cancelled.errors?.[0].extensions?.from]).toEqual(['INVALID_TRANSITION', 'CANCELLED']);
    const rejected = await request(s, 4);
    await t.ok('mutation($id:Int!){rejectBatch(id:$id,reason:"full"){id}}', { id: rejected.id }, w.baseA.operator);
    expect(errorCode(await t.gql(RESCHEDULE, { id: rejected.id, s: addDays(s, 3) }, w.unionA.organiser))).toBe('INVALID_TRANSITION');
    // A hold that has run out: the sweep has not come by yet, but the batch no longer moves.
    const lapsing = await request(addDays(s, 10), 4);
    const late = await onDay(t, addDays(todayInShanghai(), 5), () => t.gql(RESCHEDULE, { id: lapsing.id, s: addDays(s, 12) }, w.unionA.organiser));
    expect([errorCode(late), late.errors?.[0].message]).toEqual(['INVALID_TRANSITION', expect.stringContaining('hold')]);
    expect(await audit()).toEqual([]);
  });
});
