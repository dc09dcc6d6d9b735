import { todayInShanghai } from '@app/shared';
import { stay } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

const RATE = 'mutation($i:RateStayInput!){rateStay(input:$i){id batchId baseId overall lodging meals activities service comment}}';
const score = { overall: 4, lodging: 5, meals: 3, activities: 4, service: 5 };

/** Unions rate completed stays once; bases see their ratings; the federation sees the lowest-rated first. */
describe(`stay feedback (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const today = todayInShanghai();

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('the union rates a completed stay once; not before, not someone else’s, not out of range', async () => {
    const a = await stay(t, { organiser: w.unionA.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 3 }, 'COMPLETED');
    const open = await stay(t, { organiser: w.unionA.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 2 }, 'CHECKED_IN');
    expect(errorCode(await t.gql(RATE, { i: { batchId: open.id, ...score } }, w.unionA.organiser))).toBe('INVALID_TRANSITION');
    expect(errorCode(await t.gql(RATE, { i: { batchId: a.id, ...score } }, w.unionB.organiser))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RATE, { i: { batchId: a.id, ...score } }, w.baseA.operator))).toBe('FORBIDDEN');
    for (const [field, value] of [
      ['overall', 0],
      ['meals', 6],
      ['service', 2.5],
    ] as const) {
      const res = await t.gql(RATE, { i: { batchId: a.id, ...score, [field]: value } }, w.unionA.organiser);
      expect([errorCode(res), res.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    const given = (await t.ok<any>(RATE, { i: { batchId: a.id, ...score, comment: '  温泉很好，餐饮偏咸  ' } }, w.unionA.organiser)).rateStay;
    expect(given).toMatchObject({ batchId: a.id, baseId: w.baseA.id, ...score, comment: '温泉很好，餐饮偏咸' });
    // Twice at once: one rating stands.
    const again = await Promise.all([1, 2].map(() => t.gql(RATE, { i: { batchId: a.id, ...score } }, w.unionA.organiser)));
    expect(again.map(errorCode)).toEqual(['CONFLICT', 'CONFLICT']);
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){feedback{overall comment}}}', { id: a.id }, w.baseA.operator)).batch.feedback).toEqual({ overall: 4, comment: '温泉很好，餐饮偏咸' });
  });

  it('operators see their base’s ratings, the admin all with the lowest-rated base first; Base.rating averages', async () => {
    const b1 = await stay(t, { organiser: w.unionB.organiser, operator: w.baseB.operator }, { packageId: w.baseB.packageId, startDate: today, headcount: 2 }, 'COMPLETED');
    const b2 = await stay(t, { organiser: w.unionA.organiser, operator: w.baseB.operator }, { packageId: w.baseB.packageId, startDate: today, headcount: 2 }, 'COMPLETED');
    await t.ok(RATE, { i: { batchId: b1.id, overall: 2, lodging: 3, meals: 2, activities: 1, service: 3 } }, w.unionB.organiser);
    await t.ok(RATE, { i: { batchId: b2.id, overall: 3, lodging: 4, meals: 2, activities: 2, service: 2 } }, w.unionA.organiser);
    const own = (await t.ok<any>('{stayFeedback{batchId baseId}}', {}, w.baseB.operator)).stayFeedback;
    expect(own.map((f: any) => f.baseId)).toEqual([w.baseB.id, w.baseB.id]);
    expect((await t.ok<any>('{stayFeedback{batchId}}', {}, w.unionB.organiser)).stayFeedback.map((f: any) => f.batchId)).toEqual([b1.id]);
    expect(errorCode(await t.gql('{baseRatings{count}}', {}, w.baseA.operator))).toBe('FORBIDDEN');
    // Another base's feedback is refused, not answered with an empty list.
    expect(errorCode(await t.gql('query($b:Int!){stayFeedback(baseId:$b){batchId}}', { b: w.baseB.id }, w.baseA.operator))).toBe('FORBIDDEN');
    const ranked = (await t.ok<any>('{baseRatings{base{id} count overall lodging meals activities service}}', {}, w.admin)).baseRatings;
    expect(ranked).toEqual([
      { base: { id: w.baseB.id }, count: 2, overall: 2.5, lodging: 3.5, meals: 2, activities: 1.5, service: 2.5 },
      { base: { id: w.baseA.id }, count: 1, overall: 4, lodging: 5, meals: 3, activities: 4, service: 5 },
    ]);
    const bases = (await t.ok<any>('{bases{id rating{count overall}}}', {}, w.unionB.organiser)).bases;
    expect(bases.map((b: any) => [b.id, b.rating])).toEqual([
      [w.baseA.id, { count: 1, overall: 4 }],
      [w.baseB.id, { count: 2, overall: 2.5 }],
    ]);
  });
});
