import { createHash } from 'node:crypto';
import { SignUpSweeper } from '@app/roster';
import { addDays, SweepScheduler } from '@app/shared';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { onDay, readyForCheckIn } from './support/stays.js';
import { DB_KIND, errorCode, type GqlResult, startTestApp, type TestApp } from './support/test-app.js';
import { DataSource } from 'typeorm';
import { clientToken, registerClient } from './support/platform.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

/** Sign-ups (报名, issue 17): a batch opened for sign-up, 50 sign-ups, each rule's choice onto the rooming list, the reserve moving up — through the real API. */
describe(`sign-ups (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  /** A year after every past stay of this test: people's yearly days there start from nothing. */
  let Y: number;

  const ROUND = 'id batchId unionId rule status deadline places seed openedBy closedAt closedBy';
  const SIGN = 'id batchId seq status name idNumberMasked phoneMasked employer category lastStayDate reservePosition participantId history{from to actor reason}';
  const OPEN = `mutation($i:OpenSignUpInput!){openSignUp(input:$i){${ROUND}}}`;
  const SIGN_UP = `mutation($i:SignUpInput!){signUp(input:$i){${SIGN}}}`;
  const CLOSE = `mutation($b:Int!){closeSignUp(batchId:$b){${ROUND}}}`;
  const WITHDRAW = `mutation($id:Int!,$r:String){withdrawSignUp(id:$id,reason:$r){${SIGN}}}`;
  const VIEW = `query($id:Int!){batch(id:$id){participantCount participants{id name idNumberMasked} signUp{${ROUND}} signUps{${SIGN}}}}`;

  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const batch = async (startDate: string, headcount: number) =>
    (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount } }, w.unionA.organiser)).requestBatch as { id: number; reference: string };
  /** A sign-up's input: person n without the list-only room. */
  const worker = (batchId: number, n: number) => ({ batchId, ...person(n), room: undefined });
  const view = async (id: number, token = w.unionA.organiser) => (await t.ok<any>(VIEW, { id }, token)).batch;
  const names = (ns: number[]) => ns.map((n) => `测试${n}号`);

  function expectError(res: GqlResult, code: string, field?: string) {
    expect({ code: errorCode(res), field: res.errors?.[0]?.extensions?.field, data: res.data ? Object.values(res.data)[0] : null }).toEqual({
      code,
      field: field ?? res.errors?.[0]?.extensions?.field,
      data: null,
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 200, nightsOfBeds: 600 });
    Y = Number(addDays(w.start, 10).slice(0, 4)) + 1;
  });
  afterAll(() => t.close());

  it('is one of the sweeps the scheduler runs', () => {
    expect(t.get(SweepScheduler).names).toContain('sign-ups');
  });

  describe('FIRST_COME: 50 sign-ups for 10 places', () => {
    let fc: { id: number; reference: string };
    let yearly: { id: number; reference: string };
    let overlap: { id: number; reference: string };
    const signed = new Map<number, any>();

    beforeAll(async () => {
      fc = await batch(`${Y}-06-08`, 10);
      // Three people already have 4 days in Y (5 allowed); two are booked on nights that overlap fc's.
      yearly = await batch(`${Y}-03-02`, 3);
      await t.ok(ADD_PARTICIPANTS, { b: yearly.id, p: [1901, 1902, 1903].map((n) => person(n)) }, w.unionA.organiser);
      overlap = await batch(`${Y}-06-09`, 2);
      await t.ok(ADD_PARTICIPANTS, { b: overlap.id, p: [1951, 1952].map((n) => person(n)) }, w.unionA.organiser);
    });

    it('opens for sign-up with the rule, a deadline and the headcount as places; bad input and wrong callers are refused', async () => {
      expectError(await t.gql(OPEN, { i: { batchId: fc.id, rule: 'FIRST_COME', deadline: inHours(-1) } }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.deadline');
      expectError(await t.gql(OPEN, { i: { batchId: fc.id, rule: 'FIRST_COME', deadline: inHours(24), places: 11 } }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.places');
      expectError(await t.gql(OPEN, { i: { batchId: fc.id, rule: 'FIRST_COME', deadline: inHours(24), seed: 'x' } }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.seed');
      expectError(await t.gql(OPEN, { i: { batchId: fc.id, rule: 'FIRST_COME', deadline: inHours(24) } }, w.unionB.organiser), 'NOT_FOUND', 'input.batchId');
      expectError(await t.gql(OPEN, { i: { batchId: fc.id, rule: 'FIRST_COME', deadline: inHours(24) } }, w.baseA.operator), 'FORBIDDEN');
      const round = (await t.ok<any>(OPEN, { i: { batchId: fc.id, rule: 'FIRST_COME', deadline: inHours(24) } }, w.unionA.organiser)).openSignUp;
      expect(round).toMatchObject({ batchId: fc.id, unionId: w.unionA.id, rule: 'FIRST_COME', status: 'OPEN', places: 10, seed: null, closedAt: null });
      expectError(await t.gql(OPEN, { i: { batchId: fc.id, rule: 'LOTTERY', deadline: inHours(24) } }, w.unionA.organiser), 'CONFLICT', 'input.batchId');
    });

    it('50 sign-ups: 40 people, 5 sent twice (one sign-up each), 3 over the yearly days and 2 on an overlapping stay refused with why', async () => {
      const calls: Array<{ n: number; token: string }> = [];
      for (let n = 1000; n < 1040; n++) {
        calls.push({ n, token: n === 1039 ? w.admin : w.unionA.organiser });
        if (n === 1005) for (const y of [1901, 1902, 1903]) calls.push({ n: y, token: w.unionA.organiser });
        if (n === 1020) for (const o of [1951, 1952]) calls.push({ n: o, token: w.unionA.organiser });
        if (n >= 1030 && n < 1035) calls.push({ n: n - 30, token: w.unionA.organiser });
      }
      expect(calls.length).toBe(50);
      const refused: Record<number, { code: string | undefined; field: unknown; message: string }> = {};
      for (const { n, token } of calls) {
        const res = await t.gql<any>(SIGN_UP, { i: worker(fc.id, n) }, token);
        if (res.errors) {
          refused[n] = { code: errorCode(res), field: res.errors[0].extensions!.field, message: res.errors[0].message };
          continue;
        }
        const s = res.data!.signUp;
        if (signed.has(n)) expect(s).toEqual(signed.get(n));
        else signed.set(n, s);
      }
      expect(signed.size).toBe(40);
      expect([...signed.values()].map((s) => s.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(Object.keys(refused).map(Number).sort()).toEqual([1901, 1902, 1903, 1951, 1952]);
      for (const y of [1901, 1902, 1903]) {
        expect(refused[y]).toEqual({
          code: 'POLICY_VIOLATION',
          field: 'input.idNumber',
          message: `This person would have 8 days of stays in ${Y} (this batch 4, ${yearly.reference} (4 days)); the union's policy allows 5 per person per year`,
        });
      }
      for (const o of [1951, 1952]) {
        expect(refused[o]).toEqual({ code: 'BAD_USER_INPUT', field: 'input.idNumber', message: expect.stringContaining(`already booked on batch ${overlap.reference}`) });
        expect(refused[o].message).toContain('whose nights overlap');
      }
      const first = signed.get(1000);
      expect(first).toMatchObject({ status: 'SIGNED_UP', name: '测试1000号', lastStayDate: null, reservePosition: null, participantId: null, history: [{ from: null, to: 'SIGNED_UP' }] });
      expect(first.idNumberMasked).toContain('*');
      expect(first.phoneMasked).toContain('*');
      const listed = await view(fc.id);
      expect(listed.signUps).toHaveLength(40);
      expect(JSON.stringify(listed)).not.toContain(person(1000).idNumber);
      expect(JSON.stringify(listed)).not.toContain(person(1000).phone);
    });

    it('bad input and wrong callers are refused, and sign nobody up', async () => {
      expectError(await t.gql(SIGN_UP, { i: worker(fc.id, 1100) }, w.unionB.organiser), 'NOT_FOUND', 'input.batchId');
      expectError(await t.gql(SIGN_UP, { i: worker(fc.id, 1100) }, w.baseA.operator), 'FORBIDDEN');
      expectError(await t.gql(SIGN_UP, { i: worker(fc.id, 1100) }, w.partner), 'FORBIDDEN');
      expectError(await t.gql(SIGN_UP, { i: { ...worker(fc.id, 1100), idNumber: '440102196501010000' } }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.idNumber');
      expectError(await t.gql(SIGN_UP, { i: { ...worker(fc.id, 1100), phone: '12345' } }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.phone');
      expectError(await t.gql(SIGN_UP, { i: worker(yearly.id, 1100) }, w.unionA.organiser), 'BAD_USER_INPUT', 'input.batchId');
      expectError(await t.gql(CLOSE, { b: fc.id }, w.unionB.organiser), 'NOT_FOUND', 'batchId');
      expectError(await t.gql(CLOSE, { b: fc.id }, w.baseA.operator), 'FORBIDDEN');
      expect((await view(fc.id)).signUps).toHaveLength(40);
    });

    it('closing selects the first 10 the list still takes, in order of arrival, onto the rooming list; the other 29 are the reserve in order', async () => {
      // Meanwhile the second to sign up was put on another batch of Y: over the yearly days now, so passed over with why.
      const february = await batch(`${Y}-02-02`, 1);
      await t.ok(ADD_PARTICIPANTS, { b: february.id, p: [person(1001)] }, w.unionA.organiser);
      const round = (await t.ok<any>(CLOSE, { b: fc.id }, w.unionA.organiser)).closeSignUp;
      expect(round).toMatchObject({ status: 'CLOSED', closedBy: 'org-ua' });
      const after = await view(fc.id);
      const selected = after.signUps.filter((s: any) => s.status === 'SELECTED');
      expect(selected.map((s: any) => s.seq)).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(after.participantCount).toBe(10);
      expect(after.participants.map((p: any) => p.name)).toEqual(names([1000, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010]));
      const passedOver = after.signUps.find((s: any) => s.seq === 2);
      expect(passedOver).toMatchObject({ status: 'INELIGIBLE', participantId: null, reservePosition: null });
      expect(passedOver.history.map((h: any) => h.to)).toEqual(['SIGNED_UP', 'INELIGIBLE']);
      expect(passedOver.history[1].reason).toBe(`would have 8 days of stays in ${Y} (this batch 4, ${february.reference} (4 days)); the union's policy allows 5 per person per year`);
      expect(selected.map((s: any) => s.participantId)).toEqual(after.participants.map((p: any) => p.id));
      const reserve = after.signUps.filter((s: any) => s.status === 'RESERVE');
      expect(reserve.map((s: any) => [s.seq, s.reservePosition])).toEqual(Array.from({ length: 29 }, (_, i) => [i + 12, i + 1]));
      expect(selected[0].history.map((h: any) => h.to)).toEqual(['SIGNED_UP', 'SELECTED']);
      expectError(await t.gql(SIGN_UP, { i: worker(fc.id, 1100) }, w.unionA.organiser), 'INVALID_TRANSITION', 'input.batchId');
      expectError(await t.gql(CLOSE, { b: fc.id }, w.unionA.organiser), 'INVALID_TRANSITION', 'batchId');
      // The same person again still answers their sign-up.
      expect((await t.ok<any>(SIGN_UP, { i: worker(fc.id, 1003) }, w.unionA.organiser)).signUp).toMatchObject({ id: signed.get(1003).id, status: 'SELECTED' });
    });

    it('a selected worker who withdraws leaves the list and the first of the reserve moves up; one in the reserve just leaves it', async () => {
      expectError(await t.gql(WITHDRAW, { id: signed.get(1003).id }, w.unionB.organiser), 'NOT_FOUND', 'id');
      expectError(await t.gql(WITHDRAW, { id: signed.get(1003).id }, w.baseA.operator), 'FORBIDDEN');
      const gone = (await t.ok<any>(WITHDRAW, { id: signed.get(1003).id, r: '家中有事' }, w.unionA.organiser)).withdrawSignUp;
      expect(gone).toMatchObject({ status: 'WITHDRAWN', reservePosition: null });
      expect(gone.history.map((h: any) => [h.to, h.reason])).toEqual([
        ['SIGNED_UP', null],
        ['SELECTED', null],
        ['WITHDRAWN', '家中有事'],
      ]);
      let after = await view(fc.id);
      expect(after.participantCount).toBe(10);
      expect(after.participants.map((p: any) => p.name)).toEqual(names([1000, 1002, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011]));
      const movedUp = after.signUps.find((s: any) => s.seq === 12);
      expect(movedUp).toMatchObject({ status: 'SELECTED', reservePosition: null, participantId: after.participants[9].id });
      expect(movedUp.history.map((h: any) => h.to)).toEqual(['SIGNED_UP', 'RESERVE', 'SELECTED']);
      expect(after.signUps.filter((s: any) => s.status === 'RESERVE').map((s: any) => [s.seq, s.reservePosition])).toEqual(Array.from({ length: 28 }, (_, i) => [i + 13, i + 1]));
      // One in the reserve (seq 15, position 3) withdraws: the list stays, the reserve closes up.
      expect((await t.ok<any>(WITHDRAW, { id: signed.get(1014).id }, w.admin)).withdrawSignUp.status).toBe('WITHDRAWN');
      after = await view(fc.id);
      expect(after.participantCount).toBe(10);
      expect(after.signUps.filter((s: any) => s.status === 'RESERVE').map((s: any) => s.seq)).toEqual([13, 14, ...Array.from({ length: 25 }, (_, i) => i + 16)]);
      expect(after.signUps.filter((s: any) => s.status === 'RESERVE').map((s: any) => s.reservePosition)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
      expectError(await t.gql(WITHDRAW, { id: signed.get(1003).id }, w.unionA.organiser), 'INVALID_TRANSITION');
    });
    it('once the list is with the union (submitted), nobody withdraws and nobody moves up: the list stands', async () => {
      await t.ok('mutation($b:Int!){submitRoster(batchId:$b){id}}', { b: fc.id }, w.unionA.organiser);
      const res = await t.gql(WITHDRAW, { id: signed.get(1000).id }, w.unionA.organiser);
      expectError(res, 'INVALID_TRANSITION', 'id');
      expect(res.errors![0].message).toContain('SUBMITTED');
      const after = await view(fc.id);
      expect(after.participantCount).toBe(10);
      expect(after.signUps.find((s: any) => s.seq === 1).status).toBe('SELECTED');
    });
  });

  describe('NEVER_WENT_FIRST', () => {
    it('those who never went first, then the oldest last stay, ties by arrival; places lower than the headcount', async () => {
      // Past stays that went ahead: 2001–2003 arrived on w.start, 2004–2005 ten days later.
      for (const [day, people] of [
        [w.start, [2001, 2002, 2003]],
        [addDays(w.start, 10), [2004, 2005]],
      ] as const) {
        const past = await batch(day, people.length);
        await t.ok('mutation($id:Int!){confirmBatch(id:$id){id}}', { id: past.id }, w.baseA.operator);
        await t.ok(ADD_PARTICIPANTS, { b: past.id, p: people.map((n) => person(n)) }, w.unionA.organiser);
        await readyForCheckIn(t, past.id, w.unionA.organiser, w.baseA.operator);
        await onDay(t, day, () => t.ok('mutation($id:Int!){checkInBatch(id:$id){id}}', { id: past.id }, w.baseA.operator));
      }
      const nw = await batch(`${Y}-07-06`, 15);
      const round = (await t.ok<any>(OPEN, { i: { batchId: nw.id, rule: 'NEVER_WENT_FIRST', deadline: inHours(24), places: 12 } }, w.unionA.organiser)).openSignUp;
      expect(round).toMatchObject({ rule: 'NEVER_WENT_FIRST', places: 12 });
      const order = [2004, 2001, 3000, 3001, 3002, 3003, 3004, 3005, 3006, 3007, 2002, 2005, 3008, 3009];
      const byPerson = new Map<number, any>();
      for (const n of order) byPerson.set(n, (await t.ok<any>(SIGN_UP, { i: worker(nw.id, n) }, w.unionA.organiser)).signUp);
      expect(byPerson.get(2001).lastStayDate).toBe(w.start);
      expect(byPerson.get(2004).lastStayDate).toBe(addDays(w.start, 10));
      expect(byPerson.get(3000).lastStayDate).toBeNull();
      await t.ok(CLOSE, { b: nw.id }, w.unionA.organiser);
      const after = await view(nw.id);
      expect(after.participantCount).toBe(12);
      expect(after.participants.map((p: any) => p.name)).toEqual(names([3000, 3001, 3002, 3003, 3004, 3005, 3006, 3007, 3008, 3009, 2001, 2002]));
      const reserve = after.signUps.filter((s: any) => s.status === 'RESERVE').sort((a: any, b: any) => a.reservePosition - b.reservePosition);
      expect(reserve.map((s: any) => s.name)).toEqual(names([2004, 2005]));
    });
  });

  describe('LOTTERY with a recorded seed', () => {
    /** sha256("seed-17:<seq>") ascending, for seq 1 … 20: worked out once, by hand's tools, and the same every time. */
    const DRAW = [10, 9, 17, 4, 16, 13, 8, 6, 1, 18, 14, 20, 5, 19, 3, 2, 7, 15, 11, 12];

    it('the draw orders the sign-ups by sha256("<seed>:<seq>"), so anyone can re-check it', () => {
      const key = (seq: number) => createHash('sha256').update(`seed-17:${seq}`).digest('hex');
      expect(Array.from({ length: 20 }, (_, i) => i + 1).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(DRAW);
    });

    it('the same seed selects the same places: one closed by the organiser, one by the sweep at its deadline', async () => {
      const results: Array<{ selected: number[]; reserve: number[]; names: string[] }> = [];
      for (const [i, startDate] of [`${Y}-08-03`, `${Y}-09-07`].entries()) {
        const lot = await batch(startDate, 10);
        const round = (await t.ok<any>(OPEN, { i: { batchId: lot.id, rule: 'LOTTERY', deadline: inHours(1), seed: 'seed-17' } }, w.unionA.organiser)).openSignUp;
        expect(round).toMatchObject({ rule: 'LOTTERY', seed: 'seed-17', places: 10 });
        const base = 4000 + i * 1000;
        for (let n = base; n < base + 20; n++) await t.ok(SIGN_UP, { i: worker(lot.id, n) }, w.unionA.organiser);
        if (i === 0) await t.ok(CLOSE, { b: lot.id }, w.unionA.organiser);
        else {
          expect(await t.get(SignUpSweeper).sweep(new Date())).toBe(0);
          expect(await t.get(SignUpSweeper).sweep(new Date(Date.now() + 2 * 3_600_000))).toBe(1);
          expect((await view(lot.id)).signUp).toMatchObject({ status: 'CLOSED', closedBy: 'system' });
        }
        const after = await view(lot.id);
        const selected = after.signUps.filter((s: any) => s.status === 'SELECTED');
        const reserve = after.signUps.filter((s: any) => s.status === 'RESERVE').sort((a: any, b: any) => a.reservePosition - b.reservePosition);
        expect(after.participantCount).toBe(10);
        // The list holds the selected in the draw's order.
        expect(after.participants.map((p: any) => p.name)).toEqual(names(DRAW.slice(0, 10).map((seq) => base + seq - 1)));
        results.push({ selected: selected.map((s: any) => s.seq).sort((a: number, b: number) => a - b), reserve: reserve.map((s: any) => s.seq), names: after.participants.map((p: any) => p.name) });
      }
      expect(results[0].selected).toEqual([...DRAW.slice(0, 10)].sort((a, b) => a - b));
      expect(results[0].reserve).toEqual(DRAW.slice(10));
      expect(results[1].selected).toEqual(results[0].selected);
      expect(results[1].reserve).toEqual(results[0].reserve);
    });
  });

  it("the workers' platform posts sign-ups as a client, for the unions in its scope only, and may withdraw them", async () => {
    const client = await registerClient(t, w.admin, { name: '粤工惠', unionIds: [w.unionA.id], operations: ['signUp', 'withdrawSignUp'], webhookUrl: 'https://ygh.example.cn/rr' });
    const token = await clientToken(t.url, client);
    const mine = await batch(`${Y + 1}-03-02`, 4);
    await t.ok(OPEN, { i: { batchId: mine.id, rule: 'FIRST_COME', deadline: inHours(24) } }, w.unionA.organiser);
    const posted = (await t.ok<any>(SIGN_UP, { i: worker(mine.id, 4001) }, token)).signUp;
    expect(posted).toMatchObject({ status: 'SIGNED_UP', seq: 1, name: '测试4001号' });
    expect(posted.history[0].actor).toBe(`client:${client.clientId}`);
    // The same person again through the platform: the same sign-up.
    expect((await t.ok<any>(SIGN_UP, { i: worker(mine.id, 4001) }, token)).signUp.id).toBe(posted.id);
    expect((await t.ok<any>(WITHDRAW, { id: posted.id, r: '家中有事' }, token)).withdrawSignUp.status).toBe('WITHDRAWN');
    // Each move went out as an event for the platform, by the sign-up's id, without the person's name.
    const events = await t.get(DataSource).query("SELECT payload FROM outbox_event WHERE type = 'sign_up.status_changed' AND batchId = ? ORDER BY id", [mine.id]);
    const moves = events.map((e: { payload: string }) => JSON.parse(e.payload));
    expect(moves.map((m: { signUpId: number; to: string }) => [m.signUpId, m.to])).toEqual([
      [posted.id, 'SIGNED_UP'],
      [posted.id, 'WITHDRAWN'],
    ]);
    expect(JSON.stringify(moves)).not.toContain('测试4001号');
    // Union B's batch is outside its scope; opening and closing are the organiser's.
    const theirs = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: `${Y + 1}-03-02`, headcount: 4 } }, w.unionB.organiser)).requestBatch;
    await t.ok(OPEN, { i: { batchId: theirs.id, rule: 'FIRST_COME', deadline: inHours(24) } }, w.unionB.organiser);
    expectError(await t.gql(SIGN_UP, { i: worker(theirs.id, 4002) }, token), 'NOT_FOUND', 'input.batchId');
    expect(errorCode(await t.gql(OPEN, { i: { batchId: mine.id, rule: 'FIRST_COME', deadline: inHours(24) } }, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(CLOSE, { b: mine.id }, token))).toBe('FORBIDDEN');
  });
});
