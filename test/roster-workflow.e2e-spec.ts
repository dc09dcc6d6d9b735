import { HolidayService, isWeekend } from '@app/base';
import { maskName } from '@app/roster';
import { addDays, RequestContext, SweepScheduler, todayInShanghai } from '@app/shared';
import request from 'supertest';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { onDay } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const MOVE = (name: string, reason = false) =>
  `mutation($b:Int!${reason ? ',$r:String!' : ''}){${name}(batchId:$b${reason ? ',reason:$r' : ''}){rosterStatus rosterPublishedOn rosterClearsOn rosterPublicToken holdExpiresAt}}`;
const SET_LEADER = 'mutation($p:Int!){setTeamLeader(participantId:$p){id teamLeader}}';
const PUBLIC = 'query($t:String!){publishedRoster(token:$t){batchReference unionName baseName status publishedOn clearsOn people{name employer category}}}';

/** The union's approval and public notice (公示) of a rooming list before the base may confirm. */
describe(`roster approval and public notice (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let approver: string;
  let next = 900_000;
  const today = todayInShanghai();

  beforeAll(async () => {
    t = await startTestApp();
    // The default policy: publication required, 3 working days.
    w = await buildWorld(t, { publication: true });
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-a', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    approver = await t.login('approver-a', 'approver-pass-1');
  });
  afterAll(() => t.close());

  async function listed(headcount: number, startDate = addDays(w.start, 10), listedBy = w.unionA.organiser) {
    const batch = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount } }, w.unionA.organiser)).requestBatch;
    await t.ok(ADD_PARTICIPANTS, { b: batch.id, p: Array.from({ length: headcount }, () => person(next++)) }, listedBy);
    return batch;
  }

  it('working days skip weekends and the admin’s holidays', async () => {
    const holidays = t.get(HolidayService);
    // From a Friday, 3 working days are Mon, Tue, Wed: cleared on Thursday.
    let friday = today;
    while (new Date(`${friday}T00:00:00Z`).getUTCDay() !== 5) friday = addDays(friday, 1);
    expect(await holidays.dayAfterWorkingDays(RequestContext.system(), friday, 3)).toBe(addDays(friday, 6));
    expect(errorCode(await t.gql('mutation($d:Date!){addHoliday(date:$d,name:"x"){date}}', { d: addDays(friday, 4) }, w.unionA.organiser))).toBe('FORBIDDEN');
    await t.ok('mutation($d:Date!){addHoliday(date:$d,name:"调休"){date}}', { d: addDays(friday, 4) }, w.admin);
    expect(await holidays.dayAfterWorkingDays(RequestContext.system(), friday, 3)).toBe(addDays(friday, 7));
    expect(isWeekend(addDays(friday, 1))).toBe(true);
    await t.ok('mutation($d:Date!){removeHoliday(date:$d)}', { d: addDays(friday, 4) }, w.admin);
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('欧阳建华')).toBe('欧**华');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('李')).toBe('*');
  });

  it('DRAFT → SUBMITTED → APPROVED → PUBLISHED → CLEARED, and every refused move; the base confirms only a cleared list', async () => {
    const b = await listed(3);
    // Not confirmed before the list cleared.
    const early = await t.gql('mutation($id:Int!){confirmBatch(id:$id){status}}', { id: b.id }, w.baseA.operator);
    expect(early.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', rosterStatus: 'DRAFT' });
    // Who may do what, from which state.
    expect(errorCode(await t.gql(MOVE('approveRoster'), { b: b.id }, approver))).toBe('INVALID_TRANSITION');
    expect(errorCode(await t.gql(MOVE('submitRoster'), { b: b.id }, approver))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(MOVE('submitRoster'), { b: b.id }, w.unionB.organiser))).toBe('NOT_FOUND');
    expect((await t.ok<any>(MOVE('submitRoster'), { b: b.id }, w.unionA.organiser)).submitRoster.rosterStatus).toBe('SUBMITTED');
    // The submitted list is frozen for the organiser.
    expect(errorCode(await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [person(next++)] }, w.unionA.organiser))).toBe('INVALID_TRANSITION');
    expect(errorCode(await t.gql(MOVE('approveRoster'), { b: b.id }, w.unionA.organiser))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(MOVE('rejectRoster', true), { b: b.id, r: ' ' }, approver))).toBe('BAD_USER_INPUT');
    expect((await t.ok<any>(MOVE('rejectRoster', true), { b: b.id, r: '名单有误' }, approver)).rejectRoster.rosterStatus).toBe('DRAFT');
    await t.ok(MOVE('submitRoster'), { b: b.id }, w.unionA.organiser);
    expect((await t.ok<any>(MOVE('approveRoster'), { b: b.id }, approver)).approveRoster.rosterStatus).toBe('APPROVED');
    const notPosted = await t.gql(MOVE('recordObjection', true), { b: b.id, r: 'x' }, approver);
    expect([errorCode(notPosted), notPosted.errors?.[0].message]).toEqual(['INVALID_TRANSITION', 'Cannot object to a roster that is APPROVED: only a PUBLISHED one can become SUBMITTED']);
    // Until it is posted the approver may still send it back.
    expect((await t.ok<any>(MOVE('rejectRoster', true), { b: b.id, r: '再核对一次' }, approver)).rejectRoster.rosterStatus).toBe('DRAFT');
    await t.ok(MOVE('submitRoster'), { b: b.id }, w.unionA.organiser);
    await t.ok(MOVE('approveRoster'), { b: b.id }, approver);
    const published = (await t.ok<any>(MOVE('publishRoster'), { b: b.id }, approver)).publishRoster;
    expect(published).toMatchObject({ rosterStatus: 'PUBLISHED', rosterPublishedOn: today });
    expect(published.rosterClearsOn > addDays(today, 3)).toBe(true);
    expect(published.rosterPublicToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // The hold now waits for the base: through the notice and two days more (before arrival).
    expect(published.holdExpiresAt).toBe(new Date(`${addDays(published.rosterClearsOn, 2)}T23:59:59+08:00`).toISOString());
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){holdWaitsFor}}', { id: b.id }, w.admin)).batch.holdWaitsFor).toBe('CONFIRM');
    expect(errorCode(await t.gql('mutation($id:Int!){confirmBatch(id:$id){status}}', { id: b.id }, w.baseA.operator))).toBe('INVALID_TRANSITION');
    // The operator sees the state but not the link.
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){rosterStatus rosterPublicToken}}', { id: b.id }, w.baseA.operator)).batch).toEqual({ rosterStatus: 'PUBLISHED', rosterPublicToken: null });

    // Anyone with the link reads the masked list; a wrong or guessed link finds nothing.
    const board = (await t.ok<any>(PUBLIC, { t: published.rosterPublicToken })).publishedRoster;
    expect(board).toMatchObject({ batchReference: b.reference, status: 'PUBLISHED', publishedOn: today, clearsOn: published.rosterClearsOn });
    expect(board.people).toHaveLength(3);
    for (const p of board.people) {
      expect(p.name).toMatch(/^.\*+.?$/u);
      expect(Object.keys(p).sort()).toEqual(['category', 'employer', 'name']);
    }
    // No document number or phone, whole or in part.
    expect(JSON.stringify(board.people)).not.toMatch(/\d{4,}/);
    const token: string = published.rosterPublicToken;
    expect(errorCode(await t.gql(PUBLIC, { t: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(PUBLIC, { t: 'short' }))).toBe('NOT_FOUND');
    // Over plain HTTP with no account at all.
    const anonymous = await request(t.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: PUBLIC, variables: { t: published.rosterPublicToken } });
    expect(anonymous.body.data.publishedRoster.batchReference).toBe(b.reference);

    // An objection sends it back; the link dies.
    expect((await t.ok<any>(MOVE('recordObjection', true), { b: b.id, r: '有职工反映名单重复' }, w.unionA.organiser)).recordObjection).toMatchObject({
      rosterStatus: 'SUBMITTED',
      rosterPublicToken: null,
    });
    expect(errorCode(await t.gql(PUBLIC, { t: published.rosterPublicToken }))).toBe('NOT_FOUND');
    await t.ok(MOVE('approveRoster'), { b: b.id }, approver);
    const again = (await t.ok<any>(MOVE('publishRoster'), { b: b.id }, approver)).publishRoster;

    // The sweep clears it once the period has ended (not before); then the base confirms.
    const sweeps = t.get(SweepScheduler);
    await sweeps.runAll(new Date(Date.parse(`${addDays(again.rosterClearsOn, -1)}T12:00:00+08:00`)));
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){rosterStatus}}', { id: b.id }, w.admin)).batch.rosterStatus).toBe('PUBLISHED');
    await sweeps.runAll(new Date(Date.parse(`${again.rosterClearsOn}T00:30:00+08:00`)));
    const cleared = (await t.ok<any>('query($id:Int!){batch(id:$id){status rosterStatus rosterHistory{from to actor reason}}}', { id: b.id }, w.admin)).batch;
    expect(cleared.rosterStatus).toBe('CLEARED');
    expect(cleared.rosterHistory.map((h: any) => `${h.from}→${h.to}`)).toEqual([
      'DRAFT→SUBMITTED',
      'SUBMITTED→DRAFT',
      'DRAFT→SUBMITTED',
      'SUBMITTED→APPROVED',
      'APPROVED→DRAFT',
      'DRAFT→SUBMITTED',
      'SUBMITTED→APPROVED',
      'APPROVED→PUBLISHED',
      'PUBLISHED→SUBMITTED',
      'SUBMITTED→APPROVED',
      'APPROVED→PUBLISHED',
      'PUBLISHED→CLEARED',
    ]);
    expect(cleared.rosterHistory[8].reason).toBe('有职工反映名单重复');
    expect(cleared.rosterHistory[11].actor).toBe('system');
    expect((await t.ok<any>('mutation($id:Int!){confirmBatch(id:$id){status}}', { id: b.id }, w.baseA.operator)).confirmBatch.status).toBe('CONFIRMED');
    // A list short of the headcount is not submitted.
    const short = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 12), headcount: 4 } }, w.unionA.organiser)).requestBatch;
    const refused = await t.gql(MOVE('submitRoster'), { b: short.id }, w.unionA.organiser);
    expect([errorCode(refused), refused.errors?.[0].extensions?.participantCount]).toEqual(['BAD_USER_INPUT', 0]);
  });

  /** Submits, approves and publishes a fresh list of `headcount`; answers the batch, its people's ids and the public token. */
  async function posted(headcount: number) {
    const b = await listed(headcount);
    await t.ok(MOVE('submitRoster'), { b: b.id }, w.unionA.organiser);
    await t.ok(MOVE('approveRoster'), { b: b.id }, approver);
    const token: string = (await t.ok<any>(MOVE('publishRoster'), { b: b.id }, approver)).publishRoster.rosterPublicToken;
    const ids: number[] = (await t.ok<any>('query($id:Int!){batch(id:$id){participants{id}}}', { id: b.id }, w.admin)).batch.participants.map((p: any) => p.id);
    return { b, ids, token };
  }
  const HEADCOUNT = 'mutation($id:Int!,$h:Int!){changeHeadcount(id:$id,headcount:$h){headcount}}';
  const REMOVE = 'mutation($id:Int!){removeParticipant(id:$id){id}}';
  const UPDATE = 'mutation($id:Int!,$i:UpdateParticipantInput!){updateParticipant(id:$id,input:$i){id}}';

  it('what is posted is what was approved: nobody changes the list or the headcount while the union handles it', async () => {
    const { b, ids } = await posted(3);
    for (const who of [w.unionA.organiser, w.baseA.operator]) {
      for (const [query, vars] of [
        [ADD_PARTICIPANTS, { b: b.id, p: [person(next++)] }],
        [REMOVE, { id: ids[2] }],
        [UPDATE, { id: ids[1], i: { employer: '别的单位' } }],
      ] as const) {
        const res = await t.gql(query, vars, who);
        expect([errorCode(res), res.errors?.[0].extensions?.rosterStatus]).toEqual(['INVALID_TRANSITION', 'PUBLISHED']);
      }
    }
    const whilePosted = (await t.gql(HEADCOUNT, { id: b.id, h: 4 }, w.unionA.organiser)).errors![0];
    expect(whilePosted.extensions).toMatchObject({ code: 'INVALID_TRANSITION', rosterStatus: 'PUBLISHED' });
    expect(whilePosted.message).toContain('recordObjection');
    // Naming the team leader changes nobody on the list.
    expect((await t.ok<any>(SET_LEADER, { p: ids[0] }, w.unionA.organiser)).setTeamLeader.teamLeader).toBe(true);
    // After an objection the list is back with the approver (SUBMITTED): still frozen, and the message says who unfreezes it.
    await t.ok(MOVE('recordObjection', true), { b: b.id, r: '名单有误' }, w.unionA.organiser);
    const frozen = await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [person(next++)] }, w.unionA.organiser);
    expect(frozen.errors![0].message).toMatch(/approver can reject it back to DRAFT/);
    // Lowering is refused as the freeze, not as "take someone off" (which the freeze refuses too).
    expect((await t.gql(HEADCOUNT, { id: b.id, h: 2 }, w.unionA.organiser)).errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', rosterStatus: 'SUBMITTED' });
    await t.ok(MOVE('rejectRoster', true), { b: b.id, r: '请改名单' }, approver);
    // A DRAFT again: the organiser changes it, and the headcount.
    expect((await t.ok<any>(HEADCOUNT, { id: b.id, h: 4 }, w.unionA.organiser)).changeHeadcount.headcount).toBe(4);
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [person(next++)] }, w.unionA.organiser);
    await t.ok(REMOVE, { id: ids[2] }, w.unionA.organiser);
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){participantCount rosterStatus}}', { id: b.id }, w.admin)).batch).toEqual({ participantCount: 3, rosterStatus: 'DRAFT' });
  });

  it('a cleared list stays as posted: the base corrects contact details, room and diet; someone who cannot come is a no-show', async () => {
    const { b, ids } = await posted(3);
    const clearsOn = (await t.ok<any>('query($id:Int!){batch(id:$id){rosterClearsOn}}', { id: b.id }, w.admin)).batch.rosterClearsOn;
    await t.get(SweepScheduler).runAll(new Date(Date.parse(`${clearsOn}T00:30:00+08:00`)));
    expect(errorCode(await t.gql(REMOVE, { id: ids[2] }, w.unionA.organiser))).toBe('INVALID_TRANSITION');
    const removed = await t.gql(REMOVE, { id: ids[2] }, w.baseA.operator);
    expect([errorCode(removed), removed.errors?.[0].message]).toEqual(['INVALID_TRANSITION', expect.stringContaining('arrivedParticipantIds')]);
    // Nobody who was not posted joins, by a new entry or by renaming one.
    expect((await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [person(next++)] }, w.baseA.operator)).errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', rosterStatus: 'CLEARED' });
    const renamed = await t.gql(UPDATE, { id: ids[1], i: { name: '完全换人' } }, w.baseA.operator);
    expect(renamed.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', field: 'input.name' });
    // The whole record sent back with its name unchanged is no rename.
    const { name } = (await t.ok<any>('query($id:Int!){batch(id:$id){participants{id name}}}', { id: b.id }, w.admin)).batch.participants.find((p: any) => p.id === ids[1]);
    expect((await t.ok<any>(UPDATE, { id: ids[1], i: { name: ` ${name}`, room: '305', dietaryNeeds: '素食' } }, w.baseA.operator)).updateParticipant.id).toBe(ids[1]);
    for (const h of [4, 2]) expect((await t.gql(HEADCOUNT, { id: b.id, h }, w.unionA.organiser)).errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', rosterStatus: 'CLEARED' });
  });

  it('a batch whose notice cannot end before arrival is refused up front; a list posted too late is not posted', async () => {
    // Arriving tomorrow: no list could clear 3 working days of notice by then.
    const soon = await t.gql<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(today, 1), headcount: 2 } }, w.unionA.organiser);
    expect(soon.errors![0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', field: 'startDate', rule: 'publicationWorkingDays' });
    const earliest: string = soon.errors![0].extensions!.earliestStartDate as string;
    expect(earliest > addDays(today, 1)).toBe(true);
    expect(soon.errors![0].message).toMatch(new RegExp(`the earliest start date that fits is ${earliest}$`));
    // The earliest date fits; a union that posts only the day before arrival is still refused.
    const b = await listed(2, earliest, w.baseA.operator);
    await t.ok(MOVE('submitRoster'), { b: b.id }, w.unionA.organiser);
    await t.ok(MOVE('approveRoster'), { b: b.id }, approver);
    const refused = await onDay(t, addDays(earliest, -1), () => t.gql(MOVE('publishRoster'), { b: b.id }, approver));
    expect(refused.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', startDate: earliest });
    expect(refused.errors![0].message).toContain('publicationWorkingDays');
  });

  it('a batch that will not go takes its public list down: cancelled, rejected or expired', async () => {
    const cancelled = await posted(2);
    expect((await t.ok<any>(PUBLIC, { t: cancelled.token })).publishedRoster.batchReference).toBe(cancelled.b.reference);
    await t.ok('mutation($id:Int!){cancelBatch(id:$id,reason:"行程取消"){status}}', { id: cancelled.b.id }, w.unionA.organiser);
    expect(errorCode(await t.gql(PUBLIC, { t: cancelled.token }))).toBe('NOT_FOUND');
    // The list is a draft again, with the reason in its history.
    const after = (await t.ok<any>('query($id:Int!){batch(id:$id){rosterStatus rosterPublicToken rosterClearsOn rosterHistory{from to actor reason}}}', { id: cancelled.b.id }, w.admin)).batch;
    expect(after).toMatchObject({ rosterStatus: 'DRAFT', rosterPublicToken: null, rosterClearsOn: null });
    expect(after.rosterHistory.at(-1)).toMatchObject({ from: 'PUBLISHED', to: 'DRAFT', actor: 'system' });
    expect(after.rosterHistory.at(-1).reason).toMatch(/^the batch is CANCELLED by \S+ \(its history says why\)$/);

    const rejected = await posted(2);
    await t.ok('mutation($id:Int!){rejectBatch(id:$id,reason:"满房"){status}}', { id: rejected.b.id }, w.baseA.operator);
    expect(errorCode(await t.gql(PUBLIC, { t: rejected.token }))).toBe('NOT_FOUND');

    // The hold of a posted request lasts through the notice; once it lapses the sweep expires it, and the link goes.
    const expired = await posted(2);
    const hold = (await t.ok<any>('query($id:Int!){batch(id:$id){holdExpiresAt}}', { id: expired.b.id }, w.admin)).batch.holdExpiresAt;
    await t.get(SweepScheduler).runAll(new Date(Date.parse(hold) + 1000));
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){status rosterPublicToken}}', { id: expired.b.id }, w.admin)).batch).toEqual({ status: 'EXPIRED', rosterPublicToken: null });
    expect(errorCode(await t.gql(PUBLIC, { t: expired.token }))).toBe('NOT_FOUND');
  });

  it("rosterLists: the batches whose list is in one state, in the caller's scope, a page at a time", async () => {
    const LISTS =
      'query($s:RosterStatus!,$f:BatchFilter,$a:String){rosterLists(status:$s,filter:$f,first:2,after:$a){totalCount pageInfo{hasNextPage endCursor} edges{node{id rosterStatus union{id}}}}}';
    const lists = async (token: string, status: string, after?: string) => (await t.ok<any>(LISTS, { s: status, f: null, a: after ?? null }, token)).rosterLists;
    const submitted: number[] = [];
    for (let i = 0; i < 3; i++) {
      const b = await listed(2, addDays(w.start, 40 + i));
      await t.ok(MOVE('submitRoster'), { b: b.id }, w.unionA.organiser);
      submitted.push(b.id);
    }
    const approved = await listed(2, addDays(w.start, 45));
    await t.ok(MOVE('submitRoster'), { b: approved.id }, w.unionA.organiser);
    await t.ok(MOVE('approveRoster'), { b: approved.id }, approver);
    // Every batch of the union, read whole, is the truth the narrowed list is checked against.
    const all = (await t.ok<any>('{batches(first:100){edges{node{id rosterStatus}}}}', {}, approver)).batches.edges.map((e: any) => e.node);
    const inState = (status: string) => all.filter((b: any) => b.rosterStatus === status).map((b: any) => b.id);
    const first = await lists(approver, 'SUBMITTED');
    const second = await lists(approver, 'SUBMITTED', first.pageInfo.endCursor);
    expect(first.totalCount).toBe(inState('SUBMITTED').length);
    expect([...first.edges, ...second.edges].map((e: any) => e.node.id)).toEqual(inState('SUBMITTED').slice(0, 4));
    expect(first.edges.every((e: any) => e.node.rosterStatus === 'SUBMITTED' && e.node.union.id === w.unionA.id)).toBe(true);
    expect(inState('SUBMITTED')).toEqual(expect.arrayContaining(submitted));
    expect((await lists(approver, 'APPROVED')).edges.map((e: any) => e.node.id)).toEqual(inState('APPROVED').slice(0, 2));
    expect((await lists(approver, 'DRAFT')).totalCount).toBe(inState('DRAFT').length);
    // Union B's organiser sees none of union A's lists; the base sees its own base's.
    expect((await lists(w.unionB.organiser, 'SUBMITTED')).edges.filter((e: any) => submitted.includes(e.node.id))).toEqual([]);
    expect((await lists(w.baseA.operator, 'SUBMITTED')).totalCount).toBeGreaterThanOrEqual(3);
    expect(errorCode(await t.gql('{rosterLists(status:SUBMITTED,first:0){totalCount}}', {}, approver))).toBe('BAD_USER_INPUT');
  });
});
