import { type DayKind, DEFAULT_POLICY, HolidayService, type UnionPolicy } from '@app/base';
import { BatchStep, type DeadlineRules, deadlinesFor, DeadlineService, earliestFit, holdUntil } from '@app/booking';
import { RequestContext, Role } from '@app/shared';
import { actorCtx, Fixtures, type TestBase } from '../support/service-fixtures.js';
import { domainError, type ServiceHarness, startServiceHarness } from '../support/service-harness.js';
import { DB_KIND } from '../support/test-app.js';

const NOTICE: DeadlineRules = { publicationRequired: true, publicationWorkingDays: 3, cutoffDays: 3 };
const HOLD_TTL = 48 * 3600;

/**
 * A batch's deadlines over the working calendar the migration seeds (2026: 中秋 25–27 Sep, 国庆 1–7 Oct,
 * make-up working days Sun 20 Sep and Sat 10 Oct), and around a plain weekend; the holds they give;
 * the refusal of a request whose list cannot clear notice before arrival, with the earliest date that fits.
 */
describe(`deadlines, service tier (${DB_KIND})`, () => {
  let h: ServiceHarness;
  let f: Fixtures;
  let calendar: Map<string, DayKind>;
  let base: TestBase;

  beforeAll(async () => {
    h = await startServiceHarness();
    f = new Fixtures(h);
    calendar = await h.get(HolidayService).calendarBetween(RequestContext.system(), '2026-08-01', '2026-12-31');
    base = await f.base();
  });
  afterAll(() => h.close());

  const on = (startDate: string, rules: DeadlineRules = NOTICE) => deadlinesFor(startDate, rules, calendar);

  it.each([
    // [what, arrival, submitBy, approveBy = publishBy, clearsOn, rosterFreezesOn]
    ['国庆: arriving Mon 12 Oct, the list is posted on Wed 30 Sep and counts 8, 9 and the make-up Saturday 10', '2026-10-12', '2026-09-29', '2026-09-30', '2026-10-11', '2026-10-09'],
    ['国庆: arriving Thu 8 Oct, posted Thu 24 Sep (before 中秋) and counting 28, 29, 30 Sep', '2026-10-08', '2026-09-23', '2026-09-24', '2026-10-01', '2026-10-05'],
    ['the make-up Sunday 20 Sep is a working day to post on', '2026-09-24', '2026-09-18', '2026-09-20', '2026-09-24', '2026-09-21'],
    ['a plain weekend: arriving Mon 30 Nov, posted Tue 24 and clearing on Saturday', '2026-11-30', '2026-11-23', '2026-11-24', '2026-11-28', '2026-11-27'],
    ['a plain weekend: arriving on a Sunday, the same as on the Saturday before', '2026-11-29', '2026-11-23', '2026-11-24', '2026-11-28', '2026-11-26'],
  ])('%s', (_what, start, submitBy, publishBy, clearsOn, rosterFreezesOn) => {
    expect(on(start)).toEqual({ submitBy, approveBy: publishBy, publishBy, clearsOn, confirmBy: start, rosterFreezesOn });
  });

  it('the list is due the day before it freezes when the cut-off comes first; without public notice only the base confirms by arrival', () => {
    expect(on('2026-11-30', { ...NOTICE, cutoffDays: 10 })).toMatchObject({ submitBy: '2026-11-19', publishBy: '2026-11-24', rosterFreezesOn: '2026-11-20' });
    expect(on('2026-11-30', { ...NOTICE, publicationWorkingDays: 1 })).toMatchObject({ submitBy: '2026-11-25', publishBy: '2026-11-26', clearsOn: '2026-11-28' });
    expect(on('2026-10-12', { ...NOTICE, publicationRequired: false })).toEqual({
      submitBy: null,
      approveBy: null,
      publishBy: null,
      clearsOn: null,
      confirmBy: '2026-10-12',
      rosterFreezesOn: '2026-10-09',
    });
  });

  it('a hold lasts to the end of the deadline day of the step it waits for, never less than the plain 48 hours', () => {
    const d = on('2026-10-12');
    const friday = new Date('2026-09-18T02:00:00Z');
    expect(holdUntil(BatchStep.SUBMIT_LIST, d, friday, HOLD_TTL)).toEqual(new Date('2026-09-29T15:59:59Z'));
    expect(holdUntil(BatchStep.APPROVE_LIST, d, friday, HOLD_TTL)).toEqual(new Date('2026-09-30T15:59:59Z'));
    expect(holdUntil(BatchStep.PUBLISH_LIST, d, friday, HOLD_TTL)).toEqual(new Date('2026-09-30T15:59:59Z'));
    // Waiting for the base: two days past the day the list clears (its own day once posted), at most to arrival.
    expect(holdUntil(BatchStep.CONFIRM, d, friday, HOLD_TTL)).toEqual(new Date('2026-10-12T15:59:59Z'));
    expect(holdUntil(BatchStep.CONFIRM, d, friday, HOLD_TTL, '2026-09-24')).toEqual(new Date('2026-09-26T15:59:59Z'));
    // Requested late on the deadline day itself: the plain hold is longer.
    const late = new Date('2026-09-29T12:00:00Z');
    expect(holdUntil(BatchStep.SUBMIT_LIST, d, late, HOLD_TTL)).toEqual(new Date('2026-10-01T12:00:00Z'));
    // Without public notice: exactly the plain hold.
    expect(holdUntil(BatchStep.CONFIRM, on('2026-10-12', { ...NOTICE, publicationRequired: false }), friday, HOLD_TTL, '2026-09-24')).toEqual(new Date('2026-09-20T02:00:00Z'));
  });

  it('the earliest start date that fits is the first from the asked one whose list can still be submitted today', () => {
    expect(earliestFit('2026-09-23', '2026-09-18', NOTICE, calendar)).toBe('2026-09-24');
    expect(earliestFit('2026-09-24', '2026-09-18', NOTICE, calendar)).toBe('2026-09-24');
    // From inside 国庆 the list is submitted on Thu 8 Oct at the earliest: approved and posted Fri 9, clearing after Sat 10, Mon 12, Tue 13.
    expect(earliestFit('2026-10-03', '2026-10-03', NOTICE, calendar)).toBe('2026-10-14');
    expect(on('2026-10-14').submitBy).toBe('2026-10-08');
  });

  it('assertFits refuses a stay whose list cannot clear in time with POLICY_VIOLATION naming the step and the earliest start date; answers the deadlines otherwise', async () => {
    const deadlines = h.get(DeadlineService);
    const policy: UnionPolicy = { ...DEFAULT_POLICY, unionId: 1 };
    // A person's request: the system's own seeding (the demo's stays in progress) is exempt, as checked last.
    const admin = actorCtx(Role.ADMIN);
    const refused = await domainError(deadlines.assertFits(admin, { unionPolicy: policy, baseId: base.id, startDate: '2026-09-23', today: '2026-09-18' }));
    expect(refused.code).toBe('POLICY_VIOLATION');
    expect(refused.message).toBe(
      "A stay arriving on 2026-09-23 does not fit the union's approval path: its rooming list would have to be submitted by 2026-09-17 to be approved and posted for 3 working days by 2026-09-18, and today is 2026-09-18; the earliest start date that fits is 2026-09-24",
    );
    expect(refused.details).toEqual({ rule: 'publicationWorkingDays', field: 'startDate', earliestStartDate: '2026-09-24', submitBy: '2026-09-17', publishBy: '2026-09-18' });
    const tooLate = await domainError(deadlines.assertFits(admin, { unionPolicy: policy, baseId: base.id, startDate: '2026-09-22', today: '2026-09-18' }));
    expect(tooLate.message).toContain('would have to be publicly posted by 2026-09-17 to clear 3 working days of notice before arrival');
    expect(tooLate.details).toMatchObject({ earliestStartDate: '2026-09-24' });
    expect(await deadlines.assertFits(admin, { unionPolicy: policy, baseId: base.id, startDate: '2026-09-24', today: '2026-09-18' })).toMatchObject({ submitBy: '2026-09-18' });
    // Without public notice any arrival from today fits.
    expect(await deadlines.assertFits(admin, { unionPolicy: { ...policy, publicationRequired: false }, baseId: base.id, startDate: '2026-09-18', today: '2026-09-18' })).toMatchObject({
      submitBy: null,
      confirmBy: '2026-09-18',
    });
    expect(await deadlines.assertFits(f.system, { unionPolicy: policy, baseId: base.id, startDate: '2026-09-23', today: '2026-09-18' })).toMatchObject({ submitBy: '2026-09-17' });
  });

  it("a batch's deadlines come from the policy version it keeps and its base's cut-off", async () => {
    const union = await f.union({ policy: { publicationRequired: true, maxDaysPerYear: 366 } });
    const start = '2026-12-28';
    const batch = await f.request(union, base, start, 2);
    expect(batch.holdWaitsFor).toBe(BatchStep.SUBMIT_LIST);
    const d = await h.get(DeadlineService).forBatch(RequestContext.system(), batch);
    expect(d).toEqual(on(start));
    expect(d).toEqual({ submitBy: '2026-12-21', approveBy: '2026-12-22', publishBy: '2026-12-22', clearsOn: '2026-12-26', confirmBy: start, rosterFreezesOn: '2026-12-25' });
    expect(batch.holdExpiresAt).toEqual(holdUntil(BatchStep.SUBMIT_LIST, d, batch.createdAt, HOLD_TTL));
  });
});
