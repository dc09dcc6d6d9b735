import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { regionIds } from './support/world.js';

const CHROMIUM = '/usr/bin/chromium';
// Without a browser the test skips itself, except in CI, where a missing browser is a failure.
const run = existsSync(CHROMIUM) || process.env.CI === 'true' ? describe : describe.skip;
const ARTIFACTS = resolve('test/artifacts');
const PASSWORD = 'explorer-pass-1';
// Page-side expressions are strings: this project compiles without the DOM's types.
const WHO = "document.getElementById('who')";
const OUT = "document.getElementById('out')";

/** Waits until a page-side expression holds. Not waitForFunction: that evaluates in the page, which the page's own policy (no eval) forbids. */
async function until(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !(await page.evaluate(expression));) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${expression}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The offline explorer at GET /graphql in a real browser: who is signed in, and the Run button in view. */
run(`the explorer page in chromium (${DB_KIND})`, () => {
  let t: TestApp;
  let browser: Browser;
  /** What the browser complained of: a script or style the page's own policy blocks would show here. */
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const regions = await regionIds(t, admin);
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'explorer-sz', password: PASSWORD, role: 'PARTNER', regionId: regions.SZ } }, admin);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterEach(() => {
    expect(consoleErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
    consoleErrors.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(viewport = { width: 1280, height: 800 }, storedToken?: string): Promise<Page> {
    const context = await browser.newContext({ viewport });
    if (storedToken) await context.addInitScript(`sessionStorage.setItem('token', ${JSON.stringify(storedToken)})`);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const res = await page.goto(`${t.url}/graphql`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'; connect-src 'self';/);
    return page;
  }
  /** The header's status once it has settled (not "checking…" or "signing in…"). */
  async function who(page: Page): Promise<{ state: string; text: string }> {
    await until(page, `['in', 'out', 'unknown'].includes(${WHO}.dataset.state)`);
    return page.evaluate<{ state: string; text: string }>(`({ state: ${WHO}.dataset.state, text: ${WHO}.textContent })`);
  }
  async function signIn(page: Page, username: string, password: string) {
    await page.fill('#user', username);
    await page.fill('#pass', password);
    await page.evaluate(`${WHO}.dataset.state = 'pending'`);
    await page.click('#login');
  }

  it('says who is signed in from me, and never claims a refused sign-in', async () => {
    const page = await open();
    expect(await who(page)).toEqual({ state: 'out', text: 'not signed in' });

    await signIn(page, 'explorer-sz', 'wrong-password');
    expect(await who(page)).toEqual({ state: 'out', text: 'not signed in: Wrong username or password' });
    await expect(page.locator('#logout').isVisible()).resolves.toBe(false);
    expect(JSON.parse((await page.locator('#out').textContent())!).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await page.evaluate(`sessionStorage.getItem('token')`)).toBeNull();
    await page.screenshot({ path: `${ARTIFACTS}/explorer-signin-refused.png` });

    await signIn(page, 'explorer-sz', PASSWORD);
    expect(await who(page)).toEqual({ state: 'in', text: 'signed in as explorer-sz (PARTNER)' });
    await expect(page.locator('#logout').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/explorer-signed-in.png` });
    // The token is used for queries and survives a reload, checked again by me.
    await page.fill('#query', '{ me { username role } }');
    await page.click('#run');
    await until(page, `${OUT}.textContent.includes('explorer-sz')`);
    await page.reload();
    expect(await who(page)).toEqual({ state: 'in', text: 'signed in as explorer-sz (PARTNER)' });

    // A refused attempt to switch user leaves nobody signed in, not the previous user.
    await signIn(page, 'admin', 'not-the-password');
    expect(await who(page)).toEqual({ state: 'out', text: 'not signed in: Wrong username or password' });

    await signIn(page, 'explorer-sz', PASSWORD);
    expect((await who(page)).state).toBe('in');
    await page.click('#logout');
    expect(await who(page)).toEqual({ state: 'out', text: 'not signed in' });
    await page.reload();
    expect(await who(page)).toEqual({ state: 'out', text: 'not signed in' });
    await page.context().close();
  });

  it('shows a stale token as not signed in: a password change, and a bogus token in storage', async () => {
    const page = await open();
    await signIn(page, 'explorer-sz', PASSWORD);
    expect((await who(page)).state).toBe('in');
    // The password changes elsewhere: the page's token version is behind, so the API refuses it.
    const other = await t.login('explorer-sz', PASSWORD);
    await t.ok('mutation($c:String!,$n:String!){changePassword(currentPassword:$c,newPassword:$n){accessToken}}', { c: PASSWORD, n: `${PASSWORD}-2` }, other);
    // Without a reload: the next Run meets UNAUTHENTICATED and the header follows.
    await page.fill('#query', '{ me { username } }');
    await page.click('#run');
    await until(page, `${WHO}.dataset.state === 'out'`);
    expect(await who(page)).toEqual({ state: 'out', text: 'not signed in: Your session has ended: sign in again' });
    expect(await page.evaluate(`sessionStorage.getItem('token')`)).toBeNull();
    await page.context().close();
    await t.ok('mutation($c:String!,$n:String!){changePassword(currentPassword:$c,newPassword:$n){accessToken}}', { c: `${PASSWORD}-2`, n: PASSWORD }, await t.login('explorer-sz', `${PASSWORD}-2`));

    // A token from before a restart (another signing key), or any bogus one, found in storage on load.
    const stale = await open({ width: 1280, height: 800 }, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.bm90LWEtc2lnbmF0dXJl');
    expect(await who(stale)).toEqual({ state: 'out', text: 'not signed in: The access token is invalid or has expired: sign in again' });
    await stale.screenshot({ path: `${ARTIFACTS}/explorer-stale-token.png` });
    await stale.context().close();
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`keeps the Run button in view with the schema open at ${viewport.width}×${viewport.height}`, async () => {
      const page = await open(viewport);
      await page.click('#schema');
      await until(page, `${OUT}.textContent.startsWith('type Query {')`);
      const box = (await page.locator('#run').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // The page itself never scrolls: the schema's long lines scroll inside the result pane.
      const size = await page.evaluate('({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })');
      expect(size).toEqual({ width: viewport.width, height: viewport.height });
      const pane = await page.evaluate<{ scrolls: boolean; right: number }>(`({ scrolls: ${OUT}.scrollWidth > ${OUT}.clientWidth, right: ${OUT}.getBoundingClientRect().right })`);
      expect(pane.scrolls).toBe(true);
      expect(pane.right).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${ARTIFACTS}/explorer-schema-${viewport.width}x${viewport.height}.png` });
      // And it works from there: a click runs the query.
      await page.click('#run');
      await until(page, `${OUT}.textContent.includes('"bases"')`);
      await page.context().close();
    });
  }
});
