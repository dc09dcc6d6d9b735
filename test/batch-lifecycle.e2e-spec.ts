import { completeBatch, onDay, readyForCheckIn, RECORD_INSURANCE } from './support/stays.js';
import { HoldSweeperService } from '@app/booking';
import { addDays, todayInShanghai } from '@app/shared';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, calendar, REQUEST_BATCH, type World } from './support/world.js';

const BATCH = 'query($id:Int!){batch(id:$id){id status headcount pricePerPerson totalPrice holdExpiresAt history{from to actor reason}}}';
const act = (name: string, extra = '') => `mutation($id:Int!${extra ? ',$r:String!' : ''}){${name}(id:$id${extra ? ',reason:$r' : ''}){id status holdExpiresAt}}`;

describe(`the batch lifecycle (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const request = async (startDate: string, headcount = 10, token?: string) =>
    (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount } }, token ?? w.unionA.organiser)).requestBatch;
  const reserved = async (night: string) => (await calendar(t, w.admin, w.baseA.id, night, night))[0].reservedBeds;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100 });
  });
  afterAll(() => t.close());

  it('requests a batch: REQUESTED, a 48 h hold, the price snapshot and the stay dates', async () => {
    const before = Date.now();
    const b = await request(w.start, 12);
    expect(b).toMatchObject({ status: 'REQUESTED', headcount: 12, nights: 3, startDate: w.start, endDate: addDays(w.start, 3), pricePerPerson: '1980.00', totalPrice: '23760.00' });
    expect(b.reference).toMatch(/^RR\d{6}-[0-9A-Z]{6}$/);
    const hold = Date.parse(b.holdExpiresAt) - before;
    expect(hold).toBeGreaterThan(48 * 3600_000 - 5_000);
    expect(hold).toBeLessThan(48 * 3600_000 + 5_000);
    expect(await reserved(w.start)).toBe(12);
  });

  it('walks REQUESTED → CONFIRMED → CHECKED_IN → COMPLETED, with history and beds given back at the end', async () => {
    const today = todayInShanghai();
    const b = await request(today, 20);
    expect((await t.ok(act('confirmBatch'), { id: b.id }, w.baseA.operator)).confirmBatch).toMatchObject({ status: 'CONFIRMED', holdExpiresAt: null });
    // Check-in wants the full rooming list; on the day of arrival only the operator may complete it.
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: Array.from({ length: 20 }, (_, i) => person(i)) }, w.baseA.operator);
    // And accident insurance of at least the union policy's minimum, and a team leader.
    const missing = await t.gql(act('checkInBatch'), { id: b.id }, w.baseA.operator);
    expect(missing.errors![0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      missing: [{ what: 'accident insurance (recordInsurance)' }, { what: 'a team leader (领队) on the list (setTeamLeader)' }],
    });
    const low = await t.gql(RECORD_INSURANCE, { i: { batchId: b.id, insurer: '中国人寿', policyNumber: 'P-1', sumInsured: '999999.99' } }, w.unionA.organiser);
    expect(low.errors![0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'insuranceMinimum', field: 'sumInsured', insuranceMinimum: '1000000.00' });
    expect(errorCode(await t.gql(RECORD_INSURANCE, { i: { batchId: b.id, insurer: 'x', policyNumber: 'P-1', sumInsured: '1000000.00' } }, w.unionB.organiser))).toBe('NOT_FOUND');
    await readyForCheckIn(t, b.id, w.unionA.organiser, w.baseA.operator);
    expect((await t.ok(act('checkInBatch'), { id: b.id }, w.baseA.operator)).checkInBatch.status).toBe('CHECKED_IN');
    expect(await reserved(today)).toBe(20);
    // Not before the morning of departure: a 3-night stay is still sleeping its nights on the day of arrival and the day before it leaves.
    for (const day of [today, addDays(today, 2)]) {
      const early = await onDay(t, day, () => t.gql(act('completeBatch'), { id: b.id }, w.baseA.operator));
      expect(errorCode(early)).toBe('INVALID_TRANSITION');
      expect(early.errors![0].extensions).toMatchObject({ from: 'CHECKED_IN', to: 'COMPLETED' });
      expect(early.errors![0].message).toContain(addDays(today, 3));
    }
    expect(await reserved(today)).toBe(20);
    expect((await completeBatch(t, b.id, w.baseA.operator)).status).toBe('COMPLETED');
    expect(await reserved(today)).toBe(0);
    const { batch } = await t.ok(BATCH, { id: b.id }, w.unionA.organiser);
    expect(batch.history).toEqual([
      { from: null, to: 'REQUESTED', actor: 'org-ua', reason: null },
      { from: 'REQUESTED', to: 'CONFIRMED', actor: 'op-ba', reason: null },
      { from: 'CONFIRMED', to: 'CHECKED_IN', actor: 'op-ba', reason: null },
      { from: 'CHECKED_IN', to: 'COMPLETED', actor: 'op-ba', reason: null },
    ]);
  });

  it('refuses moves outside the lifecycle with INVALID_TRANSITION naming from and to', async () => {
    const b = await request(addDays(w.start, 10), 5);
    await t.ok(act('confirmBatch'), { id: b.id }, w.baseA.operator);
    const cases: Array<[string, string, string, string]> = [
      [act('confirmBatch'), w.baseA.operator, 'CONFIRMED', 'CONFIRMED'],
      [act('rejectBatch', 'r'), w.baseA.operator, 'CONFIRMED', 'REJECTED'],
      [act('completeBatch'), w.baseA.operator, 'CONFIRMED', 'COMPLETED'],
    ];
    for (const [query, token, from, to] of cases) {
      const res = await t.gql(query, { id: b.id, r: 'no' }, token);
      expect(errorCode(res)).toBe('INVALID_TRANSITION');
      expect(res.errors![0].extensions).toMatchObject({ from, to });
      expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    }
    // Not before the day of arrival.
    const early = await t.gql(act('checkInBatch'), { id: b.id }, w.baseA.operator);
    expect(errorCode(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0].extensions).toMatchObject({ from: 'CONFIRMED', to: 'CHECKED_IN' });
    expect(early.errors![0].message).toContain(addDays(w.start, 10));

    await t.ok(act('cancelBatch', 'r'), { id: b.id, r: 'changed plans' }, w.unionA.organiser);
    const again = await t.gql(act('cancelBatch', 'r'), { id: b.id, r: 'again' }, w.unionA.organiser);
    expect(errorCode(again)).toBe('INVALID_TRANSITION');
    expect(again.errors![0].extensions).toMatchObject({ from: 'CANCELLED', to: 'CANCELLED' });
    const resize = await t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:6){id}}', { id: b.id }, w.unionA.organiser);
    expect(errorCode(resize)).toBe('INVALID_TRANSITION');
    const { batch } = await t.ok(BATCH, { id: b.id }, w.admin);
    expect(batch.history.map((h: any) => h.to)).toEqual(['REQUESTED', 'CONFIRMED', 'CANCELLED']);
    expect(batch.history[2]).toMatchObject({ actor: 'org-ua', reason: 'changed plans' });
  });

  it('rejecting and cancelling give the beds back; a reason is required', async () => {
    const night = addDays(w.start, 15);
    const a = await request(night, 30);
    const b = await request(night, 25);
    expect(await reserved(night)).toBe(55);
    expect(errorCode(await t.gql(act('rejectBatch', 'r'), { id: a.id, r: '   ' }, w.baseA.operator))).toBe('BAD_USER_INPUT');
    expect((await t.ok(act('rejectBatch', 'r'), { id: a.id, r: 'fully booked by a conference' }, w.baseA.operator)).rejectBatch.status).toBe('REJECTED');
    expect(await reserved(night)).toBe(25);
    await t.ok(act('confirmBatch'), { id: b.id }, w.baseA.operator);
    await t.ok(act('cancelBatch', 'r'), { id: b.id, r: 'typhoon warning' }, w.unionA.organiser);
    expect(await reserved(night)).toBe(0);
    expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });

  it('changes the headcount by taking or giving back the difference, and records it', async () => {
    const night = addDays(w.start, 20);
    const b = await request(night, 10);
    await t.ok('mutation($id:Int!){changeHeadcount(id:$id,headcount:15){id headcount}}', { id: b.id }, w.unionA.organiser);
    expect(await reserved(night)).toBe(15);
    await t.ok('mutation($id:Int!){changeHeadcount(id:$id,headcount:8){id headcount}}', { id: b.id }, w.unionA.organiser);
    expect(await reserved(night)).toBe(8);
    // Over capacity: refused, and nothing of it is kept — not the headcount, not a history entry.
    const over = await t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:101){id}}', { id: b.id }, w.unionA.organiser);
    expect(errorCode(over)).toBe('CAPACITY_EXCEEDED');
    const { batch } = await t.ok(BATCH, { id: b.id }, w.unionA.organiser);
    expect(batch.headcount).toBe(8);
    expect(batch.totalPrice).toBe('15840.00');
    expect(batch.history.map((h: any) => h.reason)).toEqual([null, 'headcount 10 → 15', 'headcount 15 → 8']);
    expect(await reserved(night)).toBe(8);
  });

  it('keeps the booked price when the package price changes later', async () => {
    const b = await request(addDays(w.start, 25), 10);
    await t.ok('mutation($i:UpdatePackageInput!){updatePackage(input:$i){id pricePerPerson}}', { i: { id: w.baseA.packageId, pricePerPerson: '2500.00' } }, w.baseA.operator);
    const { batch } = await t.ok(BATCH, { id: b.id }, w.unionA.organiser);
    expect(batch).toMatchObject({ pricePerPerson: '1980.00', totalPrice: '19800.00' });
    const later = await request(addDays(w.start, 26), 10);
    expect(later.pricePerPerson).toBe('2500.00');
  });

  it('the hold sweep expires REQUESTED batches whose hold ran out and gives their beds back', async () => {
    const night = addDays(w.start, 30);
    const held = await request(night, 10);
    const confirmed = await request(night, 7);
    await t.ok(act('confirmBatch'), { id: confirmed.id }, w.baseA.operator);
    const sweeper = t.get(HoldSweeperService);
    expect(await sweeper.sweep(new Date(Date.now() + 47 * 3600_000))).toBe(0);
    expect(await sweeper.sweep(new Date(Date.now() + 49 * 3600_000))).toBeGreaterThanOrEqual(1);
    const { batch } = await t.ok(BATCH, { id: held.id }, w.unionA.organiser);
    expect(batch.status).toBe('EXPIRED');
    expect(batch.history[1]).toMatchObject({ from: 'REQUESTED', to: 'EXPIRED', actor: 'system' });
    expect((await t.ok(BATCH, { id: confirmed.id }, w.admin)).batch.status).toBe('CONFIRMED');
    expect(await reserved(night)).toBe(7);
    expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });
});

describe(`the background hold sweep (${DB_KIND})`, () => {
  it('a hold that ran out cannot be confirmed or resized, even before the sweep; it can be cancelled', async () => {
    const t = await startTestApp({ holdTtlSeconds: 1, holdSweepSeconds: 0 });
    try {
      const w = await buildWorld(t, { beds: 50 });
      const made = [];
      for (let i = 0; i < 2; i++) made.push((await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 9 } }, w.unionA.organiser)).requestBatch);
      await new Promise((r) => setTimeout(r, 2100));
      const confirm = await t.gql(act('confirmBatch'), { id: made[0].id }, w.baseA.operator);
      expect(errorCode(confirm)).toBe('INVALID_TRANSITION');
      expect(confirm.errors![0].extensions).toMatchObject({ from: 'REQUESTED', to: 'CONFIRMED' });
      expect(confirm.errors![0].message).toContain('expired');
      expect(errorCode(await t.gql('mutation($id:Int!){changeHeadcount(id:$id,headcount:10){id}}', { id: made[0].id }, w.unionA.organiser))).toBe('INVALID_TRANSITION');
      expect((await t.ok(act('cancelBatch', 'r'), { id: made[1].id, r: 'too late' }, w.unionA.organiser)).cancelBatch.status).toBe('CANCELLED');
      expect((await calendar(t, w.admin, w.baseA.id, w.start, w.start))[0].reservedBeds).toBe(9);
    } finally {
      await t.close();
    }
  });

  it('runs every HOLD_SWEEP_SECONDS and expires holds older than HOLD_TTL_SECONDS', async () => {
    const t = await startTestApp({ holdTtlSeconds: 1, holdSweepSeconds: 1 });
    try {
      const w = await buildWorld(t, { beds: 50 });
      const { requestBatch } = await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 9 } }, w.unionA.organiser);
      let status = 'REQUESTED';
      for (let i = 0; i < 40 && status === 'REQUESTED'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        status = (await t.ok(BATCH, { id: requestBatch.id }, w.unionA.organiser)).batch.status;
      }
      expect(status).toBe('EXPIRED');
      expect((await calendar(t, w.admin, w.baseA.id, w.start, w.start))[0].reservedBeds).toBe(0);
    } finally {
      await t.close();
    }
  });
});
