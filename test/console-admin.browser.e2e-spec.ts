import { readFileSync } from 'node:fs';
import { addDays, todayInShanghai } from '@app/shared';
import type { Page } from 'playwright-core';
import { browserDescribe, ConsoleHarness, PEOPLE, PHONE } from './support/console-browser.js';
import { DB_KIND } from './support/test-app.js';

const STATS =
  'query($from:Date!,$to:Date!,$g:StatisticsGroupBy!){ statistics(from:$from, to:$to, groupBy:$g){ rows { key label current { personVisits consumption } previousYear { personVisits } } total { growth { personVisits } } } }';
const RATABLE = 'query($f:BatchFilter){ batches(first:50, filter:$f){ edges { node { id base { id } } } } }';
const RATE = 'mutation($i:RateStayInput!){ rateStay(input:$i){ id } }';
const BASE_RATING = 'query($id:Int!){ base(id:$id){ rating { overall count } } }';
const RECIPROCITY =
  'query($r:Int!,$from:Date!,$to:Date!){ reciprocity(regionId:$r, from:$from, to:$to){ net partners { net partnerRegion { id name } sent { personVisits } received { personVisits } } } }';

interface StatRow {
  key: string;
  label: string;
  current: { personVisits: number; consumption: string };
  previousYear: { personVisits: number };
}

