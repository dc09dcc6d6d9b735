import { SchedulerRegistry } from '@nestjs/schedule';
import { AllotmentSweeper } from '@app/base';
import { HoldSweeperService } from '@app/booking';
import { AgreementSweeper } from '@app/exchange';
import { RosterSweeper } from '@app/roster';
import { Clock, FixedClock, SweepScheduler, sweepIntervalName } from '@app/shared';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, calendar, REQUEST_BATCH } from './support/world.js';

const SWEEPS = ['cleared rosters', 'expired agreements', 'expired holds', 'lapsed stay requests and quotes', 'released allotment nights', 'sign-ups', 'waiting list', 'webhook deliveries'];
const STATUS = 'query($id:Int!){batch(id:$id){status}}';

async function until(what: string, done: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  for (const end = Date.now() + ms; !(await done());) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Counts the calls of a provider's sweep method (the scheduler looks the method up on each run), optionally holding them at a gate. */
function watch(provider: object, method: string, gate?: Promise<void>, since?: Date): Date[] {
  const calls: Date[] = [];
  const target = provider as Record<string, (now: Date) => Promise<number>>;
  const original = target[method].bind(provider);
  target[method] = async (now: Date) => {
    // A tick that read the clock before the test moved it (it may reach the sweep just after, having
    // waited for its lock) is let through uncounted.
    if (since && now < since) return original(now);
    calls.push(now);
    if (gate) await gate;
    return original(now);
  };
  return calls;
}

describe(`the sweeps on Nest's scheduler (${DB_KIND})`, () => {
  it('with HOLD_SWEEP_SECONDS 0 no interval is registered; every module’s sweep still runs on demand', async () => {
    const t = await startTestApp({ holdSweepSeconds: 0 });
    try {
      expect(t.get(SchedulerRegistry).getIntervals()).toEqual([]);
      const sweeps = t.get(SweepScheduler);
      expect([...sweeps.names].sort()).toEqual(SWEEPS);
      expect(await sweeps.runAll()).toEqual(Object.fromEntries(SWEEPS.map((name) => [name, 0])));
    } finally {
      await t.close();
    }
  });

  it('each module’s sweep runs on its own interval with the clock’s time; a tick is skipped while its last run goes on; shutdown clears the intervals', async () => {
    let t: TestApp | null = await startTestApp({ holdSweepSeconds: 1, webhookSweepSeconds: 1 });
    const registry = t.get(SchedulerRegistry);
    let open = () => {};
    try {
      expect([...registry.getIntervals()].sort()).toEqual(SWEEPS.map(sweepIntervalName).sort());
      const w = await buildWorld(t, { beds: 50 });
      const held = (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 9 } }, w.unionA.organiser)).requestBatch;

      // The clock says two days have passed: the hold (48 h) has run out without anyone waiting for it.
      const later = new FixedClock(new Date(Date.now() + 49 * 3600_000));
      t.get(Clock).now = () => later.now();
      const gate = new Promise<void>((resolve) => (open = resolve));
      const calls = {
        'expired holds': watch(t.get(HoldSweeperService), 'sweep', gate, later.now()),
        'released allotment nights': watch(t.get(AllotmentSweeper), 'release', undefined, later.now()),
        'cleared rosters': watch(t.get(RosterSweeper), 'clear', undefined, later.now()),
        'expired agreements': watch(t.get(AgreementSweeper), 'expire', undefined, later.now()),
      };
      await until('every sweep to tick', () => Object.values(calls).every((c) => c.length > 0));
      for (const c of Object.values(calls)) expect(c[0]).toEqual(later.now());
      // The hold sweep is held at the gate: its ticks of the next two seconds are skipped, not piled up.
      await new Promise((r) => setTimeout(r, 2200));
      expect(calls['expired holds']).toHaveLength(1);
      expect(calls['expired agreements'].length).toBeGreaterThan(1);
      open();
      const app = t;
      await until('the held batch to expire', async () => (await app.ok(STATUS, { id: held.id }, w.unionA.organiser)).batch.status === 'EXPIRED');
      expect((await calendar(app, w.admin, w.baseA.id, w.start, w.start))[0].reservedBeds).toBe(0);
      await t.close();
      t = null;
      expect(registry.getIntervals()).toEqual([]);
    } finally {
      open();
      await t?.close();
    }
  });
});
