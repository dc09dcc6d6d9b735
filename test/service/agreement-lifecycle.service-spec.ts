import { AgreementService } from '@app/exchange';
import { addDays, RequestContext, Role } from '@app/shared';
import { actorCtx, Fixtures } from '../support/service-fixtures.js';
import { domainError, type ServiceHarness, startServiceHarness } from '../support/service-harness.js';
import { DB_KIND } from '../support/test-app.js';

/**
 * An exchange agreement moved through its table on a real database: which side may make each move,
 * the reasons the table asks for, the history rows, and expiry once the FixedClock passes its last day.
 */
describe(`agreement lifecycle, service tier (${DB_KIND})`, () => {
  let h: ServiceHarness;
  let f: Fixtures;
  let agreements: AgreementService;
  let sz: RequestContext;
  let yf: RequestContext;

  beforeAll(async () => {
    h = await startServiceHarness();
    f = new Fixtures(h);
    agreements = h.get(AgreementService);
    sz = actorCtx(Role.PARTNER, { regionId: await f.region('SZ') });
    yf = actorCtx(Role.PARTNER, { regionId: await f.region('YF') });
  });
  afterAll(() => h.close());

  const propose = async (days: number) =>
    (await agreements.propose(sz, { partnerRegionId: yf.actor!.regionId!, title: `exchange ${days}`, from: f.today, to: addDays(f.today, days), quotas: [], benefits: [] })).id;
  const history = async (id: number) => (await agreements.history(RequestContext.system(), id)).map(({ from, to, actor, reason }) => ({ from, to, actor, reason }));
  const status = async (id: number) => (await agreements.getVisibleOrThrow(f.admin, id)).status;

  it('PROPOSED → ACTIVE → TERMINATED: only the other region accepts, a termination needs its reason, every move is on record', async () => {
    const id = await propose(300);
    expect((await domainError(agreements.accept(sz, id))).code).toBe('FORBIDDEN');
    expect(await agreements.accept(yf, id)).toMatchObject({ status: 'ACTIVE' });
    const twice = await domainError(agreements.accept(yf, id));
    expect([twice.code, twice.details]).toEqual(['INVALID_TRANSITION', { from: 'ACTIVE', to: 'ACTIVE' }]);
    expect((await domainError(agreements.decline(yf, id, 'too late'))).details).toEqual({ from: 'ACTIVE', to: 'DECLINED' });
    expect((await domainError(() => agreements.terminate(sz, id, ' '))).details).toEqual({ field: 'reason' });
    expect(await status(id)).toBe('ACTIVE');
    await agreements.terminate(sz, id, '预算调整');
    expect(await history(id)).toEqual([
      { from: null, to: 'PROPOSED', actor: sz.actor!.username, reason: null },
      { from: 'PROPOSED', to: 'ACTIVE', actor: yf.actor!.username, reason: null },
      { from: 'ACTIVE', to: 'TERMINATED', actor: sz.actor!.username, reason: '预算调整' },
    ]);
  });

  it('PROPOSED → DECLINED with a reason; an agreement expires once the clock is past its last day, proposed or active', async () => {
    const declined = await propose(30);
    await agreements.decline(yf, declined, '名额已满');
    expect((await history(declined)).at(-1)).toEqual({ from: 'PROPOSED', to: 'DECLINED', actor: yf.actor!.username, reason: '名额已满' });

    const active = await propose(10);
    await agreements.accept(yf, active);
    const proposed = await propose(10);
    const last = addDays(f.today, 10);
    expect(await f.onDay(last, () => h.sweep())).toMatchObject({ 'expired agreements': 0 });
    expect(await f.onDay(addDays(last, 1), () => h.sweep())).toMatchObject({ 'expired agreements': 2 });
    for (const id of [active, proposed]) {
      expect(await status(id)).toBe('EXPIRED');
      expect((await history(id)).at(-1)).toMatchObject({ to: 'EXPIRED', actor: 'system', reason: 'its last day has passed' });
    }
    expect(await status(declined)).toBe('DECLINED');
  });
});
