import { SignUpSweeper } from '@app/roster';
import { addDays, todayInShanghai } from '@app/shared';
import { DataSource } from 'typeorm';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { clientToken, registerClient } from './support/platform.js';
import { DB_KIND, errorCode, type GqlResult, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, calendar, REQUEST_BATCH, type World } from './support/world.js';

/** Sign-ups (报名, issue 17) for a trip not yet booked: opened with a package, an arrival day and places; booked at the closing for as many as were selected — through the real API. */
describe(`sign-ups for a trip not yet booked (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  /** A year after every stay the world starts with: people's yearly days there start from nothing. */
  let Y: number;

  const ROUND = 'id batchId unionId packageId baseId startDate endDate rule status deadline places seed openedBy closedAt closedBy notBookedCode notBookedReason';
  const SIGN = 'id roundId batchId seq status name idNumberMasked reservePosition participantId history{from to actor reason}';
  const OPEN = `mutation($i:OpenSignUpInput!){openSignUp(input:$i){${ROUND}}}`;
  const SIGN_UP = `mutation($i:SignUpInput!){signUp(input:$i){${SIGN}}}`;
  const CLOSE = `mutation($r:Int!){closeSignUp(roundId:$r){${ROUND}}}`;
  const WITHDRAW = `mutation($id:Int!,$r:String){withdrawSignUp(id:$id,reason:$r){${SIGN}}}`;
  const ROUND_VIEW = `query($id:Int!){signUpRound(id:$id){${ROUND} signUps{${SIGN}}}}`;
  const BATCH_VIEW = `query($id:Int!){batch(id:$id){id status headcount startDate endDate notes participantCount participants{id name} signUp{id status} signUps{seq status}}}`;

  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const trip = (startDate: string, places: number, extra: Record<string, unknown> = {}) => ({ packageId: w.baseA.packageId, startDate, places, rule: 'FIRST_COME', deadline: inHours(24), ...extra });
  const worker = (roundId: number, n: number) => ({ roundId, ...person(n), room: undefined });
  const open = async (input: Record<string, unknown>, token = w.unionA.organiser) => (await t.ok<any>(OPEN, { i: input }, token)).openSignUp;
  const sign = async (roundId: number, n: number, token = w.unionA.organiser) => (await t.ok<any>(SIGN_UP, { i: worker(roundId, n) }, token)).signUp;
  const round = async (id: number, token = w.unionA.organiser) => (await t.ok<any>(ROUND_VIEW, { id }, token)).signUpRound;
  const names = (ns: number[]) => ns.map((n) => `测试${n}号`);
  /** Batches booked from a round: its closing writes the round's id into the batch's notes. */
  const bookedFrom = async (roundId: number) => Number((await t.get(DataSource).query('SELECT COUNT(*) AS n FROM batch WHERE notes LIKE ?', [`Booked at the closing of sign-up ${roundId} (%`]))[0].n);

  function expectError(res: GqlResult, code: string, field?: string) {
    expect({ code: errorCode(res), field: res.errors?.[0]?.extensions?.field, data: res.data ? Object.values(res.data)[0] : null }).toEqual({
      code,
      field: field ?? res.errors?.[0]?.extensions?.field,
      data: null,
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 200, nightsOfBeds: 700 });
    Y = Number(addDays(w.start, 10).slice(0, 4)) + 1;
  });
  afterAll(() => t.close());

  it('bad input is refused with its code and field, and opens nothing', async () => {
    const batch = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: `${Y}-05-03`, headcount: 4 } }, w.unionA.organiser)).requestBatch;
    const refuse = async (input: Record<string, unknown>, code: string, field?: string, token = w.unionA.organiser) => expectError(await t.gql(OPEN, { i: input }, token), code, field);
    const { packageId: _p, startDate: _s, places: _n, ...neither } = trip(`${Y}-05-10`, 4);
    await refuse({ ...trip(`${Y}-05-10`, 4), batchId: batch.id }, 'BAD_USER_INPUT', 'input.batchId');
    await refuse(neither, 'BAD_USER_INPUT', 'input.batchId');
    // Checked by the input's own rules (@Min), which name the field as the input type does.
    await refuse(trip(`${Y}-05-10`, 0), 'BAD_USER_INPUT', 'places');
    await refuse({ ...trip(`${Y}-05-10`, 4), places: null }, 'BAD_USER_INPUT', 'input.places');
    await refuse(trip(`${Y}-05-10`, 201), 'BAD_USER_INPUT', 'input.places');
    await refuse({ ...trip(`${Y}-05-10`, 4), startDate: null }, 'BAD_USER_INPUT', 'input.startDate');
    await refuse(trip(addDays(todayInShanghai(), -3), 4), 'BAD_USER_INPUT', 'input.startDate');
    await refuse(trip(todayInShanghai(), 4), 'BAD_USER_INPUT', 'input.startDate');
    await refuse(trip(`${Y}-05-10`, 4, { deadline: inHours(-1) }), 'BAD_USER_INPUT', 'input.deadline');
    // The deadline must come before the list would freeze (the base's cut-off, 3 days before arrival).
    await refuse(trip(addDays(todayInShanghai(), 3), 4, { deadline: inHours(24) }), 'BAD_USER_INPUT', 'input.deadline');
    await refuse(trip(`${Y}-05-10`, 4, { packageId: 987654 }), 'NOT_FOUND', 'input.packageId');
    await refuse(trip(`${Y}-05-10`, 4, { unionId: w.unionB.id }), 'FORBIDDEN', 'input.unionId');
    await refuse(trip(`${Y}-05-10`, 4), 'BAD_USER_INPUT', 'input.unionId', w.admin);
    await refuse(trip(`${Y}-05-10`, 4), 'FORBIDDEN', undefined, w.baseA.operator);
    // A batch's sign-up takes its dates from the batch.
    await refuse({ batchId: batch.id, rule: 'FIRST_COME', deadline: inHours(24), startDate: `${Y}-05-10` }, 'BAD_USER_INPUT', 'input.startDate');
    expect(Number((await t.get(DataSource).query('SELECT COUNT(*) AS n FROM sign_up_round'))[0].n)).toBe(0);
  });

  describe('a trip: sign-ups, then the closing books it for the number selected', () => {
    let r: any;
    let yearly: { id: number; reference: string };
    const signed = new Map<number, any>();

    it("opens for the organiser's union: no batch yet, the dates from the package", async () => {
      yearly = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: `${Y}-03-02`, headcount: 1 } }, w.unionA.organiser)).requestBatch;
      await t.ok(ADD_PARTICIPANTS, { b: yearly.id, p: [person(5901)] }, w.unionA.organiser);
      r = await open(trip(`${Y}-06-08`, 4));
      expect(r).toMatchObject({
        batchId: null,
        unionId: w.unionA.id,
        packageId: w.baseA.packageId,
        baseId: w.baseA.id,
        startDate: `${Y}-06-08`,
        endDate: `${Y}-06-11`,
        status: 'OPEN',
        places: 4,
        openedBy: 'org-ua',
        notBookedCode: null,
      });
      expect(await round(r.id)).toMatchObject({ id: r.id, status: 'OPEN', signUps: [] });
      expect((await round(r.id, w.admin)).id).toBe(r.id);
      expectError(await t.gql(ROUND_VIEW, { id: r.id }, w.unionB.organiser), 'NOT_FOUND', 'id');
      expectError(await t.gql(ROUND_VIEW, { id: r.id }, w.baseA.operator), 'FORBIDDEN');
    });

    it("sign-ups by roundId, checked against the trip's dates: the same person twice is one sign-up, over the yearly days refused", async () => {
      const client = await registerClient(t, w.admin, { name: '粤工惠', unionIds: [w.unionA.id], operations: ['signUp', 'signUpRound', 'withdrawSignUp'], webhookUrl: 'https://ygh.example.cn/rr' });
      const platform = await clientToken(t.url, client);
      for (const n of [5000, 5001, 5002]) signed.set(n, await sign(r.id, n));
      signed.set(5003, await sign(r.id, 5003, platform));
      signed.set(5004, await sign(r.id, 5004));
      signed.set(5005, await sign(r.id, 5005));
      expect(await sign(r.id, 5001, platform)).toEqual(signed.get(5001));
      expect([...signed.values()].map((s) => [s.seq, s.roundId, s.batchId, s.status])).toEqual([1, 2, 3, 4, 5, 6].map((seq) => [seq, r.id, null, 'SIGNED_UP']));
      expect(signed.get(5003).history[0].actor).toBe(`client:${client.clientId}`);
      // 5901 has 4 days in Y already (5 allowed); the trip would add 4.
      const over = await t.gql(SIGN_UP, { i: worker(r.id, 5901) }, w.unionA.organiser);
      expectError(over, 'POLICY_VIOLATION', 'input.idNumber');
      expect(over.errors![0].message).toContain(`would have 8 days of stays in ${Y}`);
      expect(over.errors![0].message).toContain(`${yearly.reference} (4 days)`);
      // Exactly one of batchId and roundId; another union's round is not there.
      expectError(await t.gql(SIGN_UP, { i: { ...worker(r.id, 5100), batchId: yearly.id } }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.batchId');
      expectError(await t.gql(SIGN_UP, { i: { ...worker(r.id, 5100), roundId: undefined } }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.batchId');
      expectError(await t.gql(SIGN_UP, { i: worker(r.id, 5100) }, w.unionB.organiser), 'NOT_FOUND', 'input.roundId');
      expectError(await t.gql(SIGN_UP, { i: worker(987654, 5100) }, w.unionA.organiser), 'NOT_FOUND', 'input.roundId');
      expect((await t.ok<any>(ROUND_VIEW, { id: r.id }, platform)).signUpRound.signUps).toHaveLength(6);
      // One withdraws before the closing: nobody is on a list yet.
      const gone = (await t.ok<any>(WITHDRAW, { id: signed.get(5002).id, r: '家中有事' }, platform)).withdrawSignUp;
      expect(gone).toMatchObject({ status: 'WITHDRAWN', batchId: null });
      expectError(await t.gql(WITHDRAW, { id: signed.get(5004).id }, w.unionB.organiser), 'NOT_FOUND', 'id');
      expectError(await t.gql(CLOSE, { r: r.id }, w.unionB.organiser), 'NOT_FOUND', 'roundId');
      expectError(await t.gql(CLOSE, { r: r.id }, platform), 'FORBIDDEN');
      expectError(await t.gql('mutation{closeSignUp{id}}', {}, w.unionA.organiser), 'BAD_USER_INPUT', 'batchId');
      // Each sign-up went out as an event for the platform, by the round (no batch yet).
      const events = await t.get(DataSource).query("SELECT batchId, unionId, payload FROM outbox_event WHERE type = 'sign_up.status_changed' ORDER BY id");
      const mine = events.map((e: any) => ({ ...e, payload: JSON.parse(e.payload) })).filter((e: any) => e.payload.roundId === r.id);
      expect(mine.map((e: any) => [e.batchId, e.unionId, e.payload.to])).toEqual([...[1, 2, 3, 4, 5, 6].map(() => [null, w.unionA.id, 'SIGNED_UP']), [null, w.unionA.id, 'WITHDRAWN']]);
    });

    it('closing books a REQUESTED batch for the 4 selected (of 5), puts them on its rooming list in order, the fifth the reserve', async () => {
      const before = (await calendar(t, w.admin, w.baseA.id, `${Y}-06-08`, `${Y}-06-10`)).map((n) => n.reservedBeds);
      const closed = (await t.ok<any>(CLOSE, { r: r.id }, w.unionA.organiser)).closeSignUp;
      expect(closed).toMatchObject({ status: 'CLOSED', closedBy: 'org-ua', notBookedCode: null, batchId: expect.any(Number) });
      const batch = (await t.ok<any>(BATCH_VIEW, { id: closed.batchId }, w.unionA.organiser)).batch;
      expect(batch).toMatchObject({ status: 'REQUESTED', headcount: 4, startDate: `${Y}-06-08`, endDate: `${Y}-06-11`, participantCount: 4, signUp: { id: r.id, status: 'CLOSED' } });
      expect(batch.participants.map((p: any) => p.name)).toEqual(names([5000, 5001, 5003, 5004]));
      expect((await calendar(t, w.admin, w.baseA.id, `${Y}-06-08`, `${Y}-06-10`)).map((n) => n.reservedBeds)).toEqual(before.map((b) => b + 4));
      const after = await round(r.id);
      expect(after.signUps.map((s: any) => [s.seq, s.status, s.batchId, s.reservePosition])).toEqual([
        [1, 'SELECTED', batch.id, null],
        [2, 'SELECTED', batch.id, null],
        [3, 'WITHDRAWN', batch.id, null],
        [4, 'SELECTED', batch.id, null],
        [5, 'SELECTED', batch.id, null],
        [6, 'RESERVE', batch.id, 1],
      ]);
      expect(after.signUps.filter((s: any) => s.status === 'SELECTED').map((s: any) => s.participantId)).toEqual(batch.participants.map((p: any) => p.id));
      // One booking event, in the closing's transaction, and the round's own event.
      const events = await t.get(DataSource).query('SELECT type, payload FROM outbox_event WHERE batchId = ? ORDER BY id', [batch.id]);
      const typed = events.map((e: any) => ({ type: e.type, ...JSON.parse(e.payload) }));
      expect(typed.filter((e: any) => e.type === 'batch.status_changed').map((e: any) => [e.from, e.to, e.headcount])).toEqual([[null, 'REQUESTED', 4]]);
      expect(typed.filter((e: any) => e.type === 'sign_up_round.status_changed')).toEqual([
        expect.objectContaining({ roundId: r.id, batchId: batch.id, from: 'OPEN', to: 'CLOSED', places: 4, selected: 4, notBookedCode: null }),
      ]);
      expect(typed.filter((e: any) => e.type === 'sign_up.status_changed').map((e: any) => e.to)).toEqual(['SELECTED', 'SELECTED', 'SELECTED', 'SELECTED', 'RESERVE']);
      // Closed: no second closing, no new sign-up; the same person still answers their sign-up.
      expectError(await t.gql(CLOSE, { r: r.id }, w.unionA.organiser), 'INVALID_TRANSITION', 'roundId');
      expectError(await t.gql(SIGN_UP, { i: worker(r.id, 5100) }, w.unionA.organiser), 'INVALID_TRANSITION', 'input.roundId');
      expect((await sign(r.id, 5004)).status).toBe('SELECTED');
      // From now on it is a batch's sign-up: a selected worker who withdraws is replaced by the reserve.
      await t.ok(WITHDRAW, { id: signed.get(5001).id }, w.unionA.organiser);
      const moved = (await t.ok<any>(BATCH_VIEW, { id: batch.id }, w.unionA.organiser)).batch;
      expect(moved.participants.map((p: any) => p.name)).toEqual(names([5000, 5003, 5004, 5005]));
      expect(await bookedFrom(r.id)).toBe(1);
    });
  });

  it('at the deadline the sweep books the trip once, even run twice at the same time; fewer sign-ups than places book fewer', async () => {
    const r = await open(trip(`${Y}-07-06`, 10, { rule: 'LOTTERY', seed: 'trip-17', deadline: inHours(1) }));
    for (const n of [6000, 6001, 6002]) await sign(r.id, n);
    const sweeper = t.get(SignUpSweeper);
    expect(await sweeper.sweep(new Date())).toBe(0);
    const later = new Date(Date.now() + 2 * 3_600_000);
    const runs = await Promise.all([sweeper.sweep(later), sweeper.sweep(later)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await sweeper.sweep(later)).toBe(0);
    const after = await round(r.id);
    expect(after).toMatchObject({ status: 'CLOSED', closedBy: 'system', batchId: expect.any(Number) });
    expect(await bookedFrom(r.id)).toBe(1);
    const batch = (await t.ok<any>(BATCH_VIEW, { id: after.batchId }, w.unionA.organiser)).batch;
    expect(batch).toMatchObject({ status: 'REQUESTED', headcount: 3, participantCount: 3 });
    expect(after.signUps.map((s: any) => s.status)).toEqual(['SELECTED', 'SELECTED', 'SELECTED']);
    const booked = await t.get(DataSource).query("SELECT COUNT(*) AS n FROM outbox_event WHERE type = 'batch.status_changed' AND batchId = ?", [after.batchId]);
    expect(Number(booked[0].n)).toBe(1);
  });

  it("beds gone at the closing: NOT_BOOKED with the booking's reason, no batch, every waiting sign-up INELIGIBLE with why", async () => {
    const day = `${Y}-08-03`;
    await t.ok('mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}', { i: { baseId: w.baseB.id, from: day, to: addDays(day, 2), totalBeds: 3 } }, w.admin);
    const r = await open(trip(day, 3, { packageId: w.baseB.packageId }));
    for (const n of [7000, 7001, 7002]) await sign(r.id, n);
    // Meanwhile union B books two of the three beds.
    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: day, headcount: 2 } }, w.unionB.organiser);
    const closed = (await t.ok<any>(CLOSE, { r: r.id }, w.unionA.organiser)).closeSignUp;
    expect(closed).toMatchObject({ status: 'NOT_BOOKED', batchId: null, notBookedCode: 'CAPACITY_EXCEEDED', closedBy: 'org-ua' });
    expect(closed.notBookedReason).toMatch(/\S/);
    expect(await bookedFrom(r.id)).toBe(0);
    expect((await calendar(t, w.admin, w.baseB.id, day, addDays(day, 2))).map((n) => n.reservedBeds)).toEqual([2, 2, 2]);
    const after = await round(r.id);
    expect(after.signUps.map((s: any) => [s.status, s.batchId])).toEqual([1, 2, 3].map(() => ['INELIGIBLE', null]));
    expect(after.signUps[0].history.map((h: any) => [h.to, h.reason])).toEqual([
      ['SIGNED_UP', null],
      ['INELIGIBLE', `The trip was not booked: ${closed.notBookedReason}`],
    ]);
    const event = await t.get(DataSource).query("SELECT unionId, payload FROM outbox_event WHERE type = 'sign_up_round.status_changed' ORDER BY id DESC LIMIT 1");
    expect({ unionId: event[0].unionId, ...JSON.parse(event[0].payload) }).toMatchObject({ unionId: w.unionA.id, roundId: r.id, to: 'NOT_BOOKED', notBookedCode: 'CAPACITY_EXCEEDED', batchId: null });
    expectError(await t.gql(CLOSE, { r: r.id }, w.unionA.organiser), 'INVALID_TRANSITION', 'roundId');
  });

  it("signUpRounds lists the union's rounds newest first, by state, a page at a time; another union's organiser sees none of them", async () => {
    const LIST = 'query($s:SignUpRoundStatus,$a:String){signUpRounds(first:2,status:$s,after:$a){totalCount pageInfo{hasNextPage endCursor} edges{node{id unionId status}}}}';
    const list = async (token: string, status?: string, after?: string) => (await t.ok<any>(LIST, { s: status ?? null, a: after ?? null }, token)).signUpRounds;
    const mine = await t.get(DataSource).query('SELECT id, status FROM sign_up_round WHERE unionId = ? ORDER BY id DESC', [w.unionA.id]);
    expect(mine.length).toBeGreaterThanOrEqual(3);
    const first = await list(w.unionA.organiser);
    expect(first.totalCount).toBe(mine.length);
    expect(first.edges.map((e: any) => e.node.id)).toEqual(mine.slice(0, 2).map((r: any) => r.id));
    const second = await list(w.unionA.organiser, undefined, first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => e.node.id)).toEqual(mine.slice(2, 4).map((r: any) => r.id));
    const open = mine.filter((r: any) => r.status === 'OPEN');
    expect((await list(w.unionA.organiser, 'OPEN')).totalCount).toBe(open.length);
    expect(await list(w.unionB.organiser)).toMatchObject({ totalCount: 0, edges: [] });
    expect((await list(w.admin)).totalCount).toBeGreaterThanOrEqual(mine.length);
    expectError(await t.gql('query{signUpRounds(first:0){totalCount}}', {}, w.unionA.organiser), 'BAD_USER_INPUT', 'first');
  });

  it("fewer eligible sign-ups than the package's smallest group: NOT_BOOKED, TOO_FEW_SIGN_UPS", async () => {
    const pkg = (
      await t.ok<any>(
        'mutation($i:CreatePackageInput!){createPackage(input:$i){id}}',
        { i: { baseId: w.baseA.id, name: 'groups of 5+', nights: 2, pricePerPerson: '1200.00', minGroupSize: 5, maxGroupSize: 40 } },
        w.admin,
      )
    ).createPackage;
    expectError(await t.gql(OPEN, { i: trip(`${Y}-09-07`, 4, { packageId: pkg.id }) }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.places');
    const r = await open(trip(`${Y}-09-07`, 8, { packageId: pkg.id }));
    expect(r.endDate).toBe(`${Y}-09-09`);
    for (const n of [8000, 8001]) await sign(r.id, n);
    const closed = (await t.ok<any>(CLOSE, { r: r.id }, w.admin)).closeSignUp;
    expect(closed).toMatchObject({ status: 'NOT_BOOKED', batchId: null, notBookedCode: 'TOO_FEW_SIGN_UPS', closedBy: 'admin' });
    expect(closed.notBookedReason).toBe('2 eligible sign-ups, and package "groups of 5+" takes groups of 5 or more');
    expect((await round(r.id)).signUps.map((s: any) => s.status)).toEqual(['INELIGIBLE', 'INELIGIBLE']);
    expect(await bookedFrom(r.id)).toBe(0);
  });
});
