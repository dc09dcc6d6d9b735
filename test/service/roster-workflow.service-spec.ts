import { BatchLifecycleService, BatchQueryService } from '@app/booking';
import { RosterWorkflowService } from '@app/roster';
import { addDays, RequestContext, Role } from '@app/shared';
import { actorCtx, Fixtures, type TestBase, type TestUnion } from '../support/service-fixtures.js';
import { domainError, type ServiceHarness, startServiceHarness } from '../support/service-harness.js';
import { DB_KIND } from '../support/test-app.js';

/**
 * The rooming list's approval and public notice (公示) on a real database: each move's history row,
 * the batch's hold kept through the notice, the notice cleared by moving the FixedClock to its end,
 * and the list withdrawn when the batch ends.
 */
describe(`roster workflow, service tier (${DB_KIND})`, () => {
  let h: ServiceHarness;
  let f: Fixtures;
  let workflow: RosterWorkflowService;
  let base: TestBase;
  let union: TestUnion;

  beforeAll(async () => {
    h = await startServiceHarness();
    f = new Fixtures(h);
    workflow = h.get(RosterWorkflowService);
    base = await f.base();
    // The default notice: 3 working days before the base may confirm.
    union = await f.union({ policy: { publicationRequired: true, maxDaysPerYear: 366 } });
  });
  afterAll(() => h.close());

  // A fresh context per read: a context's loaders keep what they read.
  const roster = async (batchId: number) => {
    const { status, clearsOn } = await workflow.load(RequestContext.system(), batchId);
    return { status, clearsOn };
  };
  const events = async (batchId: number) => (await workflow.history(RequestContext.system(), batchId)).map(({ from, to, actor, reason }) => ({ from, to, actor, reason }));

  it('DRAFT → SUBMITTED → APPROVED → PUBLISHED, an objection, posted again, CLEARED when the clock reaches the end of the notice; then the base confirms', async () => {
    const lifecycle = h.get(BatchLifecycleService);
    const approver = actorCtx(Role.UNION_APPROVER, { unionId: union.id });
    const batch = await f.request(union, base, addDays(f.today, 30), 2);
    // Not before the notice.
    const early = await domainError(lifecycle.confirm(base.operator, batch.id));
    expect([early.code, early.message]).toEqual(['INVALID_TRANSITION', expect.stringContaining('the list is DRAFT')]);
    // Only a complete list is handed in.
    expect((await domainError(workflow.submit(union.organiser, batch.id))).details).toMatchObject({ field: 'batchId', participantCount: 0 });
    await f.list(base, batch.id, [1, 2]);
    await workflow.submit(union.organiser, batch.id);
    // The organiser does not approve their own list.
    expect((await domainError(workflow.approve(union.organiser, batch.id))).code).toBe('FORBIDDEN');
    await workflow.approve(approver, batch.id);
    await workflow.publish(approver, batch.id);
    const posted = await roster(batch.id);
    expect(posted.status).toBe('PUBLISHED');
    expect(posted.clearsOn! > f.today).toBe(true);
    // The hold now waits for the base: through the notice and two days more.
    const held = await h.get(BatchQueryService).getVisibleOrThrow(f.admin, batch.id);
    expect(held).toMatchObject({ holdWaitsFor: 'CONFIRM', holdExpiresAt: new Date(Date.parse(`${posted.clearsOn}T23:59:59+08:00`) + 2 * 86_400_000) });
    // An objection needs its reason, and sends the list back.
    expect((await domainError(() => workflow.object(union.organiser, batch.id, ''))).details).toEqual({ field: 'reason' });
    await workflow.object(union.organiser, batch.id, '名单有误');
    await workflow.approve(approver, batch.id);
    await workflow.publish(approver, batch.id);
    const { clearsOn } = await roster(batch.id);

    // The day before the notice ends, the sweep clears nothing; on the day, it clears the list.
    expect(await f.onDay(addDays(clearsOn!, -1), () => h.sweep())).toMatchObject({ 'cleared rosters': 0 });
    expect((await roster(batch.id)).status).toBe('PUBLISHED');
    expect(await f.onDay(clearsOn!, () => h.sweep())).toMatchObject({ 'cleared rosters': 1 });
    expect(await roster(batch.id)).toEqual({ status: 'CLEARED', clearsOn });
    await lifecycle.confirm(base.operator, batch.id);

    const [organiser, approverName] = [union.organiser.actor!.username, approver.actor!.username];
    expect(await events(batch.id)).toEqual([
      { from: 'DRAFT', to: 'SUBMITTED', actor: organiser, reason: null },
      { from: 'SUBMITTED', to: 'APPROVED', actor: approverName, reason: null },
      { from: 'APPROVED', to: 'PUBLISHED', actor: approverName, reason: null },
      { from: 'PUBLISHED', to: 'SUBMITTED', actor: organiser, reason: '名单有误' },
      { from: 'SUBMITTED', to: 'APPROVED', actor: approverName, reason: null },
      { from: 'APPROVED', to: 'PUBLISHED', actor: approverName, reason: null },
      { from: 'PUBLISHED', to: 'CLEARED', actor: 'system', reason: `no objection by ${clearsOn}` },
    ]);

    // The batch cancelled: the system takes its list back to a draft, saying who ended the batch.
    await lifecycle.cancel(union.organiser, batch.id, '行程取消');
    expect(await roster(batch.id)).toEqual({ status: 'DRAFT', clearsOn: null });
    expect((await events(batch.id)).at(-1)).toEqual({ from: 'CLEARED', to: 'DRAFT', actor: 'system', reason: `the batch is CANCELLED by ${organiser} (its history says why)` });
  });
});
