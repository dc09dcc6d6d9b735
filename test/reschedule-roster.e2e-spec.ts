import { addDays } from '@app/shared';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { HISTORY, makePackage, RESCHEDULE } from './support/reschedule.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const ROSTER = (name: string) => `mutation($b:Int!){${name}(batchId:$b){rosterStatus rosterClearsOn}}`;

/** Rescheduling and the rooming list: the list goes along, a posted notice and the people's other stays may refuse it. */
describe(`rescheduling with a rooming list (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let approver: string;
  let oneNight: number;
  /** A day from which three weeks fall in one calendar year (the yearly days are counted per year). */
  let day: string;

  beforeAll(async () => {
    t = await startTestApp();
    // The default policy: public notice of 3 working days, at most 5 days of stays per person per year.
    w = await buildWorld(t, { publication: true });
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-a', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    approver = await t.login('approver-a', 'approver-pass-1');
    oneNight = await makePackage(t, w.admin, w.baseA.id, { nights: 1, price: '800.00' });
    day = w.start.slice(5, 7) === '12' ? `${Number(w.start.slice(0, 4)) + 1}-01-05` : w.start;
  });
  afterAll(() => t.close());

  const request = async (startDate: string, headcount: number, packageId = w.baseA.packageId) =>
    (await t.ok<any>(REQUEST_BATCH, { i: { packageId, startDate, headcount } }, w.unionA.organiser)).requestBatch;
  const listOf = async (id: number) => (await t.ok<any>('query($id:Int!){batch(id:$id){participants{id}}}', { id }, w.unionA.organiser)).batch.participants.map((p: any) => p.id);

  it('a posted list refuses a start before its notice clears, and goes along, unchanged, to a later one', async () => {
    const b = await request(addDays(w.start, 20), 2);
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: [person(700_001), person(700_002)] }, w.unionA.organiser);
    const ids = await listOf(b.id);
    await t.ok(ROSTER('submitRoster'), { b: b.id }, w.unionA.organiser);
    await t.ok(ROSTER('approveRoster'), { b: b.id }, approver);
    const { rosterClearsOn } = (await t.ok<any>(ROSTER('publishRoster'), { b: b.id }, approver)).publishRoster;
    const early = await t.gql(RESCHEDULE, { id: b.id, s: addDays(rosterClearsOn, -1) }, w.unionA.organiser);
    expect([errorCode(early), early.errors?.[0].extensions?.clearsOn, early.errors?.[0].extensions?.rosterStatus]).toEqual(['INVALID_TRANSITION', rosterClearsOn, 'PUBLISHED']);
    expect(early.errors?.[0].message).toContain(`on ${rosterClearsOn} or later`);
    expect((await t.ok<any>(HISTORY, { id: b.id }, w.admin)).batch.startDate).toBe(addDays(w.start, 20));
    const moved = (await t.ok<any>(RESCHEDULE, { id: b.id, s: rosterClearsOn }, w.unionA.organiser)).rescheduleBatch;
    expect(moved.startDate).toBe(rosterClearsOn);
    expect(await listOf(b.id)).toEqual(ids);
    const status = await t.ok<any>('query($id:Int!){batch(id:$id){rosterStatus}}', { id: b.id }, w.unionA.organiser);
    expect(status.batch.rosterStatus).toBe('PUBLISHED');
  });

  it('someone on the list who is on another batch on the new nights refuses the move, named by their entry; so do too many days in the year', async () => {
    const x = await request(day, 1, oneNight);
    const y = await request(addDays(day, 5), 2, oneNight);
    await t.ok(ADD_PARTICIPANTS, { b: x.id, p: [person(700_010)] }, w.unionA.organiser);
    await t.ok(ADD_PARTICIPANTS, { b: y.id, p: [person(700_011), person(700_010)] }, w.unionA.organiser);
    const clash = await t.gql(RESCHEDULE, { id: y.id, s: day }, w.unionA.organiser);
    expect([errorCode(clash), clash.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'startDate']);
    expect(clash.errors?.[0].extensions?.problems).toEqual([
      { field: 'startDate', index: 1, message: `already booked on batch ${x.reference} (${day} → ${addDays(day, 1)}), whose nights overlap the new dates` },
    ]);
    expect(clash.errors?.[0].message).toContain(`Entry 1 of the list of batch ${y.reference}`);
    expect(clash.errors?.[0].message).not.toMatch(/测试|\d{17}/);
    // The night after is free: arriving as the other stay leaves is no overlap.
    await t.ok(RESCHEDULE, { id: y.id, s: addDays(day, 1) }, w.unionA.organiser);
    // Two days on each stay so far; the three-night package would make it 2 + 4 = 6 of the 5 allowed.
    const days = await t.gql(RESCHEDULE, { id: y.id, s: addDays(day, 8), p: w.baseA.packageId }, w.unionA.organiser);
    expect([errorCode(days), days.errors?.[0].extensions?.maxDaysPerYear]).toEqual(['POLICY_VIOLATION', 5]);
    expect(days.errors?.[0].message).toContain('would have 6 days of stays');
    const kept = (await t.ok<any>(HISTORY, { id: y.id }, w.admin)).batch;
    expect([kept.startDate, kept.nights, kept.pricePerPerson]).toEqual([addDays(day, 1), 1, '800.00']);
  });
});
