import { addDays } from '@app/shared';
import { activeAgreement, partnerOf } from './support/exchange.js';
import { ADMIN_PASSWORD, DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, calendar, REQUEST_BATCH, type World } from './support/world.js';

/** Invariant 4: a retried request does not book twice. */
describe(`idempotent batch requests (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const count = async (token: string) => (await t.ok('{batches(first:1){totalCount}}', {}, token)).batches.totalCount as number;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100 });
  });
  afterAll(() => t.close());

  it('the same key sent twice makes one batch and returns it both times', async () => {
    const input = { packageId: w.baseA.packageId, startDate: w.start, headcount: 11, idempotencyKey: 'retry-1', notes: '劳模' };
    const first = (await t.ok(REQUEST_BATCH, { i: input }, w.unionA.organiser)).requestBatch;
    const second = (await t.ok(REQUEST_BATCH, { i: input }, w.unionA.organiser)).requestBatch;
    expect(second).toEqual(first);
    expect(await count(w.unionA.organiser)).toBe(1);
    expect((await calendar(t, w.admin, w.baseA.id, w.start, w.start))[0].reservedBeds).toBe(11);
  });

  it('the same key sent 25 times at once makes one batch; every call gets it', async () => {
    const input = { packageId: w.baseA.packageId, startDate: addDays(w.start, 5), headcount: 9, idempotencyKey: 'burst-7f3a' };
    const results = await Promise.all(Array.from({ length: 25 }, () => t.gql(REQUEST_BATCH, { i: input }, w.unionB.organiser)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data!.requestBatch.id));
    expect(ids.size).toBe(1);
    expect(await count(w.unionB.organiser)).toBe(1);
    expect((await calendar(t, w.admin, w.baseA.id, addDays(w.start, 5), addDays(w.start, 5)))[0].reservedBeds).toBe(9);
    expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });

  it('the same key with other input is a CONFLICT naming the key, and changes nothing', async () => {
    const input = { packageId: w.baseA.packageId, startDate: addDays(w.start, 8), headcount: 6, idempotencyKey: 'k-conflict' };
    const first = (await t.ok(REQUEST_BATCH, { i: input }, w.unionA.organiser)).requestBatch;
    const res = await t.gql(REQUEST_BATCH, { i: { ...input, headcount: 7 } }, w.unionA.organiser);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'idempotencyKey', batchId: first.id });
    expect(res.errors![0].message).toContain(first.reference);
    expect((await calendar(t, w.admin, w.baseA.id, addDays(w.start, 8), addDays(w.start, 8)))[0].reservedBeds).toBe(6);
  });

  it('a CONFLICT names the batch only to a caller who may see it: not to a partner booking for the union under the same key', async () => {
    const today = addDays(w.start, -7);
    const yf = await partnerOf(t, w, 'YF');
    const agreementId = await activeAgreement(t, w.partner, yf, {
      partnerRegionId: w.regions.YF,
      title: 'idempotency',
      from: today,
      to: addDays(today, 90),
      quotas: [{ fromRegionId: w.regions.SZ, personVisits: 300 }],
    });
    const input = { packageId: w.baseA.packageId, startDate: addDays(w.start, 10), headcount: 4, idempotencyKey: 'union-b-shared' };
    const first = (await t.ok(REQUEST_BATCH, { i: input }, w.unionB.organiser)).requestBatch;
    // Union B (深圳) is in the partner's region, but its batch is not an exchange batch: the partner cannot see it.
    expect(errorCode(await t.gql(`query($id:Int!){batch(id:$id){id}}`, { id: first.id }, w.partner))).toBe('NOT_FOUND');
    const byPartner = await t.gql(REQUEST_BATCH, { i: { ...input, unionId: w.unionB.id, agreementId } }, w.partner);
    expect(byPartner.errors).toEqual([
      {
        message: 'The idempotencyKey was already used for another booking of this union with different details; use a new key for a new booking',
        path: ['requestBatch'],
        locations: expect.any(Array),
        extensions: { code: 'CONFLICT', field: 'idempotencyKey' },
      },
    ]);
    expect(JSON.stringify(byPartner)).not.toContain(first.reference);
    // The admin, who sees every batch, is told which.
    const byAdmin = await t.gql(REQUEST_BATCH, { i: { ...input, unionId: w.unionB.id, headcount: 5 } }, w.admin);
    expect(byAdmin.errors![0].extensions).toEqual({ code: 'CONFLICT', field: 'idempotencyKey', batchId: first.id });
    expect(byAdmin.errors![0].message).toContain(first.reference);
  });

  it('keys are case-sensitive on every database; usernames are not', async () => {
    const base = { packageId: w.baseB.packageId, startDate: addDays(w.start, 3), headcount: 4 };
    const ids = new Set<number>();
    for (const key of ['Ab3xQ9', 'aB3Xq9', 'AB3XQ9']) {
      ids.add((await t.ok(REQUEST_BATCH, { i: { ...base, idempotencyKey: key } }, w.unionB.organiser)).requestBatch.id);
    }
    expect(ids.size).toBe(3);
    expect(await t.login('ADMIN', ADMIN_PASSWORD)).toMatch(/^ey/);
  });

  it('keys belong to a union: another union may use the same key for its own batch', async () => {
    const input = { packageId: w.baseB.packageId, startDate: w.start, headcount: 5, idempotencyKey: 'shared-key' };
    const a = (await t.ok(REQUEST_BATCH, { i: input }, w.unionA.organiser)).requestBatch;
    const b = (await t.ok(REQUEST_BATCH, { i: input }, w.unionB.organiser)).requestBatch;
    expect(a.id).not.toBe(b.id);
  });

  it('a request refused for capacity keeps nothing: the same key works once beds are added', async () => {
    const night = addDays(w.start, 12);
    const input = { packageId: w.baseB.packageId, startDate: night, headcount: 150, idempotencyKey: 'after-refusal' };
    expect(errorCode(await t.gql(REQUEST_BATCH, { i: input }, w.unionA.organiser))).toBe('CAPACITY_EXCEEDED');
    await t.ok('mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}', { i: { baseId: w.baseB.id, from: night, to: addDays(night, 2), totalBeds: 160 } }, w.baseB.operator);
    const made = (await t.ok(REQUEST_BATCH, { i: input }, w.unionA.organiser)).requestBatch;
    expect(made.status).toBe('REQUESTED');
  });
});
