import { addDays } from '@app/shared';
import type { Page } from 'playwright-core';
import { browserDescribe, ConsoleHarness, PEOPLE, PHONE } from './support/console-browser.js';
import { DB_KIND } from './support/test-app.js';

const CALENDAR = 'query($id:Int!,$from:Date!,$to:Date!){ base(id:$id){ calendar(from:$from,to:$to){ date totalBeds reservedBeds closed closedReason } } }';
const ME = '{ me { baseId } }';
const PACKAGES = 'query($id:Int!){ base(id:$id){ packages { id nights } } }';
const REQUEST = 'mutation($i:RequestBatchInput!){ requestBatch(input:$i){ id reference status } }';
const BATCH = 'query($id:Int!){ batch(id:$id){ status history { to reason } } }';

/** Issue 18, the base operator: the bed calendar as a heat-map, capacity and closed nights, confirmations. */
browserDescribe(`the console for a base operator, in chromium (${DB_KIND})`, () => {
  const h = new ConsoleHarness();
  let operatorToken: string;
  let organiserToken: string;
  let baseId: number;
  let packageId: number;
  let nights: number;

  beforeAll(async () => {
    await h.start();
    operatorToken = await h.t.login(PEOPLE.operator.username, PEOPLE.operator.password);
    organiserToken = await h.t.login(PEOPLE.organiser.username, PEOPLE.organiser.password);
    baseId = (await h.t.ok<{ me: { baseId: number } }>(ME, {}, operatorToken)).me.baseId;
    const pkg = (await h.t.ok<{ base: { packages: Array<{ id: number; nights: number }> } }>(PACKAGES, { id: baseId }, operatorToken)).base.packages[0];
    packageId = pkg.id;
    nights = pkg.nights;
  });
  afterEach(async () => {
    await h.closeContexts();
    expect(h.browserErrors).toEqual([]);
    h.browserErrors.length = 0;
  });
  afterAll(() => h.stop());

  const calendar = async (from: string, to: string) =>
    (
      await h.t.ok<{ base: { calendar: Array<{ date: string; totalBeds: number; reservedBeds: number; closed: boolean; closedReason: string | null }> } }>(
        CALENDAR,
        { id: baseId, from, to },
        operatorToken,
      )
    ).base.calendar;
  /** A Monday some weeks ahead, clear of the demo's own batches' first weeks. */
  const mondayIn = (weeks: number) => {
    const d = new Date(Date.now() + 8 * 3600_000 + weeks * 7 * 86_400_000);
    return addDays(d.toISOString().slice(0, 10), -((d.getUTCDay() + 6) % 7));
  };
  const cell = (page: Page, date: string) => page.locator(`.heat[data-date="${date}"]`);

  it('serves the console under its own policy, and a wrong password is told as such', async () => {
    const res = await fetch(`${h.t.url}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
    const html = await res.text();
    const script = /src="\/console\/(app-[A-Z0-9]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${h.t.url}/console/${script}`);
    expect({ status: asset.status, type: asset.headers.get('content-type'), cache: asset.headers.get('cache-control') }).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      cache: 'public, max-age=31536000, immutable',
    });

    const page = await h.open();
    await page.fill('input[name=username]', 'operator');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('[data-testid=sign-in] button[type=submit]');
    const error = page.locator('[data-testid=sign-in] .error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('UNAUTHENTICATED');
    expect(await error.textContent()).toContain('请先登录');
  });

  it('draws the base as a heat-map; a click on a night shows who holds its beds; capacity and closing over a range go to the API', async () => {
    const monday = mondayIn(10);
    const booked = (await h.t.ok<{ requestBatch: { id: number; reference: string } }>(REQUEST, { i: { packageId, startDate: monday, headcount: 17 } }, organiserToken)).requestBatch;
    const page = await h.signIn('operator');
    await page.locator('.heatmap').waitFor();
    expect(await page.locator('.heat').count()).toBe(8 * 7);
    await page.fill('input[name=start]', monday);
    await cell(page, monday).waitFor();
    expect(await page.locator('.heat').first().getAttribute('data-date')).toBe(monday);
    const before = (await calendar(monday, monday))[0];
    expect(await cell(page, monday).locator('.heat-beds').textContent()).toBe(`${before.reservedBeds}/${before.totalBeds}`);

    await cell(page, monday).click();
    const night = page.locator('[data-testid=night]');
    await night.locator(`text=${booked.reference}`).waitFor();
    expect(await night.textContent()).toContain(`已占 ${before.reservedBeds} / 共 ${before.totalBeds} 床`);
    await h.shot(page, 'operator-calendar');

    // Beds per night over the stay's nights, then the next three nights closed with a reason.
    const last = addDays(monday, nights - 1);
    await page.fill('[data-testid=capacity] input[name=from]', monday);
    await page.fill('[data-testid=capacity] input[name=to]', last);
    await page.fill('[data-testid=capacity] input[name=beds]', '61');
    await page.click('[data-testid=capacity] button[type=submit]');
    await page.locator('[data-testid=capacity] .ok').waitFor();
    expect((await calendar(monday, last)).map((d) => d.totalBeds)).toEqual(Array(nights).fill(61));
    await cell(page, monday).locator(`text=/${before.reservedBeds}\\/61/`).waitFor();

    // Fewer beds than are held: the API's refusal, in words, and nothing changed.
    await page.fill('[data-testid=capacity] input[name=beds]', '1');
    await page.click('[data-testid=capacity] button[type=submit]');
    const refusal = page.locator('[data-testid=capacity] .error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('CONFLICT');
    expect(await refusal.textContent()).toContain(`already has ${before.reservedBeds} beds reserved`);
    expect((await calendar(monday, monday))[0].totalBeds).toBe(61);

    const closeFrom = addDays(monday, 14);
    await page.click('[data-testid=mode-close]');
    await page.fill('[data-testid=capacity] input[name=from]', closeFrom);
    await page.fill('[data-testid=capacity] input[name=to]', addDays(closeFrom, 2));
    await page.fill('[data-testid=capacity] input[name=reason]', '消防检查');
    await page.click('[data-testid=capacity] button[type=submit]');
    await page.locator(`.heat.closed[data-date="${closeFrom}"]`).waitFor();
    expect((await calendar(closeFrom, addDays(closeFrom, 3))).map((d) => [d.closed, d.closedReason])).toEqual([
      [true, '消防检查'],
      [true, '消防检查'],
      [true, '消防检查'],
      [false, null],
    ]);
  });

  it('refuses in words to confirm a batch whose list the policy wants posted first; confirms one and rejects another with the reason the union reads', async () => {
    const start = mondayIn(16);
    const make = async () => (await h.t.ok<{ requestBatch: { id: number; reference: string } }>(REQUEST, { i: { packageId, startDate: start, headcount: 15 } }, organiserToken)).requestBatch;
    const unposted = await make();
    // From today the union no longer asks for public notice: batches requested now may be confirmed at once.
    const approverToken = await h.t.login(PEOPLE.approver.username, PEOPLE.approver.password);
    const unionId = (await h.t.ok<{ me: { unionId: number } }>('{ me { unionId } }', {}, approverToken)).me.unionId;
    await h.t.ok(
      'mutation($i:SetUnionPolicyInput!){ setUnionPolicy(input:$i){ id } }',
      { i: { unionId, effectiveFrom: addDays(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), 0), publicationRequired: false } },
      approverToken,
    );
    const [toConfirm, toReject] = [await make(), await make()];

    const page = await h.signIn('operator');
    await h.go(page, 'operator/confirm', 'confirmations');
    const item = (b: { reference: string }) => page.locator(`[data-testid="waiting-${b.reference}"]`);
    await item(toReject).waitFor();

    await item(unposted).locator('[data-testid=confirm]').click();
    await item(unposted).locator('.error').waitFor();
    expect(await item(unposted).locator('.error').getAttribute('data-code')).toBe('INVALID_TRANSITION');
    expect(await item(unposted).locator('.error').textContent()).toMatch(/^当前状态不能这样操作: The union's policy asks for the rooming list .* to be approved and publicly posted/);

    await item(toReject).locator('[data-testid=reject]').click();
    await item(toReject).locator('.error').waitFor();
    expect(await item(toReject).locator('.error').getAttribute('data-code')).toBe('BAD_USER_INPUT');

    await item(toConfirm).locator('[data-testid=confirm]').click();
    await page.locator(`text=已确认 ${toConfirm.reference}`).waitFor();
    await item(toReject).locator('[data-testid=reject-reason]').fill('那周床位已留给本地职工');
    await item(toReject).locator('[data-testid=reject]').click();
    await page.locator(`text=已拒绝 ${toReject.reference}`).waitFor();
    await item(toConfirm).waitFor({ state: 'detached' });
    await h.shot(page, 'operator-confirmations');

    const status = async (id: number) => (await h.t.ok<{ batch: { status: string; history: Array<{ to: string; reason: string | null }> } }>(BATCH, { id }, organiserToken)).batch;
    expect((await status(toConfirm.id)).status).toBe('CONFIRMED');
    expect((await status(unposted.id)).status).toBe('REQUESTED');
    const rejected = await status(toReject.id);
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.history.at(-1)).toEqual({ to: 'REJECTED', reason: '那周床位已留给本地职工' });
  });

  it('on a phone-sized window: the calendar fits the width and English is one tap away', async () => {
    const page = await h.signIn('operator', PHONE);
    await page.locator('.heatmap').waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.click('[data-testid=lang]');
    await page.locator('text=Bed calendar').first().waitFor();
    await h.shot(page, 'operator-calendar-phone');
  });
});
