import { addDays, todayInShanghai } from '@app/shared';
import type { Page } from 'playwright-core';
import { browserDescribe, ConsoleHarness, PEOPLE, PHONE } from './support/console-browser.js';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND } from './support/test-app.js';

const PACKAGES = 'query($id:Int!){ base(id:$id){ packages { id minGroupSize } } }';
const REQUEST = 'mutation($i:RequestBatchInput!){ requestBatch(input:$i){ id reference } }';
const SUBMIT = 'mutation($b:Int!){ submitRoster(batchId:$b){ rosterStatus } }';
const APPROVE = 'mutation($b:Int!){ approveRoster(batchId:$b){ rosterStatus } }';
const REJECT = 'mutation($b:Int!,$r:String!){ rejectRoster(batchId:$b, reason:$r){ rosterStatus } }';
const ROSTER = 'query($id:Int!){ batch(id:$id){ rosterStatus rosterPublicToken rosterNoticeUrl rosterHistory { from to reason } } }';

interface Listed {
  id: number;
  reference: string;
}

/** Issue 18, the union's approver: lists waiting for approval, approve / send back, post with its QR code, objections. */
browserDescribe(`the console for a union approver, in chromium (${DB_KIND})`, () => {
  const h = new ConsoleHarness();
  let organiser: string;
  let approver: string;
  let packageId: number;
  let headcount: number;
  let next = 700_000;
  let week = 0;
  const lists: Record<'toApprove' | 'toReject' | 'toPost' | 'stale' | 'onPhone', Listed> = {} as never;

  /** As the organiser would: a request, its whole rooming list, submitted to the approver. */
  async function submitted(): Promise<Listed> {
    const startDate = addDays(todayInShanghai(), 49 + 7 * week++);
    const batch = (await h.t.ok<{ requestBatch: Listed }>(REQUEST, { i: { packageId, startDate, headcount } }, organiser)).requestBatch;
    await h.t.ok(ADD_PARTICIPANTS, { b: batch.id, p: Array.from({ length: headcount }, () => person(next++)) }, organiser);
    await h.t.ok(SUBMIT, { b: batch.id }, organiser);
    return batch;
  }
  const roster = async (b: Listed) =>
    (
      await h.t.ok<{ batch: { rosterStatus: string; rosterPublicToken: string | null; rosterNoticeUrl: string | null; rosterHistory: Array<{ from: string; to: string; reason: string | null }> } }>(
        ROSTER,
        { id: b.id },
        approver,
      )
    ).batch;

  beforeAll(async () => {
    await h.start();
    organiser = await h.t.login(PEOPLE.organiser.username, PEOPLE.organiser.password);
    approver = await h.t.login(PEOPLE.approver.username, PEOPLE.approver.password);
    // The organiser's usual base: the operator's, the demo's first.
    const operator = await h.t.login(PEOPLE.operator.username, PEOPLE.operator.password);
    const baseId = (await h.t.ok<{ me: { baseId: number } }>('{ me { baseId } }', {}, operator)).me.baseId;
    const pkg = (await h.t.ok<{ base: { packages: Array<{ id: number; minGroupSize: number }> } }>(PACKAGES, { id: baseId }, organiser)).base.packages[0];
    packageId = pkg.id;
    headcount = pkg.minGroupSize;
    for (const name of ['toApprove', 'toReject', 'toPost', 'stale', 'onPhone'] as const) lists[name] = await submitted();
    await h.t.ok(APPROVE, { b: lists.toPost.id }, approver);
    await h.t.ok(APPROVE, { b: lists.stale.id }, approver);
  });
  afterEach(async () => {
    await h.closeContexts();
    expect(h.browserErrors).toEqual([]);
    h.browserErrors.length = 0;
  });
  afterAll(() => h.stop());

  const item = (page: Page, b: Listed) => page.locator(`[data-testid="list-${b.reference}"]`);
  const detail = (page: Page) => page.locator('[data-testid=roster-detail]');
  async function openList(page: Page, b: Listed): Promise<void> {
    await item(page, b).locator('[data-testid=open]').click();
    await detail(page).locator(`h2:has-text("${b.reference}")`).waitFor();
  }

  it('lists what waits for approval; approves one, sends one back with its reason, and refuses to send back without one', async () => {
    const page = await h.signIn('approver');
    await page.locator('[data-testid=roster-lists]').waitFor();
    await item(page, lists.toReject).waitFor();
    for (const b of [lists.toApprove, lists.onPhone]) await item(page, b).waitFor();
    // Approved lists wait under their own tab, not this one.
    expect(await item(page, lists.toPost).count()).toBe(0);

    await openList(page, lists.toApprove);
    expect(await detail(page).locator('[data-testid=person]').count()).toBe(headcount);
    // ID numbers and phones masked, never whole.
    const first = person(700_000 + headcount * 0);
    const shownRows = await detail(page).locator('[data-testid=people]').textContent();
    expect(shownRows).not.toContain(first.idNumber);
    expect(shownRows).not.toContain(first.phone);
    expect(shownRows).toMatch(/\*{4}/);
    await h.shot(page, 'approver-lists');
    await detail(page).locator('[data-testid=approve]').click();
    await detail(page).locator(`text=已批准 ${lists.toApprove.reference}`).waitFor();
    await item(page, lists.toApprove).waitFor({ state: 'detached' });
    expect((await roster(lists.toApprove)).rosterStatus).toBe('APPROVED');

    await openList(page, lists.toReject);
    await detail(page).locator('[data-testid=reject]').click();
    const refusal = detail(page).locator('.error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await refusal.textContent()).toMatch(/^输入有误/);
    expect((await roster(lists.toReject)).rosterStatus).toBe('SUBMITTED');
    await detail(page).locator('[data-testid=reason]').fill('第3人单位填写有误，请核对');
    await detail(page).locator('[data-testid=reject]').click();
    await detail(page).locator(`text=已退回 ${lists.toReject.reference}`).waitFor();
    await item(page, lists.toReject).waitFor({ state: 'detached' });
    const rejected = await roster(lists.toReject);
    expect(rejected.rosterStatus).toBe('DRAFT');
    expect(rejected.rosterHistory.at(-1)).toEqual({ from: 'SUBMITTED', to: 'DRAFT', reason: '第3人单位填写有误，请核对' });
  });

  it('posts an approved list and shows its notice link and QR code; the link opens the public page; an objection sends it back', async () => {
    const page = await h.signIn('approver');
    await page.click('[data-testid=tab-APPROVED]');
    await item(page, lists.stale).waitFor();
    // A list sent back meanwhile (another approver, another tab) cannot be posted: the API says why.
    await openList(page, lists.stale);
    await h.t.ok(REJECT, { b: lists.stale.id, r: '另一审批人已退回' }, approver);
    await detail(page).locator('[data-testid=publish]').click();
    const refusal = detail(page).locator('.error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('INVALID_TRANSITION');
    expect(await refusal.textContent()).toMatch(/^当前状态不能这样操作: .*DRAFT/);
    expect((await roster(lists.stale)).rosterStatus).toBe('DRAFT');

    await openList(page, lists.toPost);
    await detail(page).locator('[data-testid=publish]').click();
    await detail(page).locator(`text=已公示 ${lists.toPost.reference}`).waitFor();
    const link = detail(page).locator('[data-testid=notice-link]');
    await link.waitFor();
    const posted = await roster(lists.toPost);
    expect(posted.rosterStatus).toBe('PUBLISHED');
    expect(await link.getAttribute('href')).toBe(posted.rosterNoticeUrl);
    expect(posted.rosterNoticeUrl).toMatch(new RegExp(`/notice/${posted.rosterPublicToken}$`));
    // The QR code drew (an image blocked by the page's policy would have no size, and an error).
    const qr = detail(page).locator('[data-testid=notice-qr]');
    await page.waitForFunction("(() => { const img = document.querySelector('[data-testid=notice-qr]'); return img && img.complete && img.naturalWidth > 0; })()");
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    // The link is PUBLIC_URL's (rr.example.cn in tests): the same path on this API answers the public page.
    const notice = await fetch(`${h.t.url}${new URL(posted.rosterNoticeUrl!).pathname}`);
    expect(notice.status).toBe(200);
    expect(await notice.text()).toContain(lists.toPost.reference);
    await h.shot(page, 'approver-notice');

    await detail(page).locator('[data-testid=reason]').fill('有职工反映名单中有人重复参加');
    await detail(page).locator('[data-testid=object]').click();
    await detail(page).locator(`text=已登记异议`).waitFor();
    await detail(page).locator('[data-testid=notice]').waitFor({ state: 'detached' });
    expect(await detail(page).locator('[data-testid=roster-status]').textContent()).toBe('待审批');
    const objected = await roster(lists.toPost);
    expect(objected).toMatchObject({ rosterStatus: 'SUBMITTED', rosterPublicToken: null, rosterNoticeUrl: null });
    expect(objected.rosterHistory.at(-1)).toEqual({ from: 'PUBLISHED', to: 'SUBMITTED', reason: '有职工反映名单中有人重复参加' });
    expect((await fetch(`${h.t.url}${new URL(posted.rosterNoticeUrl!).pathname}`)).status).toBe(404);
    // Back under "to approve".
    await page.click('[data-testid=tab-SUBMITTED]');
    await item(page, lists.toPost).waitFor();
  });

  it('on a phone-sized window: a list opens and fits the width', async () => {
    const page = await h.signIn('approver', PHONE);
    await item(page, lists.onPhone).waitFor();
    await openList(page, lists.onPhone);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await h.shot(page, 'approver-phone');
  });
});
