import { WaitingListSweeper } from '@app/booking';
import { addDays, Clock, SweepScheduler, todayInShanghai } from '@app/shared';
import { activeAgreement, partnerOf } from './support/exchange.js';
import { DB_KIND, errorCode, type GqlResult, startTestApp, type TestApp } from './support/test-app.js';
import { AUDIT, buildWorld, calendar, REQUEST_BATCH, type World } from './support/world.js';

/** The waiting list (issue 16, third part): queue, offers by the sweep, lapse, accept, decline, races — through the real API. */
describe(`the waiting list (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const today = todayInShanghai();
  const HOUR = 3_600_000;

  const ENTRY = 'id status unionId baseId packageId startDate nights headcount answerBy offeredAt offerExpiresAt batchId history{from to actor reason}';
  const JOIN = `mutation($i:JoinWaitingListInput!){joinWaitingList(input:$i){${ENTRY}}}`;
  const GET = `query($id:Int!){waitingListEntry(id:$id){${ENTRY}}}`;
  const LIST = 'query($f:WaitingListFilter,$first:Int!,$after:String){waitingList(filter:$f,first:$first,after:$after){totalCount pageInfo{hasNextPage endCursor} edges{node{id status headcount}}}}';
  const ACCEPT = `mutation($id:Int!){acceptWaitingListOffer(id:$id){${ENTRY}}}`;
  const DECLINE = `mutation($id:Int!,$r:String){declineWaitingListOffer(id:$id,reason:$r){${ENTRY}}}`;
  const LEAVE = `mutation($id:Int!,$r:String){leaveWaitingList(id:$id,reason:$r){${ENTRY}}}`;
  const CANCEL = 'mutation($id:Int!){cancelBatch(id:$id,reason:"plans changed"){id status}}';
  const BATCH = 'query($id:Int!){batch(id:$id){id status headcount startDate nights union{id} package{id} history{from to}}}';

  const join = async (token: string, input: Record<string, unknown>) => (await t.ok(JOIN, { i: { packageId: w.baseA.packageId, ...input } }, token)).joinWaitingList;
  const entry = async (id: number, token = w.admin) => (await t.ok(GET, { id }, token)).waitingListEntry;
  const statuses = async (ids: number[]) => Promise.all(ids.map(async (id) => (await entry(id)).status));
  const book = async (token: string, startDate: string, headcount: number, extra: Record<string, unknown> = {}) =>
    (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount, ...extra } }, token)).requestBatch;
  const reserved = async (from: string, to: string) => (await calendar(t, w.admin, w.baseA.id, from, to)).map((n) => n.reservedBeds);
  const audit = async () => (await t.ok(AUDIT, {}, w.admin)).capacityAudit;
  const sweep = (at: Date = new Date()) => t.get(WaitingListSweeper).sweep(at);

  function expectError(res: GqlResult, code: string, field?: string) {
    expect({ code: errorCode(res), field: res.errors?.[0]?.extensions?.field, data: res.data ? Object.values(res.data)[0] : null }).toEqual({
      code,
      field: field ?? res.errors?.[0]?.extensions?.field,
      data: null,
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100, nightsOfBeds: 80 });
  });
  afterAll(() => t.close());

  it('is one of the sweeps the scheduler runs', () => {
    expect(t.get(SweepScheduler).names).toContain('waiting list');
  });

  describe('five waiting requests, a cancellation, a lapse, an acceptance, a decline', () => {
    // Nights s, s+1, s+2 full at base A (60 + 40); s+3 free.
    const s = () => addDays(w.start, 10);
    let x2: any;
    const e: any[] = [];

    it('a full night refuses the booking; five requests wait instead, in order of arrival; a sweep offers nothing', async () => {
      await book(w.unionB.organiser, s(), 60);
      x2 = await book(w.unionB.organiser, s(), 40);
      expect(errorCode(await t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: s(), headcount: 30 } }, w.unionA.organiser))).toBe('CAPACITY_EXCEEDED');
      e.push(await join(w.unionA.organiser, { startDate: s(), headcount: 50 }));
      e.push(await join(w.unionB.organiser, { startDate: s(), headcount: 30, notes: '一线职工' }));
      e.push(await join(w.unionA.organiser, { startDate: s(), headcount: 20 }));
      e.push(await join(w.unionA.organiser, { startDate: addDays(s(), 1), headcount: 10 }));
      e.push(await join(w.unionA.organiser, { startDate: s(), headcount: 15 }));
      expect(e.map((x) => x.id)).toEqual([...e.map((x) => x.id)].sort((a, b) => a - b));
      expect((await t.ok('query($id:Int!){waitingListEntry(id:$id){base{id} union{id} package{id nights}}}', { id: e[0].id }, w.baseA.operator)).waitingListEntry).toEqual({
        base: { id: w.baseA.id },
        union: { id: w.unionA.id },
        package: { id: w.baseA.packageId, nights: 3 },
      });
      expect(e[0]).toMatchObject({
        status: 'WAITING',
        unionId: w.unionA.id,
        baseId: w.baseA.id,
        nights: 3,
        headcount: 50,
        answerBy: addDays(s(), -1),
        offerExpiresAt: null,
        batchId: null,
        history: [{ from: null, to: 'WAITING', actor: 'org-ua', reason: null }],
      });
      expect(await sweep()).toBe(0);
      expect(await statuses(e.map((x) => x.id))).toEqual(['WAITING', 'WAITING', 'WAITING', 'WAITING', 'WAITING']);
      expect(await reserved(s(), addDays(s(), 3))).toEqual([100, 100, 100, 0]);
    });

    it('a cancellation frees 40 beds: the sweep offers them in order of arrival to the entries whose nights all fit (2nd and 4th), skipping those that do not', async () => {
      await t.ok(CANCEL, { id: x2.id }, w.unionB.organiser);
      expect(await reserved(s(), addDays(s(), 3))).toEqual([60, 60, 60, 0]);
      const before = Date.now();
      expect(await sweep()).toBe(2);
      expect(await sweep()).toBe(0);
      expect(await statuses(e.map((x) => x.id))).toEqual(['WAITING', 'OFFERED', 'WAITING', 'OFFERED', 'WAITING']);
      // 60 + the 2nd's 30 on s…s+2; the 4th's 10 on s+1…s+3: every bed of s+1 and s+2 is held again.
      expect(await reserved(s(), addDays(s(), 3))).toEqual([90, 100, 100, 10]);
      const offered = await entry(e[1].id, w.unionB.organiser);
      expect(offered.history).toEqual([
        { from: null, to: 'WAITING', actor: 'org-ub', reason: null },
        { from: 'WAITING', to: 'OFFERED', actor: 'system', reason: `30 beds held until ${offered.offerExpiresAt}` },
      ]);
      const hours = (Date.parse(offered.offerExpiresAt) - before) / HOUR;
      expect(hours).toBeGreaterThan(23.99);
      expect(hours).toBeLessThanOrEqual(24);
      expect(await audit()).toEqual([]);
    });

    it('accepting the 4th makes a REQUESTED batch with exactly its held beds: the calendar does not move, the audit stays empty', async () => {
      const accepted = (await t.ok(ACCEPT, { id: e[3].id }, w.unionA.organiser)).acceptWaitingListOffer;
      expect(accepted).toMatchObject({ status: 'ACCEPTED', batchId: expect.any(Number) });
      expect(accepted.history.map((h: any) => [h.from, h.to, h.actor])).toEqual([
        [null, 'WAITING', 'org-ua'],
        ['WAITING', 'OFFERED', 'system'],
        ['OFFERED', 'ACCEPTED', 'org-ua'],
      ]);
      const batch = (await t.ok(BATCH, { id: accepted.batchId }, w.unionA.organiser)).batch;
      expect(batch).toEqual({
        id: accepted.batchId,
        status: 'REQUESTED',
        headcount: 10,
        startDate: addDays(s(), 1),
        nights: 3,
        union: { id: w.unionA.id },
        package: { id: w.baseA.packageId },
        history: [{ from: null, to: 'REQUESTED' }],
      });
      expect(await reserved(s(), addDays(s(), 3))).toEqual([90, 100, 100, 10]);
      expect(await audit()).toEqual([]);
      expectError(await t.gql(ACCEPT, { id: e[3].id }, w.unionA.organiser), 'INVALID_TRANSITION');
    });

    it('the 2nd lets its offer lapse: the sweep gives its 30 beds back and offers them to the next entry that fits (the 3rd)', async () => {
      const clock = t.get(Clock);
      const realNow = clock.now.bind(clock);
      const later = new Date(Date.now() + 25 * HOUR);
      try {
        clock.now = () => later;
        // Past offerExpiresAt the offer cannot be accepted any more, even before the sweep has run.
        expectError(await t.gql(ACCEPT, { id: e[1].id }, w.unionB.organiser), 'INVALID_TRANSITION');
        expect(await sweep(later)).toBe(2);
      } finally {
        clock.now = realNow;
      }
      expect(await statuses(e.map((x) => x.id))).toEqual(['WAITING', 'LAPSED', 'OFFERED', 'ACCEPTED', 'WAITING']);
      expect((await entry(e[1].id)).history.slice(-1)).toEqual([{ from: 'OFFERED', to: 'LAPSED', actor: 'system', reason: expect.stringMatching(/^not answered by /) }]);
      // 60 + the 3rd's 20 on s…s+2, + the accepted batch's 10 on s+1…s+3.
      expect(await reserved(s(), addDays(s(), 3))).toEqual([80, 90, 90, 10]);
      expect(await audit()).toEqual([]);
    });

    it('the 3rd declines: its beds go at once to the next entry that fits (the 5th, 15), not to the 1st (50, too many)', async () => {
      const declined = (await t.ok(DECLINE, { id: e[2].id, r: '日期不合适' }, w.unionA.organiser)).declineWaitingListOffer;
      expect(declined).toMatchObject({ status: 'DECLINED', batchId: null });
      expect(declined.history.slice(-1)).toEqual([{ from: 'OFFERED', to: 'DECLINED', actor: 'org-ua', reason: '日期不合适' }]);
      expect(await statuses(e.map((x) => x.id))).toEqual(['WAITING', 'LAPSED', 'DECLINED', 'ACCEPTED', 'OFFERED']);
      expect(await reserved(s(), addDays(s(), 3))).toEqual([75, 85, 85, 10]);
      expect(await audit()).toEqual([]);
    });

    it('the 1st leaves; who sees the list: the union its own, the base its own, the admin all, in order of arrival, paged', async () => {
      expectError(await t.gql(LEAVE, { id: e[4].id }, w.unionA.organiser), 'INVALID_TRANSITION');
      const left = (await t.ok(LEAVE, { id: e[0].id, r: '改期' }, w.unionA.organiser)).leaveWaitingList;
      expect(left.history.slice(-1)).toEqual([{ from: 'WAITING', to: 'LEFT', actor: 'org-ua', reason: '改期' }]);
      expect(await sweep()).toBe(0);
      const ids = async (token: string, f: Record<string, unknown> = {}) => {
        const page = (await t.ok(LIST, { f, first: 100 }, token)).waitingList;
        return { totalCount: page.totalCount, ids: page.edges.map((x: any) => x.node.id) };
      };
      const all = e.map((x) => x.id);
      expect(await ids(w.admin, { baseId: w.baseA.id })).toEqual({ totalCount: 5, ids: all });
      expect(await ids(w.baseA.operator)).toEqual({ totalCount: 5, ids: all });
      expect(await ids(w.baseB.operator)).toEqual({ totalCount: 0, ids: [] });
      expect(await ids(w.unionA.organiser)).toEqual({ totalCount: 4, ids: [all[0], all[2], all[3], all[4]] });
      expect(await ids(w.unionB.organiser)).toEqual({ totalCount: 1, ids: [all[1]] });
      expect(await ids(w.unionB.organiser, { unionId: w.unionA.id })).toEqual({ totalCount: 0, ids: [] });
      expect(await ids(w.admin, { status: 'OFFERED' })).toEqual({ totalCount: 1, ids: [all[4]] });
      const first = (await t.ok(LIST, { f: { baseId: w.baseA.id }, first: 2 }, w.admin)).waitingList;
      expect([first.totalCount, first.pageInfo.hasNextPage, first.edges.map((x: any) => x.node.id)]).toEqual([5, true, all.slice(0, 2)]);
      const second = (await t.ok(LIST, { f: { baseId: w.baseA.id }, first: 2, after: first.pageInfo.endCursor }, w.admin)).waitingList;
      expect(second.edges.map((x: any) => x.node.id)).toEqual(all.slice(2, 4));
    });
  });

  describe('bad input and wrong callers', () => {
    const d = () => addDays(w.start, 20);
    let mine: any;

    beforeAll(async () => {
      mine = await join(w.unionA.organiser, { startDate: d(), headcount: 200, idempotencyKey: 'wl-key-1', answerBy: addDays(today, 3) });
    });

    it('refuses bad input with the field to fix, and queues nothing', async () => {
      const count = async () => (await t.ok(LIST, { first: 1 }, w.admin)).waitingList.totalCount;
      const before = await count();
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: addDays(today, -1), headcount: 5 } }, w.unionA.organiser), 'BAD_USER_INPUT', 'startDate');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 5, answerBy: addDays(d(), 1) } }, w.unionA.organiser), 'BAD_USER_INPUT', 'answerBy');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 5, answerBy: addDays(today, -1) } }, w.unionA.organiser), 'BAD_USER_INPUT', 'answerBy');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 0 } }, w.unionA.organiser), 'BAD_USER_INPUT', 'headcount');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 201 } }, w.unionA.organiser), 'BAD_USER_INPUT', 'headcount');
      expectError(await t.gql(JOIN, { i: { packageId: 987654, startDate: d(), headcount: 5 } }, w.unionA.organiser), 'NOT_FOUND', 'packageId');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 5 } }, w.admin), 'BAD_USER_INPUT', 'unionId');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 5, unionId: w.unionB.id } }, w.partner), 'BAD_USER_INPUT', 'agreementId');
      expect(await count()).toBe(before);
    });

    it('a retry with the same idempotencyKey returns the same entry; other details with it are a CONFLICT', async () => {
      const again = await join(w.unionA.organiser, { startDate: d(), headcount: 200, idempotencyKey: 'wl-key-1', answerBy: addDays(today, 3) });
      expect(again.id).toBe(mine.id);
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 199, idempotencyKey: 'wl-key-1' } }, w.unionA.organiser), 'CONFLICT', 'idempotencyKey');
    });

    it('another union, a base operator or the union’s approver cannot join for, leave or accept what is not theirs; they see only what they may', async () => {
      await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-wl', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
      const approver = await t.login('approver-wl', 'approver-pass-1');
      expect((await entry(mine.id, approver)).id).toBe(mine.id);
      expectError(await t.gql(LEAVE, { id: mine.id }, approver), 'FORBIDDEN');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 5 } }, approver), 'FORBIDDEN');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 5, unionId: w.unionA.id } }, w.unionB.organiser), 'FORBIDDEN', 'unionId');
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: d(), headcount: 5, unionId: w.unionA.id } }, w.baseA.operator), 'FORBIDDEN');
      expectError(await t.gql(GET, { id: mine.id }, w.unionB.organiser), 'NOT_FOUND');
      expectError(await t.gql(GET, { id: mine.id }, w.baseB.operator), 'NOT_FOUND');
      expect((await entry(mine.id, w.baseA.operator)).id).toBe(mine.id);
      expectError(await t.gql(LEAVE, { id: mine.id }, w.unionB.organiser), 'NOT_FOUND');
      expectError(await t.gql(LEAVE, { id: mine.id }, w.baseA.operator), 'FORBIDDEN');
      expectError(await t.gql(ACCEPT, { id: mine.id }, w.baseA.operator), 'FORBIDDEN');
      expectError(await t.gql(ACCEPT, { id: mine.id }, w.unionB.organiser), 'NOT_FOUND');
      expectError(await t.gql(ACCEPT, { id: 987654 }, w.unionA.organiser), 'NOT_FOUND');
      // Its own union, but nothing is offered yet.
      expectError(await t.gql(ACCEPT, { id: mine.id }, w.unionA.organiser), 'INVALID_TRANSITION');
      expectError(await t.gql(DECLINE, { id: mine.id }, w.unionA.organiser), 'INVALID_TRANSITION');
      expect((await entry(mine.id)).status).toBe('WAITING');
    });

    it('an admin joins for a union (naming it); an entry still waiting after its answerBy day expires by the sweep', async () => {
      // 200 people never fit a 100-bed base: it waits until answerBy (today + 3), then expires.
      const byAdmin = await join(w.admin, { startDate: d(), headcount: 5, unionId: w.unionB.id });
      expect(byAdmin).toMatchObject({ unionId: w.unionB.id, status: 'WAITING' });
      await t.ok(LEAVE, { id: byAdmin.id }, w.admin);
      const at = new Date(Date.parse(`${addDays(today, 4)}T00:00:00+08:00`));
      // (A sweep days ahead also lapses the offer still open above: only this entry is looked at here.)
      await sweep(new Date(at.getTime() - 1000));
      expect((await entry(mine.id)).status).toBe('WAITING');
      await sweep(at);
      expect((await entry(mine.id)).history.slice(-1)).toEqual([{ from: 'WAITING', to: 'EXPIRED', actor: 'system', reason: `no beds came back by the end of ${addDays(today, 3)}` }]);
    });
  });

  describe('beds that come back by other ways than a cancel', () => {
    const CLOSE = 'mutation($i:CloseDatesInput!){closeDates(input:$i){date}}';
    const REOPEN = 'mutation($i:ReopenDatesInput!){reopenDates(input:$i){date}}';
    const SET = 'mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}';

    it('a reopened night and added beds are offered by the next sweep; a smaller headcount too', async () => {
      const r = addDays(w.start, 30);
      await t.ok(CLOSE, { i: { baseId: w.baseA.id, from: addDays(r, 1), to: addDays(r, 1), reason: '消防检查' } }, w.baseA.operator);
      const closedRefusal = await t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: r, headcount: 10 } }, w.unionA.organiser);
      expect([errorCode(closedRefusal), closedRefusal.errors?.[0]?.extensions?.night]).toEqual(['BAD_USER_INPUT', addDays(r, 1)]);
      const onClosed = await join(w.unionA.organiser, { startDate: r, headcount: 10 });
      const big = await book(w.unionB.organiser, addDays(r, 3), 100);
      const onFull = await join(w.unionA.organiser, { startDate: addDays(r, 3), headcount: 20 });
      const onFullToo = await join(w.unionA.organiser, { startDate: addDays(r, 3), headcount: 5 });
      expect(await sweep()).toBe(0);
      await t.ok(REOPEN, { i: { baseId: w.baseA.id, from: addDays(r, 1), to: addDays(r, 1) } }, w.baseA.operator);
      await t.ok(SET, { i: { baseId: w.baseA.id, from: addDays(r, 3), to: addDays(r, 5), totalBeds: 120 } }, w.baseA.operator);
      expect(await sweep()).toBe(2);
      expect(await statuses([onClosed.id, onFull.id, onFullToo.id])).toEqual(['OFFERED', 'OFFERED', 'WAITING']);
      await t.ok('mutation($id:Int!){changeHeadcount(id:$id,headcount:95){id}}', { id: big.id }, w.unionB.organiser);
      expect(await sweep()).toBe(1);
      expect(await statuses([onClosed.id, onFull.id, onFullToo.id])).toEqual(['OFFERED', 'OFFERED', 'OFFERED']);
      expect(await reserved(addDays(r, 3), addDays(r, 5))).toEqual([120, 120, 120]);
      expect(await audit()).toEqual([]);
      for (const id of [onClosed.id, onFull.id, onFullToo.id]) await t.ok(DECLINE, { id }, w.unionA.organiser);
      expect(await reserved(addDays(r, 3), addDays(r, 5))).toEqual([95, 95, 95]);
      expect(await audit()).toEqual([]);
    });
  });

  describe('a partner, as for requestBatch: for a union of its region, under an agreement', () => {
    it('joins, sees, and accepts into a batch under the agreement; another region’s partner sees nothing; a union of another region is FORBIDDEN', async () => {
      const p = addDays(w.start, 50);
      const yf = await partnerOf(t, w, 'YF');
      const gz = await partnerOf(t, w, 'GZ');
      const agreementId = await activeAgreement(t, w.partner, yf, {
        partnerRegionId: w.regions.YF,
        title: '深云互派（候补）',
        from: today,
        to: addDays(today, 200),
        quotas: [{ fromRegionId: w.regions.SZ, personVisits: 100 }],
      });
      const full = await book(w.unionA.organiser, p, 100);
      expectError(await t.gql(JOIN, { i: { packageId: w.baseA.packageId, startDate: p, headcount: 8, unionId: w.unionA.id, agreementId } }, w.partner), 'FORBIDDEN', 'unionId');
      const waiting = await join(w.partner, { startDate: p, headcount: 8, unionId: w.unionB.id, agreementId });
      expect(waiting).toMatchObject({ status: 'WAITING', unionId: w.unionB.id, history: [{ to: 'WAITING', actor: 'partner-x' }] });
      expect((await entry(waiting.id, w.partner)).id).toBe(waiting.id);
      expectError(await t.gql(GET, { id: waiting.id }, gz), 'NOT_FOUND');
      expectError(await t.gql(LEAVE, { id: waiting.id }, gz), 'NOT_FOUND');
      await t.ok(CANCEL, { id: full.id }, w.unionA.organiser);
      expect(await sweep()).toBe(1);
      const accepted = (await t.ok(ACCEPT, { id: waiting.id }, w.partner)).acceptWaitingListOffer;
      expect(accepted.status).toBe('ACCEPTED');
      const batch = (await t.ok('query($id:Int!){batch(id:$id){status headcount union{id} agreement{id}}}', { id: accepted.batchId }, w.partner)).batch;
      expect(batch).toEqual({ status: 'REQUESTED', headcount: 8, union: { id: w.unionB.id }, agreement: { id: agreementId } });
      expect(await reserved(p, addDays(p, 2))).toEqual([8, 8, 8]);
      expect(await audit()).toEqual([]);
    });
  });

  describe('concurrent frees never offer the same beds twice', () => {
    const c = () => addDays(w.start, 40);

    it('five cancels at once, then two sweeps at once: exactly the first five entries that fit are offered, and every bed is counted once', async () => {
      const batches = [];
      for (let i = 0; i < 10; i++) batches.push(await book(w.unionB.organiser, c(), 10));
      const waiting = [];
      for (let i = 0; i < 8; i++) waiting.push((await join(w.unionA.organiser, { startDate: c(), headcount: 10 })).id);
      expect(await reserved(c(), addDays(c(), 2))).toEqual([100, 100, 100]);
      const cancels = await Promise.all(batches.slice(0, 5).map((b) => t.gql(CANCEL, { id: b.id }, w.unionB.organiser)));
      expect(cancels.map((r) => r.data?.cancelBatch?.status)).toEqual(Array(5).fill('CANCELLED'));
      expect(await reserved(c(), addDays(c(), 2))).toEqual([50, 50, 50]);
      const [one, two] = await Promise.all([sweep(), sweep()]);
      expect(one + two).toBe(5);
      expect(await statuses(waiting)).toEqual([...Array(5).fill('OFFERED'), ...Array(3).fill('WAITING')]);
      expect(await reserved(c(), addDays(c(), 2))).toEqual([100, 100, 100]);
      expect(await audit()).toEqual([]);
      // Two runs of every sweep at once, as two ticks would: nothing more to offer.
      const scheduler = t.get(SweepScheduler);
      const runs = await Promise.all([scheduler.runAll(), scheduler.runAll()]);
      expect(runs.map((r) => r['waiting list'])).toEqual([0, 0]);
    });

    it('three declines at once pass their beds on to exactly the three entries still waiting, once each', async () => {
      const list = (await t.ok(LIST, { f: { baseId: w.baseA.id }, first: 100 }, w.admin)).waitingList.edges.map((x: any) => x.node);
      const here = await Promise.all(list.map(async (n: any) => entry(n.id)));
      const onC = here.filter((x: any) => x.startDate === c());
      const offered = onC.filter((x: any) => x.status === 'OFFERED').map((x: any) => x.id);
      const waiting = onC.filter((x: any) => x.status === 'WAITING').map((x: any) => x.id);
      expect([offered.length, waiting.length]).toEqual([5, 3]);
      const results = await Promise.all(offered.slice(0, 3).map((id: number) => t.gql(DECLINE, { id }, w.unionA.organiser)));
      expect(results.map((r) => r.data?.declineWaitingListOffer?.status)).toEqual(['DECLINED', 'DECLINED', 'DECLINED']);
      expect(await statuses(waiting)).toEqual(['OFFERED', 'OFFERED', 'OFFERED']);
      expect(await reserved(c(), addDays(c(), 2))).toEqual([100, 100, 100]);
      expect(await sweep()).toBe(0);
      expect(await audit()).toEqual([]);
    });

    it('two acceptances of one offer at once: one batch, the other INVALID_TRANSITION, the beds counted once', async () => {
      const list = (await t.ok(LIST, { f: { status: 'OFFERED' }, first: 100 }, w.admin)).waitingList.edges.map((x: any) => x.node.id);
      const target = (await Promise.all(list.map((id: number) => entry(id)))).find((x: any) => x.startDate === c());
      const results = await Promise.all([1, 2, 3].map(() => t.gql(ACCEPT, { id: target.id }, w.unionA.organiser)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).map(errorCode)).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION']);
      expect(await reserved(c(), addDays(c(), 2))).toEqual([100, 100, 100]);
      expect(await audit()).toEqual([]);
    });
  });
});
