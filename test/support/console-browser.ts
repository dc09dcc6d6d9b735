import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, DB_KIND, startTestApp, type TestApp } from './test-app.js';

export const CHROMIUM = '/usr/bin/chromium';
/**
 * Without a browser a console test skips itself, except in CI, where a missing browser is a failure.
 * The console's tests run on SQLite (the ask, and the embedded default): on MySQL they would
 * test the same screens against an API whose behaviour on MySQL the e2e tests already cover, at five
 * minutes more per run.
 */
export const browserDescribe = DB_KIND === 'sqlite' && (existsSync(CHROMIUM) || process.env.CI === 'true') ? describe : describe.skip;
export const ARTIFACTS = resolve('test/artifacts');
export const DEMO_PASSWORD = 'demo1234';
export const LAPTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** The demo's people, one per role (the admin's password is the tests' ADMIN_PASSWORD). */
export const PEOPLE = {
  operator: { username: 'operator', password: DEMO_PASSWORD },
  organiser: { username: 'organiser', password: DEMO_PASSWORD },
  approver: { username: 'approver', password: DEMO_PASSWORD },
  partner: { username: 'partner', password: DEMO_PASSWORD },
  admin: { username: 'admin', password: ADMIN_PASSWORD },
} as const;

/**
 * The console against the real API on its own database with the demo data, in headless Chromium
 * (Debian's, through playwright-core). The bundle is built first, as `npm run build` does.
 */
export class ConsoleHarness {
  t!: TestApp;
  browser!: Browser;
  /** What the browser complained of: a script or style blocked by the page's policy would show here. */
  readonly browserErrors: string[] = [];
  private contexts: BrowserContext[] = [];

  async start(): Promise<void> {
    execFileSync(process.execPath, ['apps/console/build.mjs'], { stdio: 'pipe' });
    this.t = await startTestApp({ demoData: true });
    this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.t?.close();
  }

  /** A fresh browser (no stored sign-in) at /console. */
  async open(viewport = LAPTOP): Promise<Page> {
    const context = await this.browser.newContext({ viewport, locale: 'zh-CN' });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') this.browserErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.browserErrors.push(e.message));
    const res = await page.goto(`${this.t.url}/console`, { waitUntil: 'load' });
    if (res?.status() !== 200) throw new Error(`/console answered ${res?.status()}`);
    return page;
  }

  /** Opens the console and signs in through its form; answers once the header names the person. */
  async signIn(who: keyof typeof PEOPLE, viewport = LAPTOP): Promise<Page> {
    const page = await this.open(viewport);
    await page.fill('input[name=username]', PEOPLE[who].username);
    await page.fill('input[name=password]', PEOPLE[who].password);
    await page.click('[data-testid=sign-in] button[type=submit]');
    await page.locator('[data-testid=who]').waitFor();
    return page;
  }

  /** Goes to a screen by its menu entry and waits for its section. */
  async go(page: Page, path: string, section: string): Promise<void> {
    await page.click(`[data-testid="nav-${path}"]`);
    await page.locator(`[data-testid="${section}"]`).waitFor();
  }

  async shot(page: Page, name: string): Promise<string> {
    const file = resolve(ARTIFACTS, `console-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async closeContexts(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((c) => c.close()));
  }
}
