import { addDays, todayInShanghai } from '@app/shared';
import { activeAgreement, partnerOf } from './support/exchange.js';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { completeBatch, ISSUE, readyForCheckIn } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const CHECK_IN = 'mutation($id:Int!,$a:[Int!]){checkInBatch(id:$id,arrivedParticipantIds:$a){status arrivals participants{id arrived}}}';

/** Who actually arrived: the bill charges the package for them, no-shows cost the base's fee, vouchers and person-visits count arrivals. */
describe(`actual arrivals (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let next = 800_000;
  const today = todayInShanghai();

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  /** A confirmed batch arriving today with its full list; answers it and its participants' ids. */
  async function confirmedToday(headcount: number, extra: Record<string, unknown> = {}, organiser = w.unionA.organiser, base = w.baseA) {
    const batch = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: base.packageId, startDate: today, headcount, ...extra } }, organiser)).requestBatch;
    await t.ok('mutation($id:Int!){confirmBatch(id:$id){id}}', { id: batch.id }, base.operator);
    const people = (await t.ok<any>(ADD_PARTICIPANTS, { b: batch.id, p: Array.from({ length: headcount }, () => person(next++)) }, base.operator)).addParticipants;
    await readyForCheckIn(t, batch.id, organiser, base.operator);
    return { batch, ids: people.map((p: any) => p.id as number) };
  }

  it('checks in who arrived; refuses ids not on the list, twice, or nobody', async () => {
    const { batch, ids } = await confirmedToday(4);
    const other = await confirmedToday(1);
    for (const [a, why] of [
      [[other.ids[0]], 'not on the list'],
      [[ids[0], ids[0]], 'twice'],
      [[], 'at least one'],
    ] as const) {
      const res = await t.gql(CHECK_IN, { id: batch.id, a }, w.baseA.operator);
      expect([errorCode(res), res.errors?.[0].extensions?.field, res.errors?.[0].message.includes(why)]).toEqual(['BAD_USER_INPUT', 'arrivedParticipantIds', true]);
    }
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){status arrivals}}', { id: batch.id }, w.admin)).batch).toEqual({ status: 'CONFIRMED', arrivals: null });
    const done = (await t.ok<any>(CHECK_IN, { id: batch.id, a: ids.slice(0, 3) }, w.baseA.operator)).checkInBatch;
    expect(done.status).toBe('CHECKED_IN');
    expect(done.arrivals).toBe(3);
    expect(done.participants.map((p: any) => [p.id, p.arrived]).sort()).toEqual(ids.map((id: number, i: number) => [id, i < 3]).sort());
    // Omitted: everyone on the list arrived.
    expect((await t.ok<any>(CHECK_IN, { id: other.batch.id }, w.baseA.operator)).checkInBatch.arrivals).toBe(1);
  });

  it('bills the package for the arrivals and the base’s no-show fee for the others, to the fen; statistics count arrivals', async () => {
    expect(errorCode(await t.gql('mutation($b:Int!){setNoShowFee(baseId:$b,percent:30)}', { b: w.baseA.id }, w.baseB.operator))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('mutation($b:Int!){setNoShowFee(baseId:$b,percent:101)}', { b: w.baseA.id }, w.baseA.operator))).toBe('BAD_USER_INPUT');
    await t.ok('mutation($b:Int!){setNoShowFee(baseId:$b,percent:30)}', { b: w.baseA.id }, w.baseA.operator);
    const { batch, ids } = await confirmedToday(5);
    await t.ok(CHECK_IN, { id: batch.id, a: ids.slice(0, 3) }, w.baseA.operator);
    await completeBatch(t, batch.id, w.baseA.operator);
    const bill = (await t.ok<any>(ISSUE, { b: batch.id }, w.baseA.operator)).issueBill;
    // 3 × 1980.00, then 2 × 30 % of 1980.00 = 2 × 594.00.
    expect(bill.lines.map((l: any) => [l.kind, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['PACKAGE', 3, '1980.00', '5940.00'],
      ['NO_SHOW', 2, '594.00', '1188.00'],
    ]);
    expect(bill.total).toBe('7128.00');
    // The no-show fee is the union's alone: the people it is for did not come.
    const funding = (await t.ok<any>('query($id:Int!){bill(id:$id){funding{people unionFunded selfPaid noShows noShowFee unionTotal}}}', { id: bill.id }, w.unionA.organiser)).bill.funding;
    expect(funding).toEqual({ people: 3, unionFunded: '5940.00', selfPaid: '0.00', noShows: 2, noShowFee: '1188.00', unionTotal: '7128.00' });
    const stats = (await t.ok<any>('query($f:Date!){statistics(from:$f,to:$f,groupBy:BASE){total{current{batches personVisits personNights}}}}', { f: today }, w.baseA.operator)).statistics;
    // The two batches of the first test (3 and 1 arrived) and this one (3 of 5).
    expect(stats.total.current).toEqual({ batches: 3, personVisits: 7, personNights: 21 });
  });

  it('a voucher counts the people who checked in, on the bill and on the subsidy claim', async () => {
    const yf = await partnerOf(t, w, 'YF');
    const agreement = await activeAgreement(t, w.partner, yf, {
      partnerRegionId: w.regions.YF,
      title: 'arrivals',
      from: today,
      to: today.replace(/^\d{4}/, (y) => String(Number(y) + 1)),
      benefits: [{ hostRegionId: w.regions.YF, type: 'VOUCHER_PER_PERSON', amount: '50' }],
    });
    const { batch, ids } = await confirmedToday(4, { agreementId: agreement }, w.unionB.organiser, w.baseB);
    await t.ok(CHECK_IN, { id: batch.id, a: ids.slice(0, 2) }, w.baseB.operator);
    await completeBatch(t, batch.id, w.baseB.operator);
    const bill = (await t.ok<any>(ISSUE, { b: batch.id }, w.baseB.operator)).issueBill;
    expect(bill.lines.map((l: any) => [l.kind, l.quantity, l.amount])).toEqual([
      ['PACKAGE', 2, '3960.00'],
      ['NO_SHOW', 2, '0.00'],
      ['VOUCHER', 2, '-100.00'],
    ]);
    // The voucher comes off what union funds and the workers pay between them: the split sums to the bill.
    const funding = (await t.ok<any>('query($id:Int!){bill(id:$id){total funding{unionFundedPerPerson unionFunded selfPaid unionTotal}}}', { id: bill.id }, w.unionB.organiser)).bill;
    expect(funding).toEqual({ total: '3860.00', funding: { unionFundedPerPerson: '1930.00', unionFunded: '3860.00', selfPaid: '0.00', unionTotal: '3860.00' } });
    const claim = (await t.ok<any>('mutation($a:Int!,$f:Date!){issueSubsidyClaim(agreementId:$a,from:$f,to:$f){total}}', { a: agreement, f: today }, w.baseB.operator)).issueSubsidyClaim;
    expect(claim).toEqual([{ total: '100.00' }]);
  });

  it('the team leader must be among the arrivals', async () => {
    const { batch, ids } = await confirmedToday(3);
    // readyForCheckIn made the first person the leader; they did not come.
    const res = await t.gql(CHECK_IN, { id: batch.id, a: ids.slice(1) }, w.baseA.operator);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'CONFIRMED',
      to: 'CHECKED_IN',
      field: 'arrivedParticipantIds',
      missing: [{ what: 'a team leader (领队) among the arrivals' }],
    });
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){status arrivals}}', { id: batch.id }, w.admin)).batch).toEqual({ status: 'CONFIRMED', arrivals: null });
    await t.ok('mutation($p:Int!){setTeamLeader(participantId:$p){id}}', { p: ids[1] }, w.baseA.operator);
    expect((await t.ok<any>(CHECK_IN, { id: batch.id, a: ids.slice(1) }, w.baseA.operator)).checkInBatch.arrivals).toBe(2);
  });

  it('a no-show used none of the year’s days', async () => {
    // Union A's policy: 5 days a year. A 3-night stay is 4 days: one more is 8 for whoever went.
    const first = next;
    const { batch, ids } = await confirmedToday(2);
    await t.ok(CHECK_IN, { id: batch.id, a: [ids[0]] }, w.baseA.operator);
    const later = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(today, 4), headcount: 2 } }, w.unionA.organiser)).requestBatch;
    const add = (n: number) => t.gql(ADD_PARTICIPANTS, { b: later.id, p: [person(n)] }, w.unionA.organiser);
    expect((await add(first + 1)).errors).toBeUndefined();
    expect((await add(first)).errors![0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'maxDaysPerYear' });
  });
});
