import { addDays, QueryCounter, todayInShanghai } from '@app/shared';
import { activeAgreement, EXCHANGE_BATCH, partnerOf } from './support/exchange.js';
import { download, textOfXlsx, upload, xlsxOf } from './support/files.js';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { onDay, RECORD_INSURANCE, SET_TEAM_LEADER } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

const UPDATE = 'mutation($id:Int!,$i:UpdateParticipantInput!){updateParticipant(id:$id,input:$i){id room}}';
const REMOVE = 'mutation($id:Int!){removeParticipant(id:$id){id}}';
const SUBMIT = 'mutation($b:Int!){submitRoster(batchId:$b){id rosterStatus}}';
const FULL = 'query($id:Int!){batch(id:$id){participants{id idNumber phone}}}';
const MASKED = 'query($id:Int!){batch(id:$id){participants{id idNumberMasked}}}';
const LOG = 'query($b:Int!){personalDataAccessLog(batchId:$b,first:20){edges{node{actorUsername actorRole participantCount fields channel}}}}';
const CREATE_USER = 'mutation($i:CreateUserInput!){createUser(input:$i){id}}';

/** A row of a rooming-list file, as an organiser types it in Chinese. */
const zhRow = (n: number) => {
  const p = person(n);
  return [p.name, p.gender === 'MALE' ? '男' : '女', '居民身份证', p.idNumber, p.phone, p.employer, '一线职工'];
};
const HEADERS = ['姓名', '性别', '证件类型', '证件号码', '手机号', '工作单位', '类别'];

/**
 * A partner books for a union of its region that has no organiser account, and then keeps the batch's
 * paperwork as the organiser would: the list, its full personal data (logged), the insurance, the
 * team leader and the submission — under the organiser's cut-off and approval rules. Where the union
 * has an active organiser, the partner has what it had before: the batch and its masked list.
 */
