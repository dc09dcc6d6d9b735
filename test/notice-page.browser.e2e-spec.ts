import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addDays } from '@app/shared';
import { chromium, type Browser } from 'playwright-core';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH } from './support/world.js';

const CHROMIUM = '/usr/bin/chromium';
// Without a browser the test skips itself, except in CI, where a missing browser is a failure.
const run = existsSync(CHROMIUM) || process.env.CI === 'true' ? describe : describe.skip;
const MOVE = (name: string) => `mutation($b:Int!){${name}(batchId:$b){rosterPublicToken}}`;
export const SCREENSHOT = resolve('test/artifacts/notice-390x844.png');

/** The notice page in a real browser on a phone-sized window (Debian's chromium, headless). */
run(`the notice page in chromium at 390×844 (${DB_KIND})`, () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the masked list and fits the width', async () => {
    const w = await buildWorld(t, { publication: true });
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-b', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionA.id } }, w.admin);
    const approver = await t.login('approver-b', 'approver-pass-1');
    const people = [
      person(800_001, { name: '张三明', category: 'MODEL_WORKER' }),
      person(800_002, { name: '欧阳建华', category: 'FRONTLINE_WORKER', employer: '广州市白云区某某机械制造有限公司第三分厂装配车间' }),
      person(800_003, { name: '李四', category: 'OTHER' }),
      person(800_004, { name: '王小红', category: 'FRONTLINE_WORKER', employer: 'Guangzhou-Baiyun-District-Very-Long-Employer-Name-Without-Spaces' }),
    ];
    const b = (await t.ok<any>(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: addDays(w.start, 12), headcount: people.length } }, w.unionA.organiser)).requestBatch;
    await t.ok(ADD_PARTICIPANTS, { b: b.id, p: people }, w.unionA.organiser);
    await t.ok(MOVE('submitRoster'), { b: b.id }, w.unionA.organiser);
    await t.ok(MOVE('approveRoster'), { b: b.id }, approver);
    const token: string = (await t.ok<any>(MOVE('publishRoster'), { b: b.id }, approver)).publishRoster.rosterPublicToken;

    // Script off: the page must read without it.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(`${t.url}/notice/${token}`);
    expect(res?.status()).toBe(200);
    for (const name of ['张*明', '欧**华', '李*', '王*红']) await expect(page.getByText(name, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('劳模', { exact: true }).isVisible()).resolves.toBe(true);
    // Playwright's evaluate runs outside the page's own scripts, so it measures even with them off.
    const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
    );
    expect(clientWidth).toBe(390);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.log(`notice page screenshot: ${SCREENSHOT}`);
    await context.close();
  });
});
