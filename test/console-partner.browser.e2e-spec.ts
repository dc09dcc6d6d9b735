import { addDays, todayInShanghai } from '@app/shared';
import { browserDescribe, ConsoleHarness, PEOPLE } from './support/console-browser.js';
import { DB_KIND } from './support/test-app.js';

const ME = '{ me { regionId } }';
const RECIPROCITY =
  'query($r:Int!,$from:Date!,$to:Date!){ reciprocity(regionId:$r, from:$from, to:$to){ net partners { net partnerRegion { id name } sent { personVisits } received { personVisits } } } }';
const BATCHES = '{ batches(first:20){ totalCount edges { node { reference } } } }';

/** A regional partner's console: their own region's exchange balance and exchange batches; no booking screens that the API would refuse them. */
browserDescribe(`the console for a regional partner, in chromium (${DB_KIND})`, () => {
  const h = new ConsoleHarness();
  const today = todayInShanghai();

  beforeAll(() => h.start());
  afterEach(async () => {
    await h.closeContexts();
    expect(h.browserErrors).toEqual([]);
    h.browserErrors.length = 0;
  });
  afterAll(() => h.stop());

  it("lands on the region's own exchange balance as the API has it, and lists the region's exchange batches", async () => {
    const token = await h.t.login(PEOPLE.partner.username, PEOPLE.partner.password);
    const regionId = (await h.t.ok<{ me: { regionId: number } }>(ME, {}, token)).me.regionId;
    const page = await h.signIn('partner');
    expect(await page.locator('nav [data-testid^=nav-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'nav-partner/exchange',
      'nav-partner/batches',
      'nav-partner/roster',
    ]);
    await page.locator('[data-testid=exchange-balance]').waitFor();
    // Only their own region to choose: the API refuses a partner any other (FORBIDDEN).
    expect(await page.locator('select[name=region] option').evaluateAll((els) => els.map((e) => e.getAttribute('value')))).toEqual([String(regionId)]);
    const balance = (
      await h.t.ok<{ reciprocity: { net: number; partners: Array<{ net: number; partnerRegion: { id: number } }> } }>(
        RECIPROCITY,
        { r: regionId, from: addDays(today, -365), to: addDays(today, 365) },
        token,
      )
    ).reciprocity;
    expect(balance.partners.length).toBeGreaterThan(0);
    await page.locator('[data-testid=chart-balance]').waitFor();
    for (const p of balance.partners) {
      expect(await page.locator(`[data-testid=partner-${p.partnerRegion.id}] [data-testid=net]`).textContent()).toBe(p.net > 0 ? `+${p.net}` : String(p.net));
    }
    expect(await page.locator('[data-testid=net-all]').textContent()).toContain(`净派出 ${balance.net} 人次`);
    await h.shot(page, 'partner-exchange');

    const batches = (await h.t.ok<{ batches: { totalCount: number; edges: Array<{ node: { reference: string } }> } }>(BATCHES, {}, token)).batches;
    await h.go(page, 'partner/batches', 'union-batches');
    expect(await page.locator('[data-testid=union-batches] h2').textContent()).toBe('本地区互派批次');
    await page.locator(`[data-testid="batch-${batches.edges[0].node.reference}"]`).waitFor();
    expect(await page.locator('[data-testid^="batch-"]').count()).toBe(Math.min(20, batches.totalCount));
    expect(await page.locator('[data-testid=union-batches] .page-footer').textContent()).toContain(`共 ${batches.totalCount} 条`);

    // The rooming lists: the region's exchange batches from a month back, the sending union named.
    const recent = (
      await h.t.ok<{ batches: { edges: Array<{ node: { id: number } }> } }>(
        'query($f:BatchFilter){ batches(first:100, filter:$f){ edges { node { id } } } }',
        { f: { from: addDays(today, -30) } },
        token,
      )
    ).batches.edges;
    await h.go(page, 'partner/roster', 'rooming-list');
    await page.locator('[data-testid=roster-batch]').waitFor();
    expect(await page.locator('[data-testid=roster-batch] option').count()).toBe(recent.length + 1);
    await h.shot(page, 'partner-roster');
  });
});