describe(`a partner finishes the paperwork of a union without an organiser (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let yf: string;
  let agreementId: number;
  let lonely: number;
  const today = todayInShanghai();
  let n = 90_000;
  const next = () => person(n++);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { publication: true });
    yf = await partnerOf(t, w, 'YF');
    agreementId = await activeAgreement(t, w.partner, yf, {
      partnerRegionId: w.regions.YF,
      title: '深云互派',
      from: today,
      to: addDays(today, 300),
      quotas: [{ fromRegionId: w.regions.SZ, personVisits: 500 }],
    });
    // A 深圳 union nobody has an organiser account for.
    lonely = (await t.ok<any>('mutation($i:CreateUnionInput!){createUnion(input:$i){id}}', { i: { code: 'T-LONE', name: '深圳某街道工会', regionId: w.regions.SZ } }, w.admin)).createUnion.id;
  });
  afterAll(() => t.close());

  const book = async (unionId: number, startDate: string, headcount: number) =>
    (await t.ok<any>(EXCHANGE_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount, unionId, agreementId } }, w.partner)).requestBatch as { id: number; reference: string };

  it('keeps the list, reads it in full (logged), records the insurance, names the leader and submits it', async () => {
    const b = await book(lonely, addDays(w.start, 20), 3);
    const added = (await t.ok<any>(ADD_PARTICIPANTS, { b: b.id, p: [next(), next()] }, w.partner)).addParticipants;
    expect(added).toHaveLength(2);
    expect((await t.ok<any>(UPDATE, { id: added[0].id, i: { room: '301' } }, w.partner)).updateParticipant).toEqual({ id: added[0].id, room: '301' });
    await t.ok(REMOVE, { id: added[1].id }, w.partner);
    // The file replaces the list, as the organiser's would.
    const file = await xlsxOf([HEADERS, zhRow(n++), zhRow(n++), zhRow(n++)]);
    const imported = await upload(t, b.id, file, '名单.xlsx', w.partner);
    expect([imported.status, imported.body.imported, imported.body.participantCount]).toEqual([201, 3, 3]);

    // Full values, as the organiser reads them; every read is in the log under the partner's name.
    const people = (await t.ok<any>(FULL, { id: b.id }, w.partner)).batch.participants;
    expect(people.map((p: any) => p.idNumber)).toEqual([person(n - 3).idNumber, person(n - 2).idNumber, person(n - 1).idNumber]);
    const sheet = await download(t, `/batches/${b.id}/participants.xlsx`, w.partner);
    expect(sheet.status).toBe(200);
    expect((await textOfXlsx(sheet.body as Buffer))[1]).toContain(person(n - 3).idNumber);
    const log = (await t.ok<any>(LOG, { b: b.id }, w.admin)).personalDataAccessLog.edges.map((e: any) => e.node);
    expect(log).toEqual([
      { actorUsername: 'partner-x', actorRole: 'PARTNER', participantCount: 3, fields: 'idNumber,phone', channel: 'EXPORT' },
      { actorUsername: 'partner-x', actorRole: 'PARTNER', participantCount: 3, fields: 'idNumber,phone', channel: 'GRAPHQL' },
    ]);

    const insured = await t.ok<any>(RECORD_INSURANCE, { i: { batchId: b.id, insurer: '中国人寿', policyNumber: 'PL-LONE-1', sumInsured: '1000000.00' } }, w.partner);
    expect(insured.recordInsurance.insurer).toBe('中国人寿');
    expect((await t.ok<any>(SET_TEAM_LEADER, { p: people[1].id }, w.partner)).setTeamLeader).toEqual({ id: people[1].id, teamLeader: true });
    expect((await t.ok<any>(SUBMIT, { b: b.id }, w.partner)).submitRoster.rosterStatus).toBe('SUBMITTED');

    // The approval rules hold for the partner as for the organiser: frozen while with the union, and approving is the approver's.
    const frozen = await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.partner);
    expect([errorCode(frozen), frozen.errors![0].extensions!.rosterStatus]).toEqual(['INVALID_TRANSITION', 'SUBMITTED']);
    expect(errorCode(await t.gql('mutation($b:Int!){approveRoster(batchId:$b){id}}', { b: b.id }, w.partner))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('mutation($b:Int!,$r:String!){recordObjection(batchId:$b,reason:$r){id}}', { b: b.id, r: 'x' }, w.partner))).toBe('FORBIDDEN');
  });

  it('is frozen at the cut-off as the organiser is, yet still names the team leader; the base keeps its late changes', async () => {
    const b = await book(lonely, addDays(w.start, 10), 2);
    const [first] = (await t.ok<any>(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.partner)).addParticipants;
    const startDate = addDays(w.start, 10);
    await onDay(t, addDays(startDate, -2), async () => {
      const late = await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.partner);
      expect(late.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', frozenFrom: addDays(startDate, -3) });
      expect(errorCode(await t.gql(REMOVE, { id: first.id }, w.partner))).toBe('FORBIDDEN');
      expect((await t.ok<any>(SET_TEAM_LEADER, { p: first.id }, w.partner)).setTeamLeader.teamLeader).toBe(true);
      await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.baseA.operator);
    });
  });

  it('where the union has an active organiser the partner has what it had: the batch and the masked list, nothing more', async () => {
    const b = await book(w.unionB.id, addDays(w.start, 20), 2);
    const [p] = (await t.ok<any>(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.unionB.organiser)).addParticipants;
    expect((await t.ok<any>(MASKED, { id: b.id }, w.partner)).batch.participants).toEqual([{ id: p.id, idNumberMasked: p.idNumberMasked }]);
    const refused = [
      await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.partner),
      await t.gql(UPDATE, { id: p.id, i: { room: '1' } }, w.partner),
      await t.gql(REMOVE, { id: p.id }, w.partner),
      await t.gql(SET_TEAM_LEADER, { p: p.id }, w.partner),
      await t.gql(RECORD_INSURANCE, { i: { batchId: b.id, insurer: 'x', policyNumber: 'y', sumInsured: '1000000.00' } }, w.partner),
      await t.gql(SUBMIT, { b: b.id }, w.partner),
      await t.gql(FULL, { id: b.id }, w.partner),
    ];
    expect(refused.map(errorCode)).toEqual(Array(7).fill('FORBIDDEN'));
    expect((await download(t, `/batches/${b.id}/participants.csv`, w.partner)).status).toBe(403);
    expect((await upload(t, b.id, await xlsxOf([HEADERS, zhRow(n++)]), '名单.xlsx', w.partner)).status).toBe(403);
    // The host region's partner sees the exchange batch but keeps no union's paperwork.
    const lone = await book(lonely, addDays(w.start, 20), 1);
    expect(errorCode(await t.gql(ADD_PARTICIPANTS, { b: lone.id, p: [next()] }, yf))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SUBMIT, { b: lone.id }, yf))).toBe('FORBIDDEN');
  });

  it('full lists of a page of batches cost the same queries for 2 batches as for all: the organisers are looked up once', async () => {
    const PAGE = 'query($n:Int!){batches(first:$n){edges{node{id participants{idNumber}}}}}';
    // The newest two (the first page) have people to read; older ones are union B's or empty.
    for (const days of [21, 22]) await t.ok(ADD_PARTICIPANTS, { b: (await book(lonely, addDays(w.start, days), 1)).id, p: [next()] }, w.partner);
    const queries = async (first: number) => {
      const before = QueryCounter.total;
      const res = await t.gql<any>(PAGE, { n: first }, w.partner);
      return { queries: QueryCounter.total - before, batches: res.data?.batches.edges.length ?? 0 };
    };
    const two = await queries(2);
    const all = await queries(100);
    expect(two.batches).toBe(2);
    expect(all.batches).toBe(6);
    expect(all.queries).toBe(two.queries);
  });

  it('an organiser account for the union ends the stand-in at once; deactivated, the partner stands in again', async () => {
    const union = (await t.ok<any>('mutation($i:CreateUnionInput!){createUnion(input:$i){id}}', { i: { code: 'T-LONE2', name: '深圳另一工会', regionId: w.regions.SZ } }, w.admin)).createUnion.id;
    const b = await book(union, addDays(w.start, 20), 3);
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.partner);
    const organiserId = (await t.ok<any>(CREATE_USER, { i: { username: 'org-lone2', password: 'organiser-pass-1', role: 'UNION_ORGANISER', unionId: union } }, w.admin)).createUser.id;
    expect(errorCode(await t.gql(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.partner))).toBe('FORBIDDEN');
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, await t.login('org-lone2', 'organiser-pass-1'));
    await t.ok('mutation($u:Int!){deactivateUser(userId:$u){id}}', { u: organiserId }, w.admin);
    expect((await t.ok<any>(ADD_PARTICIPANTS, { b: b.id, p: [next()] }, w.partner)).addParticipants).toHaveLength(1);
  });
});
