import { addDays, RequestContext, todayInShanghai, TransactionRunner } from '@app/shared';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { completeBatch, ISSUE, readyForCheckIn, RECORD_INSURANCE, stay } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const SET =
  'mutation($i:SetUnionPolicyInput!){setUnionPolicy(input:$i){id unionId effectiveFrom capPerPersonPerDay maxDaysPerTrip maxDaysPerYear insuranceMinimum publicationRequired publicationWorkingDays}}';
const POLICY = 'query($u:Int!,$on:Date){unionPolicy(unionId:$u,on:$on){id effectiveFrom capPerPersonPerDay maxDaysPerTrip maxDaysPerYear}}';

/** The union's funding policy: versions, the trip and yearly day limits, and the union-funded / self-paid split of bills. */
describe(`union funding policy (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let approverA: string;
  const today = todayInShanghai();

  beforeAll(async () => {
    t = await startTestApp();
    // Union B keeps the defaults; union A confirms without public notice (a version from today).
    w = await buildWorld(t, { beds: 200, nightsOfBeds: 400, publication: true });
    await t.ok('mutation($i:SetUnionPolicyInput!){setUnionPolicy(input:$i){id}}', { i: { unionId: w.unionA.id, effectiveFrom: today, publicationRequired: false } }, w.admin);
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-a', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    approverA = await t.login('approver-a', 'approver-pass-1');
  });
  afterAll(() => t.close());

  /** A new union in 广州 with an organiser of its own, and a first policy version from today when given. */
  async function newUnion(code: string, policy?: Record<string, unknown>): Promise<{ id: number; organiser: string }> {
    const id = (await t.ok<any>('mutation($i:CreateUnionInput!){createUnion(input:$i){id}}', { i: { code, name: `${code} 测试工会`, regionId: w.regions.GZ } }, w.admin)).createUnion.id;
    const username = `organiser-${code.toLowerCase()}`;
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username, password: 'organiser-pass-1', role: 'UNION_ORGANISER', unionId: id } }, w.admin);
    if (policy) await t.ok(SET, { i: { unionId: id, effectiveFrom: today, ...policy } }, w.admin);
    return { id, organiser: await t.login(username, 'organiser-pass-1') };
  }

  /** The k-th of a person's stays, 5k days away from today and in this year (later in January, earlier otherwise). */
  const apart = (k: number) => addDays(today, (today.slice(5, 7) === '01' ? 1 : -1) * 5 * k);

  /**
   * A stay of these people arriving today at base A, taken to COMPLETED, then moved to start on
   * `movedTo` (as if it had been then) so that the next stay of the same people does not overlap it.
   */
  async function completedStay(organiser: string, people: number[], movedTo: string): Promise<{ id: number; ids: number[] }> {
    const b = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: today, headcount: people.length } }, organiser)).requestBatch;
    await t.ok('mutation($id:Int!){confirmBatch(id:$id){id}}', { id: b.id }, w.baseA.operator);
    const ids = (await t.ok<any>(ADD_PARTICIPANTS, { b: b.id, p: people.map((n) => person(n)) }, w.baseA.operator)).addParticipants.map((p: any) => p.id);
    await readyForCheckIn(t, b.id, organiser, w.baseA.operator);
    await t.ok('mutation($id:Int!){checkInBatch(id:$id){id}}', { id: b.id }, w.baseA.operator);
    await completeBatch(t, b.id, w.baseA.operator);
    await t.get(TransactionRunner).transaction(RequestContext.system(), (tx) => tx.em.query('UPDATE batch SET startDate = ?, endDate = ? WHERE id = ?', [movedTo, addDays(movedTo, 3), b.id]));
    return { id: b.id, ids };
  }

  it('the defaults until a union sets its own; versions by effective date, set by the union’s approver or an admin', async () => {
    expect((await t.ok<any>(POLICY, { u: w.unionB.id }, w.unionB.organiser)).unionPolicy).toEqual({
      id: 0,
      effectiveFrom: '2000-01-01',
      capPerPersonPerDay: '600.00',
      maxDaysPerTrip: 5,
      maxDaysPerYear: 5,
    });
    // Another union's rules are its own business; a base reads any union's.
    expect(errorCode(await t.gql(POLICY, { u: w.unionA.id }, w.unionB.organiser))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('query($u:Int!){unionPolicyVersions(unionId:$u){id}}', { u: w.unionB.id }, approverA))).toBe('FORBIDDEN');
    expect((await t.ok<any>(POLICY, { u: w.unionA.id }, w.baseB.operator)).unionPolicy.maxDaysPerTrip).toBe(5);
    expect(errorCode(await t.gql(SET, { i: { unionId: w.unionA.id, effectiveFrom: today, maxDaysPerTrip: 4 } }, w.unionA.organiser))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SET, { i: { unionId: w.unionB.id, effectiveFrom: today, maxDaysPerTrip: 4 } }, approverA))).toBe('FORBIDDEN');
    const past = await t.gql(SET, { i: { unionId: w.unionA.id, effectiveFrom: addDays(today, -1), maxDaysPerTrip: 4 } }, approverA);
    expect([errorCode(past), past.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'effectiveFrom']);
    const later = addDays(today, 30);
    const v1 = (await t.ok<any>(SET, { i: { unionId: w.unionA.id, effectiveFrom: later, capPerPersonPerDay: '400.00' } }, approverA)).setUnionPolicy;
    // What is not given is kept from the version before it (today's: no public notice).
    expect(v1).toMatchObject({ effectiveFrom: later, capPerPersonPerDay: '400.00', maxDaysPerTrip: 5, insuranceMinimum: '1000000.00', publicationRequired: false, publicationWorkingDays: 3 });
    // Today's version may already judge today's batches: it stands. A later one is corrected in place.
    expect(errorCode(await t.gql(SET, { i: { unionId: w.unionA.id, effectiveFrom: today, maxDaysPerYear: 6 } }, w.admin))).toBe('CONFLICT');
    const corrected = (await t.ok<any>(SET, { i: { unionId: w.unionA.id, effectiveFrom: later, maxDaysPerYear: 6 } }, w.admin)).setUnionPolicy;
    expect(corrected).toMatchObject({ id: v1.id, capPerPersonPerDay: '400.00', maxDaysPerYear: 6 });
    const noChange = await t.gql(SET, { i: { unionId: w.unionA.id, effectiveFrom: addDays(later, 2), capPerPersonPerDay: '400.00' } }, w.admin);
    expect([errorCode(noChange), noChange.errors?.[0].message]).toEqual(['BAD_USER_INPUT', `Nothing changes against the version in force from ${later}; a version that changes nothing is not saved`]);
    expect((await t.gql(SET, { i: { unionId: w.unionA.id, effectiveFrom: addDays(later, 1) } }, w.admin)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect((await t.ok<any>(POLICY, { u: w.unionA.id }, w.unionA.organiser)).unionPolicy.capPerPersonPerDay).toBe('600.00');
    expect((await t.ok<any>(POLICY, { u: w.unionA.id, on: later }, w.unionA.organiser)).unionPolicy.capPerPersonPerDay).toBe('400.00');
    expect((await t.ok<any>(POLICY, { u: w.unionA.id, on: addDays(later, -1) }, w.unionA.organiser)).unionPolicy.capPerPersonPerDay).toBe('600.00');
  });

  it('a stay is its nights + 1 days: 4 nights are 5 days and pass a 5-day trip maximum, 5 nights do not', async () => {
    const pkg = async (nights: number) =>
      (
        await t.ok<any>(
          'mutation($i:CreatePackageInput!){createPackage(input:$i){id}}',
          { i: { baseId: w.baseB.id, name: `${nights} nights`, nights, pricePerPerson: '1000.00', minGroupSize: 1, maxGroupSize: 99 } },
          w.admin,
        )
      ).createPackage.id;
    const four = await pkg(4);
    const five = await pkg(5);
    expect((await t.ok<any>(REQUEST_BATCH, { i: { packageId: four, startDate: w.start, headcount: 2 } }, w.unionB.organiser)).requestBatch.nights).toBe(4);
    const refused = await t.gql(REQUEST_BATCH, { i: { packageId: five, startDate: w.start, headcount: 2 } }, w.unionB.organiser);
    expect(errorCode(refused)).toBe('POLICY_VIOLATION');
    expect(refused.errors![0].extensions).toMatchObject({ rule: 'maxDaysPerTrip', days: 6, maxDaysPerTrip: 5, field: 'packageId' });
    expect(refused.errors![0].message).toContain('6 days');
  });

  it('a person’s days a year count across batches of every union, by the keyed hash; days over New Year count in each year; the error names only what the caller may see', async () => {
    const two = (
      await t.ok<any>(
        'mutation($i:CreatePackageInput!){createPackage(input:$i){id}}',
        { i: { baseId: w.baseA.id, name: '2 nights', nights: 2, pricePerPerson: '800.00', minGroupSize: 1, maxGroupSize: 99 } },
        w.admin,
      )
    ).createPackage.id;
    // The coming New Year with a December still ahead of it (run in mid-December, the next one).
    const year = today < `${today.slice(0, 4)}-12-08` ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) + 1;
    const newYear = `${year}-12-30`;
    const batch = async (organiser: string, packageId: number, startDate: string) => (await t.ok<any>(REQUEST_BATCH, { i: { packageId, startDate, headcount: 5 } }, organiser)).requestBatch;
    const add = (b: { id: number }, n: number, token: string) => t.gql(ADD_PARTICIPANTS, { b: b.id, p: [person(n)] }, token);
    // Union B: over New Year, 3 nights = 2 days this year and 2 next.
    const overNewYear = await batch(w.unionB.organiser, w.baseA.packageId, newYear);
    expect((await add(overNewYear, 7001, w.unionB.organiser)).errors).toBeUndefined();
    // Union A: 3 more days this year (5 in all) pass; another 3 (8) do not.
    const december = await batch(w.unionA.organiser, two, `${year}-12-10`);
    expect((await add(december, 7001, w.unionA.organiser)).errors).toBeUndefined();
    const again = await batch(w.unionA.organiser, two, `${year}-12-20`);
    const refused = await add(again, 7001, w.unionA.organiser);
    expect(errorCode(refused)).toBe('POLICY_VIOLATION');
    expect(refused.errors![0].extensions).toMatchObject({ rule: 'maxDaysPerYear', maxDaysPerYear: 5, field: 'participants.0.idNumber' });
    // Union A sees its own December batch named, and union B's only counted.
    expect(refused.errors![0].message).toContain(`${year}`);
    expect(refused.errors![0].message).toContain(december.reference);
    expect(refused.errors![0].message).not.toContain(overNewYear.reference);
    expect(refused.errors![0].message).toContain('1 other batch');
    expect(JSON.stringify(refused.errors)).not.toContain(person(7001).idNumber);
    // Changing someone into that person is refused the same way, named as the update's field.
    const other = (await add(again, 7004, w.unionA.organiser)).data!.addParticipants[0].id;
    const changed = await t.gql('mutation($id:Int!,$i:UpdateParticipantInput!){updateParticipant(id:$id,input:$i){id}}', { id: other, i: { idNumber: person(7001).idNumber } }, w.unionA.organiser);
    expect(changed.errors![0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'maxDaysPerYear', field: 'input.idNumber' });
    expect(changed.errors![0].message).toMatch(/^This person would have 8 days/);
    await t.ok('mutation($id:Int!){removeParticipant(id:$id){id}}', { id: other }, w.unionA.organiser);
    // Next year: 2 days over New Year + 3 = 5 pass.
    const january = await batch(w.unionA.organiser, two, `${year + 1}-01-10`);
    expect((await add(january, 7001, w.unionA.organiser)).errors).toBeUndefined();
    // A cancelled batch frees its days.
    await t.ok('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){id}}', { id: december.id }, w.unionA.organiser);
    expect((await add(again, 7001, w.unionA.organiser)).errors).toBeUndefined();
  });

  it('a bill splits the package price per person: union funds up to cap × days, the rest each worker’s own share, by the policy of the request date', async () => {
    // Union B: cap 400.00 from today; union A: the cap changes only in 30 days, so today's 600.00 applies.
    await t.ok(SET, { i: { unionId: w.unionB.id, effectiveFrom: today, capPerPersonPerDay: '400.00', maxDaysPerYear: 366, publicationRequired: false } }, w.admin);
    const b = await stay(t, { organiser: w.unionB.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 3 }, 'COMPLETED');
    const billB = (
      await t.ok<any>(
        `mutation($b:Int!){issueBill(batchId:$b){total funding{capPerPersonPerDay days people unionFundedPerPerson selfPaidPerPerson unionFunded selfPaid}}}`,
        { b: b.id },
        w.baseA.operator,
      )
    ).issueBill;
    // 1980.00 for 3 nights = 4 days: 1600.00 from union funds, 380.00 each worker's own.
    expect(billB).toEqual({
      total: '5940.00',
      funding: { capPerPersonPerDay: '400.00', days: 4, people: 3, unionFundedPerPerson: '1600.00', selfPaidPerPerson: '380.00', unionFunded: '4800.00', selfPaid: '1140.00' },
    });
    const a = await stay(t, { organiser: w.unionA.organiser, operator: w.baseA.operator }, { packageId: w.baseA.packageId, startDate: today, headcount: 2 }, 'COMPLETED');
    const billA = (await t.ok<any>(`mutation($b:Int!){issueBill(batchId:$b){funding{capPerPersonPerDay unionFundedPerPerson selfPaidPerPerson}}}`, { b: a.id }, w.baseA.operator)).issueBill;
    expect(billA.funding).toEqual({ capPerPersonPerDay: '600.00', unionFundedPerPerson: '1980.00', selfPaidPerPerson: '0.00' });
  });

  it('Participant.lastStayDate by keyed hash, people who never went first, and the union’s coverage over five years', async () => {
    // person(500003) went with union A's completed stay of today (the stays helper numbers people from 500000).
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-15`;
    const batch = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: nextYear, headcount: 2 } }, w.unionA.organiser)).requestBatch;
    await t.ok(ADD_PARTICIPANTS, { b: batch.id, p: [person(500003), person(7100)] }, w.unionA.organiser);
    const list = (await t.ok<any>('query($id:Int!){batch(id:$id){participants(neverWentFirst:true){idNumberMasked lastStayDate}}}', { id: batch.id }, w.unionA.organiser)).batch.participants;
    expect(list.map((p: any) => p.lastStayDate)).toEqual([null, today]);
    expect(errorCode(await t.gql('mutation($u:Int!){setUnionMemberCount(unionId:$u,memberCount:50){id}}', { u: w.unionA.id }, w.unionA.organiser))).toBe('FORBIDDEN');
    await t.ok('mutation($u:Int!){setUnionMemberCount(unionId:$u,memberCount:50){id}}', { u: w.unionA.id }, approverA);
    const COVERAGE = 'query($u:Int!){union(id:$u){memberCount coverage{peopleWithStay memberCount percent}}}';
    // Union A's stays that went ahead: 2 people today (test 4's second stay).
    expect((await t.ok<any>(COVERAGE, { u: w.unionA.id }, approverA)).union).toEqual({ memberCount: 50, coverage: { peopleWithStay: 2, memberCount: 50, percent: 4 } });
    expect((await t.ok<any>(COVERAGE, { u: w.unionA.id }, w.unionB.organiser)).union.coverage).toBeNull();
  });

  it('a version saved today reaches only the batches requested after it; unknown unions and a trip longer than the year are refused', async () => {
    const { id: union, organiser } = await newUnion('T-POLICY-C');
    const request = async () => (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: addDays(w.start, 3), headcount: 2 } }, organiser)).requestBatch;
    const early = await request();
    const version = (await t.ok<any>(SET, { i: { unionId: union, effectiveFrom: today, insuranceMinimum: '2000000.00' } }, w.admin)).setUnionPolicy;
    const late = await request();
    const judgedBy = async (id: number) => (await t.ok<any>('query($id:Int!){batch(id:$id){unionPolicy{id insuranceMinimum}}}', { id }, organiser)).batch.unionPolicy;
    expect(await judgedBy(early.id)).toEqual({ id: 0, insuranceMinimum: '1000000.00' });
    expect(await judgedBy(late.id)).toEqual({ id: version.id, insuranceMinimum: '2000000.00' });
    const insure = (id: number) => t.gql(RECORD_INSURANCE, { i: { batchId: id, insurer: '中国人寿', policyNumber: `PL-${id}`, sumInsured: '1000000.00' } }, organiser);
    expect((await insure(early.id)).errors).toBeUndefined();
    expect((await insure(late.id)).errors![0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'insuranceMinimum' });

    expect(errorCode(await t.gql(POLICY, { u: 999_999 }, w.admin))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql('query($u:Int!){unionPolicyVersions(unionId:$u){id}}', { u: 999_999 }, w.admin))).toBe('NOT_FOUND');
    const longTrip = await t.gql(SET, { i: { unionId: union, effectiveFrom: addDays(today, 1), maxDaysPerTrip: 7 } }, w.admin);
    expect([errorCode(longTrip), longTrip.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'maxDaysPerTrip']);
    expect(longTrip.errors![0].message).toMatch(/7 days .* 5 days/);
    // A class-validator message names its field once.
    const outOfRange = await t.gql(SET, { i: { unionId: union, effectiveFrom: addDays(today, 1), maxDaysPerTrip: 31 } }, w.admin);
    expect(outOfRange.errors![0].message).toBe('maxDaysPerTrip is 1 to 30');
  });

  it('a yearly cap per person: union funds stop at it across the union’s bills of the year, by keyed hash, and a void bill stops counting', async () => {
    const { organiser } = await newUnion('T-POLICY-D', { capPerPersonPerYear: '3000.00', maxDaysPerYear: 366, publicationRequired: false });
    const FUNDING = 'query($id:Int!){bill(id:$id){total funding{capPerPersonPerYear unionFunded selfPaid shares{participantId unionFunded selfPaid yearlyCapReached}}}}';
    /** The k-th completed stay of these people, billed. */
    async function billedStay(people: number[], k: number) {
      const { id, ids } = await completedStay(organiser, people, apart(k));
      const bill = (await t.ok<any>(ISSUE, { b: id }, w.baseA.operator)).issueBill;
      return { ids, funding: (await t.ok<any>(FUNDING, { id: bill.id }, organiser)).bill.funding, billId: bill.id };
    }
    const [P, Q, R] = [7300, 7301, 7302];
    // 1980.00 for 4 days is under the daily cap (600.00 × 4): union funds pay it all, until the year's 3000.00 per person.
    const first = await billedStay([P, Q], 1);
    expect(first.funding).toEqual({
      capPerPersonPerYear: '3000.00',
      unionFunded: '3960.00',
      selfPaid: '0.00',
      shares: first.ids.map((id: number) => ({ participantId: id, unionFunded: '1980.00', selfPaid: '0.00', yearlyCapReached: false })),
    });
    // P has 1020.00 left this year: the other 960.00 is their own; R starts afresh.
    const second = await billedStay([P, R], 2);
    expect(second.funding).toEqual({
      capPerPersonPerYear: '3000.00',
      unionFunded: '3000.00',
      selfPaid: '960.00',
      shares: [
        { participantId: second.ids[0], unionFunded: '1020.00', selfPaid: '960.00', yearlyCapReached: true },
        { participantId: second.ids[1], unionFunded: '1980.00', selfPaid: '0.00', yearlyCapReached: false },
      ],
    });
    // The first bill voided: only the second's 1020.00 counts, so 1980.00 fits under 3000.00 again.
    await t.ok('mutation($id:Int!,$r:String!){voidBill(billId:$id,reason:$r){id}}', { id: first.billId, r: '重开' }, w.admin);
    const third = await billedStay([P], 3);
    expect(third.funding.shares).toEqual([{ participantId: third.ids[0], unionFunded: '1980.00', selfPaid: '0.00', yearlyCapReached: false }]);
  });

  it('bills issued at the same time for one person’s stays never pay more than the yearly cap from union funds', async () => {
    const { organiser } = await newUnion('T-POLICY-E', { capPerPersonPerYear: '5000.00', maxDaysPerYear: 366, publicationRequired: false });
    // Six completed stays of one person in this year (a bill counts the year its stay starts in).
    const batches: number[] = [];
    for (let k = 1; k <= 6; k++) batches.push((await completedStay(organiser, [7400], apart(k))).id);
    const bills = await Promise.all(batches.map((b) => t.ok<any>(`mutation($b:Int!){issueBill(batchId:$b){funding{unionFunded selfPaid}}}`, { b }, w.baseA.operator)));
    const fen = (y: string) => Math.round(Number(y) * 100);
    const funded = bills.map((r) => fen(r.issueBill.funding.unionFunded));
    // 1980.00 + 1980.00 + 1040.00 + 0 + 0 + 0 in whatever order the bills were counted.
    expect(funded.reduce((a, b) => a + b, 0)).toBe(500_000);
    expect(funded.sort((a, b) => b - a)).toEqual([198_000, 198_000, 104_000, 0, 0, 0]);
    expect(bills.reduce((sum, r) => sum + fen(r.issueBill.funding.selfPaid), 0)).toBe(6 * 198_000 - 500_000);
  });
});
