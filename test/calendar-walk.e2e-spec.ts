import { SweepScheduler } from '@app/shared';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { completeBatch, ISSUE, onDay, PAY, readyForCheckIn } from './support/stays.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

/** The Friday before the week of 中秋 (Fri 25 – Sun 27 Sep 2026) and 国庆 (1–7 Oct); Sun 20 Sep is a make-up working day. */
const FRIDAY = '2026-09-18';
/** Arrival on the Monday after 国庆 (Sat 10 Oct is a make-up working day). */
const ARRIVAL = '2026-10-12';
const BATCH = `query($id:Int!){batch(id:$id){status holdWaitsFor holdExpiresAt rosterStatus rosterClearsOn
  deadlines{submitBy approveBy publishBy clearsOn confirmBy rosterFreezesOn} history{from to reason}}}`;
const MOVE = (name: string, reason = false) =>
  `mutation($b:Int!${reason ? ',$r:String!' : ''}){${name}(batchId:$b${reason ? ',reason:$r' : ''}){holdWaitsFor holdExpiresAt rosterStatus rosterClearsOn}}`;
/** The end of a day in Asia/Shanghai, as GraphQL answers it. */
const endOf = (day: string) => new Date(`${day}T23:59:59+08:00`).toISOString();
/** 10:00 in Shanghai on a day. */
const at10 = (day: string) => new Date(`${day}T02:00:00Z`);

/**
 * A union's trip along the real 2026 calendar with the app's clock moved day by day (onDay): the
 * deadlines of each step, a hold that waits for the next step instead of lapsing over the weekend,
 * the notice cleared by the sweep, the stay confirmed, checked in, completed and billed; and the
 * refusals: a request that cannot clear notice in time, and a missed step lapsing the hold.
 */
