import { addDays } from '@app/shared';
import request from 'supertest';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const MOVE = (name: string, reason = false) => `mutation($b:Int!${reason ? ',$r:String!' : ''}){${name}(batchId:$b${reason ? ',reason:$r' : ''}){rosterStatus rosterPublicToken}}`;
const LINKS = 'query($id:Int!){batch(id:$id){rosterPublicToken rosterNoticeUrl rosterNoticeQrSvg}}';

/** The public notice (公示) as a page: GET /notice/<token>, plain HTML in Chinese, dead with its link. */
describe(`the notice page (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let approver: string;
  let next = 700_000;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { publication: true });
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-n', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    approver = await t.login('approver-n', 'approver-pass-1');
  });
  afterAll(() => t.close());

  /** A batch whose list is posted; the people are given or numbered. */
  async function posted(people: Array<Record<string, unknown>>) {
    const b = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 12), headcount: people.length } }, w.unionA.organiser)).requestBatch;
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: people }, w.unionA.organiser);
    await t.ok(MOVE('submitRoster'), { b: b.id }, w.unionA.organiser);
    await t.ok(MOVE('approveRoster'), { b: b.id }, approver);
    const token: string = (await t.ok<any>(MOVE('publishRoster'), { b: b.id }, approver)).publishRoster.rosterPublicToken;
    return { b, token };
  }

  function expectNoticeHeaders(res: request.Response) {
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  }

  it('shows the masked list in Chinese, without script, with its headers; values are escaped', async () => {
    const { b, token } = await posted([
      person(next++, { name: '张三明', category: 'MODEL_WORKER' }),
      person(next++, { name: '欧阳建华', category: 'FRONTLINE_WORKER', employer: '<script>alert(1)</script>&Co' }),
      person(next++, { name: '李四', category: 'OTHER' }),
    ]);
    const res = await request(t.url).get(`/notice/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expectNoticeHeaders(res);
    const html = res.text;
    for (const text of ['张*明', '欧**华', '李*', '劳模', '一线职工', '其他', '广州市白云区总工会', b.reference, '<meta name="viewport"', '公示期至', '如有异议']) expect(html).toContain(text);
    // Full names never leave; the employer is text, not markup.
    for (const text of ['张三明', '欧阳建华', '李四', '<script']) expect(html).not.toContain(text);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;Co');
    // Nothing loaded from elsewhere.
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
    // The PNG of the link: same liveness.
    const png = await request(t.url).get(`/notice/${token}/qr.png`).buffer(true);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expectNoticeHeaders(png);
  });

  it('the union sees the full link and its QR code; the base operator does not', async () => {
    const { b, token } = await posted([person(next++), person(next++)]);
    for (const who of [w.unionA.organiser, approver, w.admin]) {
      const links = (await t.ok<any>(LINKS, { id: b.id }, who)).batch;
      expect(links.rosterNoticeUrl).toBe(`https://rr.example.cn/notice/${token}`);
      expect(links.rosterNoticeQrSvg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\s*$/);
    }
    expect((await t.ok<any>(LINKS, { id: b.id }, w.baseA.operator)).batch).toEqual({ rosterPublicToken: null, rosterNoticeUrl: null, rosterNoticeQrSvg: null });
  });

  it('dies with its link: an objection, a cancelled batch, an unknown token → a 404 page in Chinese', async () => {
    const objected = await posted([person(next++)]);
    const cancelled = await posted([person(next++)]);
    expect((await request(t.url).get(`/notice/${objected.token}`)).status).toBe(200);
    await t.ok(MOVE('recordObjection', true), { b: objected.b.id, r: '有人反映不符合条件' }, approver);
    await t.ok('mutation($id:Int!){cancelBatch(id:$id,reason:"行程取消"){status}}', { id: cancelled.b.id }, w.unionA.organiser);
    expect((await t.ok<any>(LINKS, { id: objected.b.id }, approver)).batch.rosterNoticeUrl).toBeNull();
    for (const token of [objected.token, cancelled.token, 'x'.repeat(32), 'nope', '%3Cscript%3E']) {
      const res = await request(t.url).get(`/notice/${token}`);
      expect([token, res.status]).toEqual([token, 404]);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectNoticeHeaders(res);
      expect(res.text).toContain('该公示已不再公示');
      expect(res.text).not.toContain('<script');
      expect((await request(t.url).get(`/notice/${token}/qr.png`)).status).toBe(404);
    }
  });
});
