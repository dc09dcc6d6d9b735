import { BatchLifecycleService, BatchQueryService, BatchStatus } from '@app/booking';
import { InsuranceService, ParticipantEditService } from '@app/roster';
import { addDays } from '@app/shared';
import { Fixtures, type TestBase, type TestUnion } from '../support/service-fixtures.js';
import { domainError, type ServiceHarness, startServiceHarness } from '../support/service-harness.js';
import { DB_KIND } from '../support/test-app.js';

const { REQUESTED, CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, REJECTED, EXPIRED } = BatchStatus;

/**
 * A batch moved through its transition table by BatchLifecycleService on a real database: the
 * history row of every move, the beds held and given back, and a lapsed hold expired by moving the
 * FixedClock past holdExpiresAt — no sleeping.
 */
describe(`batch lifecycle, service tier (${DB_KIND})`, () => {
  let h: ServiceHarness;
  let f: Fixtures;
  let lifecycle: BatchLifecycleService;
  let base: TestBase;
  let union: TestUnion;
  /** The arrival day of every batch here, three weeks ahead of the day the tests began. */
  let arrival: string;
  const start = () => arrival;

  beforeAll(async () => {
    h = await startServiceHarness();
    f = new Fixtures(h);
    lifecycle = h.get(BatchLifecycleService);
    base = await f.base({ beds: 30 });
    union = await f.union({ policy: { maxDaysPerYear: 366 } });
    arrival = addDays(f.today, 20);
  });
  afterAll(() => h.close());
  afterEach(async () => {
    // Whatever a test did, the counters agree with the batches that hold beds.
    expect(await h.get(BatchQueryService).audit(f.admin)).toEqual([]);
  });

  const status = async (id: number) => (await h.get(BatchQueryService).getVisibleOrThrow(f.admin, id)).status;
  const organiser = () => union.organiser.actor!.username;
  const operator = () => base.operator.actor!.username;

  it('REQUESTED → CONFIRMED → CHECKED_IN on the day of arrival → COMPLETED: one history row per move, beds held until the stay is over', async () => {
    const batch = await f.request(union, base, start(), 4);
    expect(batch.holdExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await f.reserved(base, start(), 3)).toEqual([4, 4, 4]);
    const confirmed = await lifecycle.confirm(base.operator, batch.id);
    expect(confirmed).toMatchObject({ status: CONFIRMED, holdExpiresAt: null });
    const people = await f.list(base, batch.id, [1, 2, 3, 4]);
    await h.get(InsuranceService).record(union.organiser, { batchId: batch.id, insurer: '中国人寿', policyNumber: 'PL-1', sumInsured: 1_000_000_00 });
    await h.get(ParticipantEditService).setTeamLeader(base.operator, people[0].id);
    // The day before arrival the clock says no; on the day it says yes.
    const early = await f.onDay(addDays(start(), -1), () => domainError(lifecycle.checkIn(base.operator, batch.id)));
    expect([early.code, early.details]).toEqual(['INVALID_TRANSITION', { from: CONFIRMED, to: CHECKED_IN }]);
    expect(early.message).toContain(`today is ${addDays(start(), -1)}`);
    expect(
      await f.onDay(start(), () =>
        lifecycle.checkIn(
          base.operator,
          batch.id,
          people.slice(0, 3).map((p) => p.id),
        ),
      ),
    ).toMatchObject({ status: CHECKED_IN, arrivals: 3 });
    expect(await f.reserved(base, start(), 3)).toEqual([4, 4, 4]);
    // Not on the day of its last night; from the morning of departure on.
    const lastNight = await f.onDay(addDays(start(), 2), () => domainError(lifecycle.complete(base.operator, batch.id)));
    expect([lastNight.code, lastNight.details]).toEqual(['INVALID_TRANSITION', { from: CHECKED_IN, to: COMPLETED }]);
    expect(lastNight.message).toContain(`stays until ${addDays(start(), 3)}`);
    expect(await f.reserved(base, start(), 3)).toEqual([4, 4, 4]);
    await f.onDay(addDays(start(), 3), () => lifecycle.complete(base.operator, batch.id));
    expect(await f.reserved(base, start(), 3)).toEqual([0, 0, 0]);
    expect(await f.history(batch.id)).toEqual([
      { from: null, to: REQUESTED, actor: organiser(), reason: null },
      { from: REQUESTED, to: CONFIRMED, actor: operator(), reason: null },
      { from: CONFIRMED, to: CHECKED_IN, actor: operator(), reason: null },
      { from: CHECKED_IN, to: COMPLETED, actor: operator(), reason: null },
    ]);
  });

  it('the table decides: who may make a move, from which state; a cancellation needs a reason and gives the beds back', async () => {
    const batch = await f.request(union, base, start(), 5);
    // The organiser does not confirm their own batch.
    const forbidden = await domainError(lifecycle.confirm(union.organiser, batch.id));
    expect(forbidden.code).toBe('FORBIDDEN');
    await lifecycle.confirm(base.operator, batch.id);
    const twice = await domainError(lifecycle.confirm(base.operator, batch.id));
    expect([twice.code, twice.details]).toEqual(['INVALID_TRANSITION', { from: CONFIRMED, to: CONFIRMED }]);
    // No reason: nothing changes.
    const blank = await domainError(() => lifecycle.cancel(union.organiser, batch.id, '  '));
    expect([blank.code, blank.details]).toEqual(['BAD_USER_INPUT', { field: 'reason' }]);
    expect(await status(batch.id)).toBe(CONFIRMED);
    expect(await f.reserved(base, start(), 3)).toEqual([5, 5, 5]);
    // Another union's organiser cannot see it; its own cancels it with the reason on record.
    const stranger = await f.union();
    expect((await domainError(lifecycle.cancel(stranger.organiser, batch.id, 'not mine'))).code).toBe('NOT_FOUND');
    expect(await lifecycle.cancel(union.organiser, batch.id, ' 行程取消 ')).toMatchObject({ status: CANCELLED });
    expect(await f.reserved(base, start(), 3)).toEqual([0, 0, 0]);
    const again = await domainError(lifecycle.cancel(union.organiser, batch.id, 'again'));
    expect([again.code, again.details]).toEqual(['INVALID_TRANSITION', { from: CANCELLED, to: CANCELLED }]);
    expect(await f.history(batch.id)).toEqual([
      { from: null, to: REQUESTED, actor: organiser(), reason: null },
      { from: REQUESTED, to: CONFIRMED, actor: operator(), reason: null },
      { from: CONFIRMED, to: CANCELLED, actor: organiser(), reason: '行程取消' },
    ]);
    // A rejection is the base's, with its reason.
    const rejected = await f.request(union, base, start(), 2);
    await lifecycle.reject(base.operator, rejected.id, '床位检修');
    expect((await f.history(rejected.id)).at(-1)).toEqual({ from: REQUESTED, to: REJECTED, actor: operator(), reason: '床位检修' });
    expect(await f.reserved(base, start(), 3)).toEqual([0, 0, 0]);
  });

  it('a lapsed hold: the clock moved to holdExpiresAt refuses confirmation and headcount changes, and the sweep expires it and gives the beds back', async () => {
    const batch = await f.request(union, base, start(), 6);
    // A confirmed batch holds its beds without a deadline.
    const other = await lifecycle.confirm(base.operator, (await f.request(union, base, start(), 1)).id);
    const expiresAt = batch.holdExpiresAt!;
    expect(expiresAt.getTime() - batch.createdAt.getTime()).toBe(h.config.holdTtlSeconds * 1000);
    const booted = h.clock.now();
    try {
      // A second before: nothing to expire.
      h.clock.set(new Date(expiresAt.getTime() - 1000));
      expect(await h.sweep()).toMatchObject({ 'expired holds': 0 });
      expect(await status(batch.id)).toBe(REQUESTED);
      // On the second: the hold is over, whether or not the sweep has run.
      h.clock.set(expiresAt);
      const late = await domainError(lifecycle.confirm(base.operator, batch.id));
      expect([late.code, late.details]).toEqual(['INVALID_TRANSITION', { from: REQUESTED, to: CONFIRMED }]);
      expect(late.message).toContain(`expired at ${expiresAt.toISOString()}`);
      expect((await domainError(lifecycle.changeHeadcount(union.organiser, batch.id, 7))).code).toBe('INVALID_TRANSITION');
      // Only the system expires a batch.
      expect((await domainError(lifecycle.expire(base.operator, batch.id, h.clock.now()))).code).toBe('FORBIDDEN');
      expect(await f.reserved(base, start(), 3)).toEqual([7, 7, 7]);
      expect(await h.sweep()).toMatchObject({ 'expired holds': 1 });
      expect(await h.sweep()).toMatchObject({ 'expired holds': 0 });
      expect(await status(batch.id)).toBe(EXPIRED);
      expect(await f.reserved(base, start(), 3)).toEqual([1, 1, 1]);
      expect((await f.history(batch.id)).at(-1)).toEqual({ from: REQUESTED, to: EXPIRED, actor: 'system', reason: `hold expired at ${expiresAt.toISOString()}` });
      expect(await status(other.id)).toBe(CONFIRMED);
    } finally {
      h.clock.set(booted);
    }
  });
});