/** Issue 18, the federation (admin): the figures as charts, year on year; the exchange balance per partner; base ratings; the spreadsheet. */
browserDescribe(`the console for the federation, in chromium (${DB_KIND})`, () => {
  const h = new ConsoleHarness();
  let admin: string;
  const today = todayInShanghai();
  // The screen's default period: the last 365 days up to yesterday.
  const from = addDays(today, -365);
  const to = addDays(today, -1);
  const rated: number[] = [];

  beforeAll(async () => {
    await h.start();
    admin = await h.t.login(PEOPLE.admin.username, PEOPLE.admin.password);
    // The organiser's union rates two past stays at two bases, as it would after coming home.
    const organiser = await h.t.login(PEOPLE.organiser.username, PEOPLE.organiser.password);
    const done = (await h.t.ok<{ batches: { edges: Array<{ node: { id: number; base: { id: number } } }> } }>(RATABLE, { f: { status: 'SETTLED' } }, organiser)).batches.edges.map((e) => e.node);
    for (const [i, b] of done.entries()) {
      if (rated.includes(b.base.id)) continue;
      const score = i % 2 ? 3 : 5;
      await h.t.ok(RATE, { i: { batchId: b.id, overall: score - 1, lodging: score, meals: 4, activities: score, service: 4 } }, organiser);
      rated.push(b.base.id);
      if (rated.length === 2) break;
    }
    expect(rated).toHaveLength(2);
  });
  afterEach(async () => {
    await h.closeContexts();
    expect(h.browserErrors).toEqual([]);
    h.browserErrors.length = 0;
  });
  afterAll(() => h.stop());

  const stats = async (g: string) => (await h.t.ok<{ statistics: { rows: StatRow[]; total: { growth: { personVisits: number | null } } } }>(STATS, { from, to, g }, admin)).statistics;
  /** The chart's bars or points as drawn: key, label and figure. */
  const drawn = (page: Page, chart: string) =>
    page.locator(`[data-testid=${chart}] [data-key]`).evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.getAttribute('data-label'), Number(e.getAttribute('data-value'))]));

  it('draws batches, person-visits and consumption by base, month and region with the figures the API answers, year on year; downloads the spreadsheet', async () => {
    const page = await h.signIn('admin');
    await page.locator('[data-testid=chart-base]').waitFor();
    const [byBase, byMonth, byRegion] = [await stats('BASE'), await stats('MONTH'), await stats('REGION')];
    expect(byBase.rows.length).toBeGreaterThan(5);
    expect(await drawn(page, 'chart-base')).toEqual(byBase.rows.map((r) => [r.key, r.label, r.current.personVisits]));
    expect(await drawn(page, 'chart-month')).toEqual(byMonth.rows.map((r) => [r.key, r.label, r.current.personVisits]));
    expect(await drawn(page, 'chart-region')).toEqual(byRegion.rows.map((r) => [r.key, r.label, r.current.personVisits]));
    // The year-earlier bars and the written figure beside each bar.
    const first = page.locator(`[data-testid=chart-base] [data-key="${byBase.rows[1].key}"]`);
    expect(Number(await first.getAttribute('data-other'))).toBe(byBase.rows[1].previousYear.personVisits);
    expect(await first.locator('.chart-value').allTextContents()).toEqual([byBase.rows[1].current.personVisits, byBase.rows[1].previousYear.personVisits].map((n) => n.toLocaleString('en-US')));
    const growth = byBase.total.growth.personVisits!;
    expect(await page.locator('[data-testid=total-personVisits] [data-testid=growth]').textContent()).toBe(`+${growth.toFixed(1)}%`);
    await h.shot(page, 'admin-figures');

    await page.click('[data-testid=measure-consumption]');
    await page.locator('[data-testid=by-base] h2:has-text("消费")').waitFor();
    expect(await drawn(page, 'chart-base')).toEqual(byBase.rows.map((r) => [r.key, r.label, Number(r.current.consumption)]));

    // The spreadsheet of the same period, as a file.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-xlsx]')]);
    expect(xlsx.suggestedFilename()).toBe(`statistics-${from}-${to}-base.xlsx`);
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await page.selectOption('[data-testid=download] select[name=groupBy]', 'REGION');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')]);
    const sheet = readFileSync(await csv.path(), 'utf8');
    expect(sheet.split('\r\n')[0]).toBe('\ufeff地区,批次,人次,人晚,消费（元）,已付（元）,未付（元）,上年同期批次,上年同期人次,上年同期消费（元）,人次增长 %,消费增长 %');
    expect(sheet).toContain(`${byRegion.rows[0].label},`);

    // A period that ends before it starts: the figures and the download say so, in words.
    await page.fill('[data-testid=figures] input[name=from]', today);
    const refusal = page.locator('[data-testid=figures] .error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await refusal.textContent()).toBe(`输入有误: to (${to}) is before from (${today})`);
    await page.click('[data-testid=download-xlsx]');
    const failed = page.locator('[data-testid=download] .error');
    await failed.waitFor();
    expect(await failed.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await failed.textContent()).toBe(`输入有误: to (${to}) is before from (${today})`);
    h.browserErrors.splice(0, h.browserErrors.length, ...h.browserErrors.filter((e) => !/status of 400/.test(e)));
  });

  it("shows Yunfu's exchange balance with each partner and the bases' ratings as the API has them", async () => {
    const page = await h.signIn('admin');
    await h.go(page, 'admin/exchange', 'exchange-balance');
    const yunfu = (await h.t.ok<{ regions: Array<{ id: number; code: string }> }>('{ regions { id code } }', {}, admin)).regions.find((r) => r.code === 'YF')!.id;
    const balance = (
      await h.t.ok<{ reciprocity: { net: number; partners: Array<{ net: number; partnerRegion: { id: number; name: string }; sent: { personVisits: number }; received: { personVisits: number } }> } }>(
        RECIPROCITY,
        { r: yunfu, from: addDays(today, -365), to: addDays(today, 365) },
        admin,
      )
    ).reciprocity;
    expect(balance.partners.length).toBeGreaterThan(0);
    await page.locator('[data-testid=chart-balance]').waitFor();
    expect(await drawn(page, 'chart-balance')).toEqual(balance.partners.map((p) => [String(p.partnerRegion.id), p.partnerRegion.name, p.sent.personVisits]));
    for (const p of balance.partners) {
      const row = page.locator(`[data-testid=partner-${p.partnerRegion.id}]`);
      expect(await row.locator('[data-testid=net]').textContent()).toBe(p.net > 0 ? `+${p.net}` : String(p.net));
      expect(await row.textContent()).toContain(`${p.received.personVisits} 人次`);
    }
    expect(await page.locator('[data-testid=net-all]').textContent()).toContain(`净派出 ${balance.net} 人次`);
    await h.shot(page, 'admin-exchange');

    await h.go(page, 'admin/ratings', 'ratings');
    for (const id of rated) {
      const rating = (await h.t.ok<{ base: { rating: { overall: number; count: number } } }>(BASE_RATING, { id }, admin)).base.rating;
      const row = page.locator(`[data-testid=rating-${id}]`);
      await row.waitFor();
      expect(await row.locator('[data-testid=overall]').textContent()).toContain(rating.overall.toFixed(2));
      expect(await row.locator('[data-testid=count]').textContent()).toBe(String(rating.count));
    }
    // The lowest rated first; those not rated yet after.
    expect(await page.locator('[data-testid^=rating-]').first().getAttribute('data-testid')).toBe(`rating-${rated[1]}`);
    expect(await page.locator('[data-testid=ratings] tbody tr td.muted').count()).toBeGreaterThan(0);
    await h.shot(page, 'admin-ratings');
  });

  it('on a phone-sized window: the charts fit the width', async () => {
    const page = await h.signIn('admin', PHONE);
    await page.locator('[data-testid=chart-month]').waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await h.shot(page, 'admin-figures-phone');
  });
});
