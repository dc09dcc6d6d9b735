import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { ADMIN_PASSWORD, DB_KIND, startTestApp, type TestApp } from './support/test-app.js';

const CHROMIUM = '/usr/bin/chromium';
// Without a browser the test skips itself, except in CI, where a missing browser is a failure.
const run = existsSync(CHROMIUM) || process.env.CI === 'true' ? describe : describe.skip;

/** The explorer page in a real browser, in production: its own CSP lets its script run, and the schema needs the admin. */
run(`the explorer page in chromium, production (${DB_KIND})`, () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp({ production: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('refuses the schema before sign-in, shows it once the admin signs in, with no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${t.url}/graphql`);
    await page.click('#schema');
    // Selectors, not waitForFunction: the page's CSP rightly refuses Playwright's string evaluation.
    await page.waitForSelector('#out:has-text("FORBIDDEN")');
    await page.fill('#user', 'admin');
    await page.fill('#pass', ADMIN_PASSWORD);
    await page.click('#login');
    await page.waitForSelector('#who[data-state=in]:has-text("signed in as admin (ADMIN)")');
    await page.click('#schema');
    await page.waitForSelector('#out:has-text("type Query")');
    expect(await page.textContent('#out')).toContain('type Batch');
    expect(violations).toEqual([]);
  });
});
