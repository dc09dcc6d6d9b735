import { addDays } from '@app/shared';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

/** The roster's limits under concurrent requests against the real database: exact counts, not one request. */
describe(`rooming lists under concurrency (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const requestBatch = async (startDate: string, headcount: number, packageId?: number) =>
    (await t.ok(REQUEST_BATCH, { i: { packageId: packageId ?? w.baseA.packageId, startDate, headcount } }, w.unionA.organiser)).requestBatch as { id: number };
  const count = async (batchId: number) => (await t.ok('query($id:Int!){batch(id:$id){participantCount headcount}}', { id: batchId }, w.admin)).batch;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 500 });
  });
  afterAll(() => t.close());

  it('24 concurrent lists of 3 for a headcount of 30: exactly 10 land, the list holds exactly 30', async () => {
    const b = await requestBatch(w.start, 30);
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => t.gql(ADD_PARTICIPANTS, { b: b.id, p: [0, 1, 2].map((k) => person(100_000 + i * 3 + k)) }, w.unionA.organiser)));
    const codes = results.map((r) => errorCode(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'BAD_USER_INPUT' || c === 'CONFLICT')).toBe(true);
    expect(await count(b.id)).toEqual({ participantCount: 30, headcount: 30 });
  });

  it('lowering the headcount while people are being added never leaves more people than headcount', async () => {
    const b = await requestBatch(addDays(w.start, 5), 20);
    const work = [
      ...Array.from({ length: 10 }, (_, i) => t.gql(ADD_PARTICIPANTS, { b: b.id, p: [0, 1].map((k) => person(200_000 + i * 2 + k)) }, w.unionA.organiser)),
      ...[12, 8, 15].map((headcount) => t.gql('mutation($id:Int!,$h:Int!){changeHeadcount(id:$id,headcount:$h){id}}', { id: b.id, h: headcount }, w.unionA.organiser)),
    ];
    await Promise.all(work);
    const after = await count(b.id);
    expect(after.participantCount).toBeLessThanOrEqual(after.headcount);
    expect((await t.ok('{capacityAudit{date}}', {}, w.admin)).capacityAudit).toEqual([]);
  });

  it('the same person sent to 8 overlapping batches at once lands on exactly one', async () => {
    const stay = addDays(w.start, 20);
    const batches = await Promise.all(Array.from({ length: 8 }, (_, i) => requestBatch(addDays(stay, i % 2), 2, i % 2 ? w.baseB.packageId : w.baseA.packageId)));
    const someone = person(300_000);
    const results = await Promise.all(batches.map((b) => t.gql(ADD_PARTICIPANTS, { b: b.id, p: [someone] }, w.unionA.organiser)));
    const codes = results.map((r) => errorCode(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'BAD_USER_INPUT' || c === 'CONFLICT')).toBe(true);
    const counts = await Promise.all(batches.map((b) => count(b.id)));
    expect(counts.reduce((sum, c) => sum + c.participantCount, 0)).toBe(1);
  });
});