describe(`a trip along the working calendar (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let approver: string;
  let next = 810_000;

  beforeAll(async () => {
    t = await startTestApp();
    // The default policy: the list is approved and publicly posted for 3 working days before the base confirms.
    w = await buildWorld(t, { publication: true });
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-w', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    approver = await t.login('approver-w', 'approver-pass-1');
    // Beds from that Friday on: "today" for the capacity calendar is the clock's day.
    await onDay(t, FRIDAY, () => t.ok('mutation($i:SetCapacityInput!){setCapacity(input:$i){date}}', { i: { baseId: w.baseA.id, from: FRIDAY, to: '2026-10-31', totalBeds: 40 } }, w.admin));
  });
  afterAll(() => t.close());

  const batch = async (id: number) => (await t.ok<any>(BATCH, { id }, w.admin)).batch;
  const request = (startDate: string, organiser = w.unionA.organiser) => t.gql<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate, headcount: 2 } }, organiser);
  const listOf = (id: number) => t.ok(ADD_PARTICIPANTS, { b: id, p: [person(next++), person(next++)] }, w.baseA.operator);
  const sweepAt = (now: Date) => t.get(SweepScheduler).runAll(now);

  it('requested on the Friday before the holidays, submitted, approved on the make-up Sunday, posted, cleared, confirmed, checked in, completed and billed', async () => {
    const requested = await onDay(t, FRIDAY, () => request(ARRIVAL));
    const id: number = requested.data.requestBatch.id;
    // The list is due on Tue 29 Sep; it is posted on Wed 30 Sep at the latest and counts 8, 9 and the make-up Saturday 10 Oct.
    expect(await batch(id)).toMatchObject({
      status: 'REQUESTED',
      holdWaitsFor: 'SUBMIT_LIST',
      holdExpiresAt: endOf('2026-09-29'),
      deadlines: { submitBy: '2026-09-29', approveBy: '2026-09-30', publishBy: '2026-09-30', clearsOn: '2026-10-11', confirmBy: ARRIVAL, rosterFreezesOn: '2026-10-09' },
    });
    // The plain 48 hours would have ended on Sunday morning: the sweep on Monday leaves the batch held.
    expect((await sweepAt(at10('2026-09-21')))['expired holds']).toBe(0);
    expect((await batch(id)).status).toBe('REQUESTED');

    await listOf(id);
    const submitted = await onDay(t, FRIDAY, () => t.ok<any>(MOVE('submitRoster'), { b: id }, w.unionA.organiser));
    expect(submitted.submitRoster).toMatchObject({ rosterStatus: 'SUBMITTED', holdWaitsFor: 'APPROVE_LIST', holdExpiresAt: endOf('2026-09-30') });
    // The next working day is the make-up Sunday.
    const approved = await onDay(t, '2026-09-20', () => t.ok<any>(MOVE('approveRoster'), { b: id }, approver));
    expect(approved.approveRoster).toMatchObject({ rosterStatus: 'APPROVED', holdWaitsFor: 'PUBLISH_LIST', holdExpiresAt: endOf('2026-09-30') });
    // Posted that Sunday: Mon 21, Tue 22, Wed 23; it clears on Thu 24 and the base has two days more (the hold gets shorter).
    const posted = await onDay(t, '2026-09-20', () => t.ok<any>(MOVE('publishRoster'), { b: id }, approver));
    expect(posted.publishRoster).toEqual({ rosterStatus: 'PUBLISHED', rosterClearsOn: '2026-09-24', holdWaitsFor: 'CONFIRM', holdExpiresAt: endOf('2026-09-26') });
    const early = await onDay(t, '2026-09-23', () => t.gql('mutation($id:Int!){confirmBatch(id:$id){status}}', { id }, w.baseA.operator));
    expect(errorCode(early)).toBe('INVALID_TRANSITION');

    expect((await sweepAt(at10('2026-09-24')))['cleared rosters']).toBe(1);
    expect(await batch(id)).toMatchObject({ rosterStatus: 'CLEARED', holdWaitsFor: 'CONFIRM', holdExpiresAt: endOf('2026-09-26') });
    // 中秋 is a holiday, but the base answers its requests.
    const confirmed = await onDay(t, '2026-09-25', () => t.ok<any>('mutation($id:Int!){confirmBatch(id:$id){status holdWaitsFor holdExpiresAt}}', { id }, w.baseA.operator));
    expect(confirmed.confirmBatch).toEqual({ status: 'CONFIRMED', holdWaitsFor: null, holdExpiresAt: null });

    await readyForCheckIn(t, id, w.unionA.organiser, w.baseA.operator);
    const before = await onDay(t, '2026-10-11', () => t.gql('mutation($id:Int!){checkInBatch(id:$id){status}}', { id }, w.baseA.operator));
    expect(errorCode(before)).toBe('INVALID_TRANSITION');
    await onDay(t, ARRIVAL, () => t.ok('mutation($id:Int!){checkInBatch(id:$id){status}}', { id }, w.baseA.operator));
    expect((await completeBatch(t, id, w.baseA.operator)).status).toBe('COMPLETED');
    const bill = (await onDay(t, '2026-10-15', () => t.ok<any>(ISSUE, { b: id }, w.baseA.operator))).issueBill;
    expect(bill.total).toBe('3960.00');
    const paid = await onDay(t, '2026-10-16', () => t.ok<any>(PAY, { i: { billId: bill.id, amount: bill.total, method: 'BANK_TRANSFER', reference: 'TX-WALK' } }, w.baseA.operator));
    expect(paid.recordPayment).toMatchObject({ status: 'PAID', outstanding: '0.00' });
    const done = await batch(id);
    expect(done.status).toBe('SETTLED');
    expect(done.history.map((e: any) => e.to)).toEqual(['REQUESTED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'SETTLED']);
  });

  it('a request whose list cannot clear notice before arrival is refused with the earliest start date that fits; that date is accepted', async () => {
    // Arriving Wed 23 Sep, the list would have had to be submitted by Thu 17 to be posted on Friday 18.
    const refused = await onDay(t, FRIDAY, () => request('2026-09-23'));
    expect(refused.errors![0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', field: 'startDate', earliestStartDate: '2026-09-24', rule: 'publicationWorkingDays' });
    expect(refused.errors![0].message).toBe(
      "A stay arriving on 2026-09-23 does not fit the union's approval path: its rooming list would have to be submitted by 2026-09-17 to be approved and posted for 3 working days by 2026-09-18, and today is 2026-09-18; the earliest start date that fits is 2026-09-24",
    );
    const tooLate = await onDay(t, FRIDAY, () => request('2026-09-21'));
    expect(tooLate.errors![0].message).toMatch(/would have to be publicly posted by 2026-09-16 .* the earliest start date that fits is 2026-09-24$/);
    // No beds were taken by the refusals.
    const nights = (await t.ok<any>('query($id:Int!,$f:Date!,$t:Date!){base(id:$id){calendar(from:$f,to:$t){reservedBeds}}}', { id: w.baseA.id, f: '2026-09-21', t: '2026-09-23' }, w.admin)).base
      .calendar;
    expect(nights.map((n: any) => n.reservedBeds)).toEqual([0, 0, 0]);

    const accepted = await onDay(t, FRIDAY, () => request('2026-09-24'));
    const b = await batch(accepted.data.requestBatch.id);
    // Due today, posted on the make-up Sunday: the plain 48 hours outlast the end of today.
    expect(b).toMatchObject({ holdWaitsFor: 'SUBMIT_LIST', holdExpiresAt: '2026-09-20T02:00:00.000Z', deadlines: { submitBy: FRIDAY, publishBy: '2026-09-20', clearsOn: '2026-09-24' } });
  });

  it('a list sent back waits for its submission again, and a missed submission lapses the hold with the step in the history', async () => {
    const requested = await onDay(t, FRIDAY, () => request(ARRIVAL));
    const id: number = requested.data.requestBatch.id;
    await listOf(id);
    await onDay(t, FRIDAY, () => t.ok(MOVE('submitRoster'), { b: id }, w.unionA.organiser));
    const rejected = await onDay(t, '2026-09-21', () => t.ok<any>(MOVE('rejectRoster', true), { b: id, r: '名单有误' }, approver));
    expect(rejected.rejectRoster).toMatchObject({ rosterStatus: 'DRAFT', holdWaitsFor: 'SUBMIT_LIST', holdExpiresAt: endOf('2026-09-29') });

    // The last second of the deadline day still holds; the sweep the next morning expires it.
    await sweepAt(new Date(`2026-09-29T23:59:58+08:00`));
    expect((await batch(id)).status).toBe('REQUESTED');
    await sweepAt(at10('2026-09-30'));
    const lapsed = await batch(id);
    expect(lapsed).toMatchObject({ status: 'EXPIRED', holdWaitsFor: null, holdExpiresAt: null });
    expect(lapsed.history.at(-1)).toEqual({ from: 'REQUESTED', to: 'EXPIRED', reason: 'the list was not submitted by 2026-09-29; the hold expired at 2026-09-29T15:59:59.000Z' });
  });
});
