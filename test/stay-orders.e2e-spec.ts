import { addDays, Clock, todayInShanghai } from '@app/shared';
import { StayOrderSweeper } from '@app/stay-order';
import { DB_KIND, errorCode, type GqlResult, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, calendar, REQUEST_BATCH, type World } from './support/world.js';

/** Stays made to order (issue 16, first part): requests, quotes, threads, acceptance, lapse — through the real API. */
describe(`stays made to order (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const today = todayInShanghai();

  const REQUEST_FIELDS = 'id status unionId nights headcount budgetPerPerson themes earliestStart latestStart expiresAt acceptedQuoteId batchId bases{id} history{from to actor reason}';
  const SEND_REQUEST = `mutation($i:SendStayRequestInput!){sendStayRequest(input:$i){${REQUEST_FIELDS}}}`;
  const GET_REQUEST = `query($id:Int!){stayRequest(id:$id){${REQUEST_FIELDS} quotes{id baseId status} messages{baseId side author text}}}`;
  const QUOTE_FIELDS = 'id requestId baseId status startDate pricePerPerson includes programme validUntil packageId batchId history{from to actor reason}';
  const SEND_QUOTE = `mutation($i:SendStayQuoteInput!){sendStayQuote(input:$i){${QUOTE_FIELDS}}}`;
  const ACCEPT = `mutation($id:Int!){acceptStayQuote(id:$id){${QUOTE_FIELDS}}}`;
  const DECLINE = 'mutation($id:Int!,$r:String!){declineStayQuote(id:$id,reason:$r){id status history{to reason}}}';
  const WITHDRAW_QUOTE = 'mutation($id:Int!,$r:String!){withdrawStayQuote(id:$id,reason:$r){id status history{to reason}}}';
  const WITHDRAW_REQUEST = 'mutation($id:Int!,$r:String!){withdrawStayRequest(id:$id,reason:$r){id status history{to reason}}}';
  const POST = 'mutation($i:PostStayMessageInput!){postStayMessage(input:$i){id baseId side author text}}';
  const PACKAGES = 'query($id:Int!){base(id:$id){packages{id privateForUnionId}}}';
  const PACKAGE = 'query($id:Int!){package(id:$id){id name nights pricePerPerson privateForUnionId}}';
  const BATCH = 'query($id:Int!){batch(id:$id){id status headcount startDate endDate pricePerPerson union{id} package{id privateForUnionId}}}';

  /** A request of union A (its organiser) to the given bases, for 20 people, 3 nights, arriving within start…start+5. */
  function requestInput(baseIds: number[], extra: Record<string, unknown> = {}) {
    return {
      baseIds,
      earliestStart: w.start,
      latestStart: addDays(w.start, 5),
      nights: 3,
      headcount: 20,
      budgetPerPerson: '2500.00',
      themes: ['康养', '红色教育'],
      dietNeeds: '两人清真',
      accessibilityNeeds: '一位轮椅使用者',
      notes: '希望安排劳模座谈',
      ...extra,
    };
  }
  const quoteInput = (requestId: number, baseId: number, extra: Record<string, unknown> = {}) => ({
    requestId,
    baseId,
    startDate: addDays(w.start, 1),
    pricePerPerson: '2380.00',
    includes: '住宿、三餐、景点门票、往返大巴',
    programme: ['抵达，入住', '六祖故里参观', '温泉康养', '劳模座谈，返程'],
    validUntil: addDays(today, 3),
    ...extra,
  });
  const send = async (token: string, input: Record<string, unknown>) => (await t.ok(SEND_REQUEST, { i: input }, token)).sendStayRequest;
  const quote = async (token: string, input: Record<string, unknown>) => (await t.ok(SEND_QUOTE, { i: input }, token)).sendStayQuote;
  const getRequest = async (token: string, id: number) => (await t.ok(GET_REQUEST, { id }, token)).stayRequest;

  function expectError(res: GqlResult, code: string, field?: string) {
    expect({ code: errorCode(res), field: res.errors?.[0]?.extensions?.field, data: res.data ? Object.values(res.data)[0] : null }).toEqual({
      code,
      field: field ?? res.errors?.[0]?.extensions?.field,
      data: null,
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100 });
  });
  afterAll(() => t.close());

  describe('a request to two bases → two quotes → one accepted', () => {
    let requestId: number;
    let quoteA: any;
    let quoteB: any;

    it('the organiser sends it; each base’s operator sees it, with their own base only', async () => {
      const sent = await send(w.unionA.organiser, requestInput([w.baseA.id, w.baseB.id]));
      requestId = sent.id;
      expect(sent).toMatchObject({
        status: 'OPEN',
        unionId: w.unionA.id,
        nights: 3,
        headcount: 20,
        budgetPerPerson: '2500.00',
        themes: ['康养', '红色教育'],
        bases: [{ id: w.baseA.id }, { id: w.baseB.id }],
        history: [{ from: null, to: 'OPEN', actor: 'org-ua', reason: null }],
      });
      // No answerBy: 14 days from today or latestStart, whichever is sooner (start+5 = today+12); it lapses at the end of that day.
      expect(new Date(sent.expiresAt).toISOString()).toBe(new Date(`${addDays(w.start, 6)}T00:00:00+08:00`).toISOString());
      for (const b of [w.baseA, w.baseB]) {
        const seen = await getRequest(b.operator, requestId);
        expect(seen.bases).toEqual([{ id: b.id }]);
        expect((await t.ok('{stayRequests{id}}', {}, b.operator)).stayRequests.map((r: any) => r.id)).toContain(requestId);
      }
    });

    it('questions and answers run in one thread per base, which the other base does not read', async () => {
      await t.ok(POST, { i: { requestId, text: '请问人数是否可能增加？' } }, w.baseA.operator);
      const missingBase = await t.gql(POST, { i: { requestId, text: '不会' } }, w.unionA.organiser);
      expectError(missingBase, 'BAD_USER_INPUT', 'baseId');
      await t.ok(POST, { i: { requestId, baseId: w.baseA.id, text: '人数固定为20人' } }, w.unionA.organiser);
      expectError(await t.gql(POST, { i: { requestId, baseId: w.baseA.id, text: '我来插一句' } }, w.baseB.operator), 'FORBIDDEN', 'baseId');
      expect((await getRequest(w.unionA.organiser, requestId)).messages).toEqual([
        { baseId: w.baseA.id, side: 'BASE', author: 'op-ba', text: '请问人数是否可能增加？' },
        { baseId: w.baseA.id, side: 'UNION', author: 'org-ua', text: '人数固定为20人' },
      ]);
      expect((await getRequest(w.baseB.operator, requestId)).messages).toEqual([]);
    });

    it('each base quotes; the union sees both, each base only its own', async () => {
      quoteA = await quote(w.baseA.operator, quoteInput(requestId, w.baseA.id));
      quoteB = await quote(w.baseB.operator, quoteInput(requestId, w.baseB.id, { pricePerPerson: '2450.00', startDate: addDays(w.start, 2) }));
      expect(quoteA).toMatchObject({ status: 'OFFERED', pricePerPerson: '2380.00', programme: quoteInput(0, 0).programme, history: [{ from: null, to: 'OFFERED', actor: 'op-ba' }] });
      expect((await getRequest(w.unionA.organiser, requestId)).quotes.map((q: any) => q.id)).toEqual([quoteA.id, quoteB.id]);
      expect((await getRequest(w.baseB.operator, requestId)).quotes.map((q: any) => q.id)).toEqual([quoteB.id]);
    });

    it('accepting one makes a private package and a REQUESTED batch holding the beds; the other quote is declined with a reason', async () => {
      const nights = [addDays(w.start, 1), addDays(w.start, 3)];
      const before = await calendar(t, w.admin, w.baseA.id, nights[0], nights[1]);
      const accepted = (await t.ok(ACCEPT, { id: quoteA.id }, w.unionA.organiser)).acceptStayQuote;
      expect(accepted).toMatchObject({ status: 'ACCEPTED', history: [{ to: 'OFFERED' }, { from: 'OFFERED', to: 'ACCEPTED', actor: 'org-ua' }] });
      expect(accepted.packageId).toEqual(expect.any(Number));

      const batch = (await t.ok(BATCH, { id: accepted.batchId }, w.unionA.organiser)).batch;
      expect(batch).toEqual({
        id: accepted.batchId,
        status: 'REQUESTED',
        headcount: 20,
        startDate: addDays(w.start, 1),
        endDate: addDays(w.start, 4),
        pricePerPerson: '2380.00',
        union: { id: w.unionA.id },
        package: { id: accepted.packageId, privateForUnionId: w.unionA.id },
      });
      const after = await calendar(t, w.admin, w.baseA.id, nights[0], nights[1]);
      expect(after.map((n, i) => n.reservedBeds - before[i].reservedBeds)).toEqual([20, 20, 20]);
      expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);

      const request = await getRequest(w.unionA.organiser, requestId);
      expect(request).toMatchObject({ status: 'ACCEPTED', acceptedQuoteId: quoteA.id, batchId: accepted.batchId, history: [{ to: 'OPEN' }, { from: 'OPEN', to: 'ACCEPTED', actor: 'org-ua' }] });
      const declined = (await t.ok(`query($id:Int!){stayRequest(id:$id){quotes{id status history{to actor reason}}}}`, { id: requestId }, w.baseB.operator)).stayRequest.quotes;
      expect(declined).toEqual([
        {
          id: quoteB.id,
          status: 'DECLINED',
          history: [
            { to: 'OFFERED', actor: 'op-bb', reason: null },
            { to: 'DECLINED', actor: 'org-ua', reason: `another base's quote (${quoteA.id}) was accepted` },
          ],
        },
      ]);
    });

    it('the private package is visible to its union and its base, invisible (and unbookable) to another union', async () => {
      const privateId = (await t.ok(`query($id:Int!){stayRequest(id:$id){quotes{status packageId}}}`, { id: requestId }, w.unionA.organiser)).stayRequest.quotes.find(
        (q: any) => q.status === 'ACCEPTED',
      ).packageId;
      expect((await t.ok(PACKAGE, { id: privateId }, w.unionA.organiser)).package).toMatchObject({ id: privateId, nights: 3, pricePerPerson: '2380.00', privateForUnionId: w.unionA.id });
      for (const token of [w.unionA.organiser, w.baseA.operator, w.admin]) {
        expect((await t.ok(PACKAGES, { id: w.baseA.id }, token)).base.packages.map((p: any) => p.id)).toContain(privateId);
      }
      expectError(await t.gql(PACKAGE, { id: privateId }, w.unionB.organiser), 'NOT_FOUND');
      expect((await t.ok(PACKAGES, { id: w.baseA.id }, w.unionB.organiser)).base.packages).toEqual([{ id: w.baseA.packageId, privateForUnionId: null }]);
      expect((await t.ok(PACKAGES, { id: w.baseA.id }, w.partner)).base.packages.map((p: any) => p.id)).not.toContain(privateId);
      const avail = await t.ok<any>('query($f:Date!){availability(from:$f,to:$f,headcount:1){base{id packages{id}}}}', { f: w.start }, w.unionB.organiser);
      expect(avail.availability.flatMap((a: any) => a.base.packages.map((p: any) => p.id))).not.toContain(privateId);
      const foreign = await t.gql(REQUEST_BATCH, { i: { packageId: privateId, startDate: w.start, headcount: 5 } }, w.unionB.organiser);
      expectError(foreign, 'NOT_FOUND', 'packageId');
    });

    it('wrong state: the accepted quote, the declined one and the accepted request move no further', async () => {
      expectError(await t.gql(ACCEPT, { id: quoteA.id }, w.unionA.organiser), 'INVALID_TRANSITION');
      expectError(await t.gql(ACCEPT, { id: quoteB.id }, w.unionA.organiser), 'INVALID_TRANSITION');
      expectError(await t.gql(DECLINE, { id: quoteA.id, r: '太贵' }, w.unionA.organiser), 'INVALID_TRANSITION');
      expectError(await t.gql(WITHDRAW_QUOTE, { id: quoteB.id, r: '不做了' }, w.baseB.operator), 'INVALID_TRANSITION');
      expectError(await t.gql(WITHDRAW_REQUEST, { id: requestId, r: '不去了' }, w.unionA.organiser), 'INVALID_TRANSITION');
      expectError(await t.gql(SEND_QUOTE, { i: quoteInput(requestId, w.baseB.id) }, w.baseB.operator), 'INVALID_TRANSITION');
      expectError(await t.gql(POST, { i: { requestId, baseId: w.baseA.id, text: '还在吗' } }, w.unionA.organiser), 'INVALID_TRANSITION');
    });
  });

  describe('who may, and bad input', () => {
    let requestId: number;
    let quoteId: number;
    beforeAll(async () => {
      requestId = (await send(w.unionA.organiser, requestInput([w.baseA.id, w.baseB.id]))).id;
      quoteId = (await quote(w.baseA.operator, quoteInput(requestId, w.baseA.id))).id;
    });

    it('wrong role: an operator does not ask, an organiser does not quote or withdraw a quote', async () => {
      expectError(await t.gql(SEND_REQUEST, { i: requestInput([w.baseA.id], { unionId: w.unionA.id }) }, w.baseA.operator), 'FORBIDDEN');
      expectError(await t.gql(SEND_QUOTE, { i: quoteInput(requestId, w.baseA.id) }, w.unionA.organiser), 'FORBIDDEN');
      expectError(await t.gql(WITHDRAW_QUOTE, { id: quoteId, r: 'x' }, w.unionA.organiser), 'FORBIDDEN');
      expectError(await t.gql(ACCEPT, { id: quoteId }, w.baseA.operator), 'FORBIDDEN');
    });

    it('wrong scope: another union, another base, another region see nothing and change nothing', async () => {
      expectError(await t.gql(SEND_REQUEST, { i: requestInput([w.baseA.id], { unionId: w.unionB.id }) }, w.unionA.organiser), 'FORBIDDEN', 'unionId');
      expectError(await t.gql(SEND_REQUEST, { i: requestInput([w.baseA.id], { unionId: w.unionA.id }) }, w.partner), 'FORBIDDEN', 'unionId');
      expectError(await t.gql(GET_REQUEST, { id: requestId }, w.unionB.organiser), 'NOT_FOUND');
      expectError(await t.gql(GET_REQUEST, { id: requestId }, w.partner), 'NOT_FOUND');
      expect((await t.ok('{stayRequests{id}}', {}, w.unionB.organiser)).stayRequests.map((r: any) => r.id)).not.toContain(requestId);
      expectError(await t.gql(ACCEPT, { id: quoteId }, w.unionB.organiser), 'NOT_FOUND');
      expectError(await t.gql(DECLINE, { id: quoteId, r: '不要' }, w.partner), 'NOT_FOUND');
      // Base B was asked too, but quote A is base A's: B neither sees nor withdraws it, nor quotes for A.
      expectError(await t.gql(WITHDRAW_QUOTE, { id: quoteId, r: '撤回' }, w.baseB.operator), 'NOT_FOUND');
      expectError(await t.gql(SEND_QUOTE, { i: quoteInput(requestId, w.baseA.id) }, w.baseB.operator), 'FORBIDDEN', 'baseId');
      // A base the request did not go to does not see it.
      const other = (await send(w.unionA.organiser, requestInput([w.baseA.id]))).id;
      expectError(await t.gql(GET_REQUEST, { id: other }, w.baseB.operator), 'NOT_FOUND');
      expectError(await t.gql(SEND_QUOTE, { i: quoteInput(other, w.baseB.id) }, w.baseB.operator), 'NOT_FOUND', 'requestId');
      expect((await getRequest(w.unionA.organiser, requestId)).quotes).toEqual([{ id: quoteId, baseId: w.baseA.id, status: 'OFFERED' }]);
    });

    it('bad input: BAD_USER_INPUT naming the field, nothing sent', async () => {
      const count = async () => (await t.ok('{stayRequests{id}}', {}, w.admin)).stayRequests.length;
      const before = await count();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ latestStart: addDays(w.start, -1) }, 'latestStart'],
        [{ earliestStart: addDays(today, -1) }, 'earliestStart'],
        [{ baseIds: [w.baseA.id, w.baseA.id] }, 'baseIds.1'],
        [{ answerBy: addDays(w.start, 30) }, 'answerBy'],
        [{ nights: 0 }, 'nights'],
        [{ headcount: 5000 }, 'headcount'],
        [{ baseIds: [] }, 'baseIds'],
        [{ themes: ['x'.repeat(21)] }, 'themes'],
      ];
      for (const [extra, field] of cases) expectError(await t.gql(SEND_REQUEST, { i: requestInput([w.baseA.id, w.baseB.id], extra) }, w.unionA.organiser), 'BAD_USER_INPUT', field);
      expectError(await t.gql(SEND_REQUEST, { i: requestInput([w.baseA.id, 987654]) }, w.unionA.organiser), 'NOT_FOUND', 'baseIds.1');
      expectError(await t.gql(SEND_REQUEST, { i: requestInput([w.baseA.id]) }, w.admin), 'BAD_USER_INPUT', 'unionId');
      expect(await count()).toBe(before);

      const quoteCases: Array<[Record<string, unknown>, string]> = [
        [{ startDate: addDays(w.start, 6) }, 'startDate'],
        [{ validUntil: addDays(w.start, 20) }, 'validUntil'],
        [{ validUntil: addDays(today, -1) }, 'validUntil'],
        [{ programme: ['1', '2', '3', '4', '5'] }, 'programme'],
        [{ pricePerPerson: '0.00' }, 'pricePerPerson'],
        [{ includes: '' }, 'includes'],
      ];
      for (const [extra, field] of quoteCases) expectError(await t.gql(SEND_QUOTE, { i: quoteInput(requestId, w.baseB.id, extra) }, w.baseB.operator), 'BAD_USER_INPUT', field);
      expectError(await t.gql(DECLINE, { id: quoteId, r: '  ' }, w.unionA.organiser), 'BAD_USER_INPUT', 'reason');
      expectError(await t.gql(WITHDRAW_REQUEST, { id: requestId, r: '' }, w.unionA.organiser), 'BAD_USER_INPUT', 'reason');
      expectError(await t.gql(POST, { i: { requestId, baseId: w.baseA.id, text: '   ' } }, w.unionA.organiser), 'BAD_USER_INPUT', 'text');
      expect((await getRequest(w.unionA.organiser, requestId)).quotes).toHaveLength(1);
    });

    it('a newer quote replaces the base’s open one; the base withdraws, the union declines and withdraws, each with its reason', async () => {
      const newer = await quote(w.baseA.operator, quoteInput(requestId, w.baseA.id, { pricePerPerson: '2280.00' }));
      const byB = await quote(w.baseB.operator, quoteInput(requestId, w.baseB.id));
      expect((await getRequest(w.unionA.organiser, requestId)).quotes).toEqual([
        { id: quoteId, baseId: w.baseA.id, status: 'WITHDRAWN' },
        { id: newer.id, baseId: w.baseA.id, status: 'OFFERED' },
        { id: byB.id, baseId: w.baseB.id, status: 'OFFERED' },
      ]);
      expect((await t.ok(DECLINE, { id: newer.id, r: '行程太满' }, w.unionA.organiser)).declineStayQuote).toMatchObject({ status: 'DECLINED', history: [{}, { to: 'DECLINED', reason: '行程太满' }] });
      const withdrawn = (await t.ok(WITHDRAW_REQUEST, { id: requestId, r: '改期到明年' }, w.unionA.organiser)).withdrawStayRequest;
      expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', history: [{ to: 'OPEN' }, { to: 'WITHDRAWN', reason: '改期到明年' }] });
      const b = (await t.ok(`query($id:Int!){stayRequest(id:$id){quotes{status history{to reason}}}}`, { id: requestId }, w.baseB.operator)).stayRequest.quotes;
      expect(b).toEqual([
        {
          status: 'DECLINED',
          history: [
            { to: 'OFFERED', reason: null },
            { to: 'DECLINED', reason: 'the request was withdrawn: 改期到明年' },
          ],
        },
      ]);
    });

    it('a partner asks for a union of its region, and must book under an agreement when accepting', async () => {
      const sent = await send(w.partner, requestInput([w.baseB.id], { unionId: w.unionB.id }));
      expect(sent).toMatchObject({ status: 'OPEN', unionId: w.unionB.id, history: [{ actor: 'partner-x' }] });
      const q = await quote(w.baseB.operator, quoteInput(sent.id, w.baseB.id));
      expectError(await t.gql(ACCEPT, { id: q.id }, w.partner), 'BAD_USER_INPUT', 'agreementId');
      expect((await getRequest(w.unionB.organiser, sent.id)).quotes).toEqual([{ id: q.id, baseId: w.baseB.id, status: 'OFFERED' }]);
    });
  });

  describe('a base declines a request (declineStayRequest)', () => {
    const DECLINE_REQUEST = 'mutation($id:Int!,$r:String!,$b:Int){declineStayRequest(id:$id,reason:$r,baseId:$b){id status history{from to actor reason}}}';
    const DECLINES = 'query($id:Int!){stayRequest(id:$id){status declines{baseId reason declinedBy at} quotes{id baseId status} history{from to actor reason}}}';
    const declinesOf = async (token: string, id: number) => (await t.ok<any>(DECLINES, { id }, token)).stayRequest;

    it('one base declines: its side ends with its reason (its open quote withdrawn), the request stays OPEN for the other', async () => {
      const id = (await send(w.unionA.organiser, requestInput([w.baseA.id, w.baseB.id]))).id;
      const q = await quote(w.baseA.operator, quoteInput(id, w.baseA.id));
      const declined = (await t.ok<any>(DECLINE_REQUEST, { id, r: '  那几天接待团队已满  ' }, w.baseA.operator)).declineStayRequest;
      expect(declined).toMatchObject({ id, status: 'OPEN' });
      const seen = await declinesOf(w.unionA.organiser, id);
      expect(seen.declines).toEqual([{ baseId: w.baseA.id, reason: '那几天接待团队已满', declinedBy: 'op-ba', at: expect.any(String) }]);
      expect(seen.quotes).toEqual([{ id: q.id, baseId: w.baseA.id, status: 'WITHDRAWN' }]);
      const quoteHistory = (await t.ok<any>('query($id:Int!){stayRequest(id:$id){quotes{history{to reason}}}}', { id }, w.unionA.organiser)).stayRequest.quotes[0].history;
      expect(quoteHistory.at(-1)).toEqual({ to: 'WITHDRAWN', reason: 'the base declined the request: 那几天接待团队已满' });
      // The other base does not read base A's decline; base A reads its own.
      expect((await declinesOf(w.baseB.operator, id)).declines).toEqual([]);
      expect((await declinesOf(w.baseA.operator, id)).declines).toHaveLength(1);
      // Base A's side has ended: no second decline, no new quote; base B still quotes.
      expectError(await t.gql(DECLINE_REQUEST, { id, r: 'again' }, w.baseA.operator), 'INVALID_TRANSITION');
      expectError(await t.gql(SEND_QUOTE, { i: quoteInput(id, w.baseA.id) }, w.baseA.operator), 'INVALID_TRANSITION');
      expect((await quote(w.baseB.operator, quoteInput(id, w.baseB.id))).status).toBe('OFFERED');
    });

    it('every base declines: the request ends DECLINED, with its history; nothing moves it further', async () => {
      const id = (await send(w.unionA.organiser, requestInput([w.baseA.id, w.baseB.id]))).id;
      await t.ok(DECLINE_REQUEST, { id, r: '检修' }, w.baseB.operator);
      // An admin declines for a base it names.
      const last = (await t.ok<any>(DECLINE_REQUEST, { id, r: '档期已满', b: w.baseA.id }, w.admin)).declineStayRequest;
      expect(last.status).toBe('DECLINED');
      expect(last.history.at(-1)).toEqual({ from: 'OPEN', to: 'DECLINED', actor: 'admin', reason: 'every base it was sent to declined' });
      const seen = await declinesOf(w.unionA.organiser, id);
      // By when they came, to the second (both may fall in one), then by base.
      expect(seen.declines.map((d: any) => [d.baseId, d.reason, d.declinedBy]).sort((a: any, b: any) => a[0] - b[0])).toEqual([
        [w.baseA.id, '档期已满', 'admin'],
        [w.baseB.id, '检修', 'op-bb'],
      ]);
      expectError(await t.gql(WITHDRAW_REQUEST, { id, r: 'x' }, w.unionA.organiser), 'INVALID_TRANSITION');
      expectError(await t.gql(SEND_QUOTE, { i: quoteInput(id, w.baseA.id) }, w.baseA.operator), 'INVALID_TRANSITION');
      expect((await t.ok<any>('query($s:StayRequestStatus){stayRequests(filter:{status:$s}){id}}', { s: 'DECLINED' }, w.unionA.organiser)).stayRequests.map((r: any) => r.id)).toContain(id);
    });

    it('a request to one base ends with its one decline; a withdrawn request is not declined', async () => {
      const id = (await send(w.unionA.organiser, requestInput([w.baseB.id]))).id;
      expect((await t.ok<any>(DECLINE_REQUEST, { id, r: '不接待该主题' }, w.baseB.operator)).declineStayRequest.status).toBe('DECLINED');
      const withdrawn = (await send(w.unionA.organiser, requestInput([w.baseB.id]))).id;
      await t.ok(WITHDRAW_REQUEST, { id: withdrawn, r: '改期' }, w.unionA.organiser);
      expectError(await t.gql(DECLINE_REQUEST, { id: withdrawn, r: 'x' }, w.baseB.operator), 'INVALID_TRANSITION');
    });

    it('wrong callers and bad input: FORBIDDEN, NOT_FOUND, BAD_USER_INPUT naming the field; nothing changes', async () => {
      const id = (await send(w.unionA.organiser, requestInput([w.baseA.id]))).id;
      // The union's side does not decline its own request (it withdraws it).
      expectError(await t.gql(DECLINE_REQUEST, { id, r: 'x' }, w.unionA.organiser), 'FORBIDDEN');
      expectError(await t.gql(DECLINE_REQUEST, { id, r: 'x' }, w.partner), 'FORBIDDEN');
      // Base B was not asked: it does not see the request.
      expectError(await t.gql(DECLINE_REQUEST, { id, r: 'x' }, w.baseB.operator), 'NOT_FOUND');
      // Base A's operator naming another base.
      expectError(await t.gql(DECLINE_REQUEST, { id, r: 'x', b: w.baseB.id }, w.baseA.operator), 'FORBIDDEN', 'baseId');
      expectError(await t.gql(DECLINE_REQUEST, { id: 999_999, r: 'x' }, w.baseA.operator), 'NOT_FOUND');
      expectError(await t.gql(DECLINE_REQUEST, { id, r: '   ' }, w.baseA.operator), 'BAD_USER_INPUT', 'reason');
      expectError(await t.gql(DECLINE_REQUEST, { id, r: 'x'.repeat(501) }, w.baseA.operator), 'BAD_USER_INPUT', 'reason');
      // An admin must name the base, and one the request was sent to.
      expectError(await t.gql(DECLINE_REQUEST, { id, r: 'x' }, w.admin), 'BAD_USER_INPUT', 'baseId');
      expectError(await t.gql(DECLINE_REQUEST, { id, r: 'x', b: w.baseB.id }, w.admin), 'BAD_USER_INPUT', 'baseId');
      const after = await declinesOf(w.unionA.organiser, id);
      expect([after.status, after.declines, after.history.length]).toEqual(['OPEN', [], 1]);
    });
  });

  it('an acceptance that no longer fits (beds full) is refused whole with CAPACITY_EXCEEDED: no package, no batch, nothing moved', async () => {
    const start = addDays(w.start, 30);
    const requestId = (await send(w.unionA.organiser, requestInput([w.baseA.id], { earliestStart: start, latestStart: start }))).id;
    const q = await quote(w.baseA.operator, quoteInput(requestId, w.baseA.id, { startDate: start }));
    // Another union takes 90 of the 100 beds meanwhile: 20 no longer fit.
    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: start, headcount: 90 } }, w.unionB.organiser);
    const packagesBefore = (await t.ok('query($id:Int!){base(id:$id){packages(includeInactive:true){id}}}', { id: w.baseA.id }, w.admin)).base.packages;
    const batchesBefore = (await t.ok('{batches(first:100){totalCount}}', {}, w.admin)).batches.totalCount;

    const refused = await t.gql(ACCEPT, { id: q.id }, w.unionA.organiser);
    expectError(refused, 'CAPACITY_EXCEEDED');

    expect((await t.ok('query($id:Int!){base(id:$id){packages(includeInactive:true){id}}}', { id: w.baseA.id }, w.admin)).base.packages).toEqual(packagesBefore);
    expect((await t.ok('{batches(first:100){totalCount}}', {}, w.admin)).batches.totalCount).toBe(batchesBefore);
    const request = await getRequest(w.unionA.organiser, requestId);
    expect(request).toMatchObject({ status: 'OPEN', acceptedQuoteId: null, batchId: null, history: [{ to: 'OPEN' }], quotes: [{ id: q.id, status: 'OFFERED' }] });
    expect((await calendar(t, w.admin, w.baseA.id, start, addDays(start, 2))).map((n) => n.reservedBeds)).toEqual([90, 90, 90]);
    expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });

  it("an acceptance against the union's policy (a trip longer than it allows) is refused whole with POLICY_VIOLATION", async () => {
    const requestId = (await send(w.unionA.organiser, requestInput([w.baseA.id], { nights: 5 }))).id;
    const q = await quote(w.baseA.operator, quoteInput(requestId, w.baseA.id));
    const packagesBefore = (await t.ok('query($id:Int!){base(id:$id){packages(includeInactive:true){id}}}', { id: w.baseA.id }, w.admin)).base.packages;
    const refused = await t.gql(ACCEPT, { id: q.id }, w.unionA.organiser);
    expectError(refused, 'POLICY_VIOLATION');
    expect(refused.errors![0].extensions!.rule).toBe('maxDaysPerTrip');
    expect((await t.ok('query($id:Int!){base(id:$id){packages(includeInactive:true){id}}}', { id: w.baseA.id }, w.admin)).base.packages).toEqual(packagesBefore);
    expect(await getRequest(w.unionA.organiser, requestId)).toMatchObject({ status: 'OPEN', batchId: null, quotes: [{ id: q.id, status: 'OFFERED' }] });
  });

  it('the sweep expires a quote after its validUntil day and a request after its answer-by day, with their open quotes', async () => {
    const requestId = (await send(w.unionA.organiser, requestInput([w.baseA.id, w.baseB.id], { answerBy: addDays(today, 2) }))).id;
    const q1 = await quote(w.baseA.operator, quoteInput(requestId, w.baseA.id, { validUntil: today }));
    const q2 = await quote(w.baseB.operator, quoteInput(requestId, w.baseB.id, { validUntil: addDays(today, 2) }));
    const sweeper = t.get(StayOrderSweeper);
    const clock = t.get(Clock);
    const realNow = clock.now.bind(clock);
    const at = (days: number) => new Date(Date.now() + days * 86_400_000);
    try {
      expect(await sweeper.expire(new Date())).toBe(0);
      // Tomorrow: q1 (valid until today) has lapsed; the request and q2 have not.
      clock.now = () => at(1);
      expectError(await t.gql(ACCEPT, { id: q1.id }, w.unionA.organiser), 'INVALID_TRANSITION');
      expect(await sweeper.expire(at(1))).toBe(1);
      expect(await sweeper.expire(at(1))).toBe(0);
      expectError(await t.gql(ACCEPT, { id: q1.id }, w.unionA.organiser), 'INVALID_TRANSITION');
      // Three days on: past the answer-by day (today+2), the request lapses with its open quote.
      clock.now = () => at(3);
      expect(await sweeper.expire(at(3))).toBe(1);
      const request = (await t.ok(`query($id:Int!){stayRequest(id:$id){status history{from to actor reason} quotes{id status history{to actor reason}}}}`, { id: requestId }, w.unionA.organiser))
        .stayRequest;
      expect(request).toEqual({
        status: 'EXPIRED',
        history: [
          { from: null, to: 'OPEN', actor: 'org-ua', reason: null },
          { from: 'OPEN', to: 'EXPIRED', actor: 'system', reason: 'nothing was accepted by its answer-by day' },
        ],
        quotes: [
          {
            id: q1.id,
            status: 'EXPIRED',
            history: [
              { to: 'OFFERED', actor: 'op-ba', reason: null },
              { to: 'EXPIRED', actor: 'system', reason: `valid until ${today}` },
            ],
          },
          {
            id: q2.id,
            status: 'EXPIRED',
            history: [
              { to: 'OFFERED', actor: 'op-bb', reason: null },
              { to: 'EXPIRED', actor: 'system', reason: 'the request lapsed' },
            ],
          },
        ],
      });
      expectError(await t.gql(ACCEPT, { id: q2.id }, w.unionA.organiser), 'INVALID_TRANSITION');
    } finally {
      clock.now = realNow;
    }
  });

  it('concurrent acceptances of one request (the same quote twice, and the other base’s): exactly one wins, one batch, no drift', async () => {
    const start = addDays(w.start, 40);
    const requestId = (await send(w.unionA.organiser, requestInput([w.baseA.id, w.baseB.id], { earliestStart: start, latestStart: start }))).id;
    const qa = await quote(w.baseA.operator, quoteInput(requestId, w.baseA.id, { startDate: start }));
    const qb = await quote(w.baseB.operator, quoteInput(requestId, w.baseB.id, { startDate: start }));
    const batchesBefore = (await t.ok('{batches(first:100){totalCount}}', {}, w.admin)).batches.totalCount;
    const results = await Promise.all([qa, qb, qa, qb, qa, qb].map((q) => t.gql(ACCEPT, { id: q.id }, w.unionA.organiser)));
    const wins = results.filter((r) => !r.errors);
    expect(wins).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorCode(r))).toEqual(Array(5).fill('INVALID_TRANSITION'));
    const winner = wins[0].data!.acceptStayQuote;
    expect((await t.ok('{batches(first:100){totalCount}}', {}, w.admin)).batches.totalCount).toBe(batchesBefore + 1);
    const request = await getRequest(w.unionA.organiser, requestId);
    expect(request).toMatchObject({ status: 'ACCEPTED', acceptedQuoteId: winner.id, batchId: winner.batchId });
    expect(request.quotes.map((q: any) => q.status).sort()).toEqual(['ACCEPTED', 'DECLINED']);
    expect(request.history.map((h: any) => h.to)).toEqual(['OPEN', 'ACCEPTED']);
    expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  });
});
