import { readFileSync } from 'node:fs';
import { addDays } from '@app/shared';
import type { Page } from 'playwright-core';
import { browserDescribe, ConsoleHarness, PEOPLE, PHONE } from './support/console-browser.js';
import { person } from './support/people.js';
import { DB_KIND } from './support/test-app.js';

const PACKAGES = 'query($id:Int!){ base(id:$id){ packages { id minGroupSize } } }';
const REQUEST = 'mutation($i:RequestBatchInput!){ requestBatch(input:$i){ id reference } }';
const LIST = 'query($id:Int!){ batch(id:$id){ rosterStatus participants { name employer room idNumberMasked phoneMasked } } }';
const BILLS = 'query($f:BillFilter){ bills(first:20, filter:$f){ totalCount edges { node { id total paid outstanding lines { id } } } } }';
const STAYS = 'query($f:BatchFilter){ batches(first:50, filter:$f){ edges { node { id reference feedback { id } } } } }';
const RATE = 'mutation($i:RateStayInput!){ rateStay(input:$i){ id } }';
const FEEDBACK = 'query($id:Int!){ batch(id:$id){ feedback { overall lodging meals activities service comment } } }';

const HEADERS = '姓名,性别,证件类型,证件号码,手机号,工作单位,类别,饮食禁忌,房间';
/** A CSV row as an organiser's spreadsheet writes it, in Chinese. */
const csvRow = (n: number) => {
  const p = person(n);
  return [p.name, p.gender === 'MALE' ? '男' : '女', '居民身份证', p.idNumber, p.phone, p.employer, '一线职工', '', p.room].join(',');
};
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Issue 18, the union organiser: the rooming list of a batch, the union's bills, rating a stay. */
browserDescribe(`the console for a union organiser: rooming lists, bills, ratings, in chromium (${DB_KIND})`, () => {
  const h = new ConsoleHarness();
  let organiserToken: string;
  let mine: { id: number; reference: string };
  let headcount: number;

  beforeAll(async () => {
    await h.start();
    organiserToken = await h.t.login(PEOPLE.organiser.username, PEOPLE.organiser.password);
    const operatorToken = await h.t.login(PEOPLE.operator.username, PEOPLE.operator.password);
    const baseId = (await h.t.ok<{ me: { baseId: number } }>('{ me { baseId } }', {}, operatorToken)).me.baseId;
    const pkg = (await h.t.ok<{ base: { packages: Array<{ id: number; minGroupSize: number }> } }>(PACKAGES, { id: baseId }, operatorToken)).base.packages[0];
    headcount = Math.max(pkg.minGroupSize, 3);
    mine = (await h.t.ok<{ requestBatch: { id: number; reference: string } }>(REQUEST, { i: { packageId: pkg.id, startDate: addDays(today(), 55), headcount } }, organiserToken)).requestBatch;
  });
  afterEach(async () => {
    await h.closeContexts();
    expect(h.browserErrors).toEqual([]);
    h.browserErrors.length = 0;
  });
  afterAll(() => h.stop());

  /** A refused upload or download is a non-2xx answer, which chromium logs; those the test provoked are taken off the complaints. */
  const expectRefusalsLogged = (...statuses: number[]) => {
    const logged = h.browserErrors.filter((e) => /^Failed to load resource: the server responded with a status of (\d+)/.test(e));
    expect(logged.map((e) => Number(/status of (\d+)/.exec(e)![1]))).toEqual(statuses);
    h.browserErrors.splice(0, h.browserErrors.length, ...h.browserErrors.filter((e) => !logged.includes(e)));
  };
  const list = async () =>
    (await h.t.ok<{ batch: { rosterStatus: string; participants: Array<{ name: string; employer: string; room: string | null; idNumberMasked: string }> } }>(LIST, { id: mine.id }, organiserToken))
      .batch;
  /** The rooming-list screen from the menu: an organiser's, or a regional partner's own entry. */
  const openRoster = async (page: Page, batchId: number, menu = 'organiser/roster') => {
    await h.go(page, menu, 'rooming-list');
    await page.selectOption('[data-testid=roster-batch]', String(batchId));
    await page.locator('[data-testid=roster-people]').waitFor();
  };
  const addForm = '[data-testid=person-add-form]';
  const fillPerson = async (page: Page, p: ReturnType<typeof person>) => {
    await page.fill(`${addForm} input[name=name]`, p.name);
    await page.selectOption(`${addForm} select[name=gender]`, p.gender);
    await page.fill(`${addForm} input[name=idNumber]`, p.idNumber);
    await page.fill(`${addForm} input[name=phone]`, p.phone);
    await page.fill(`${addForm} input[name=employer]`, p.employer);
    await page.fill(`${addForm} input[name=room]`, p.room);
  };

  it('adds, changes and removes people; refuses a bad ID number and a person twice in words; uploads a CSV (a bad row named, then a good file), downloads it and submits the list', async () => {
    const page = await h.signIn('organiser');
    await openRoster(page, mine.id);

    // Two people by hand; the list shows them masked, as the API does.
    for (const n of [1, 2]) {
      await fillPerson(page, person(n));
      await page.click(`${addForm} button[type=submit]`);
      await page.locator(`[data-testid="person-${person(n).name}"]`).waitFor();
    }
    const added = (await list()).participants;
    expect(added.map((p) => p.name)).toEqual([person(1).name, person(2).name]);
    expect(await page.locator(`[data-testid="person-${person(1).name}"] [data-testid=id-masked]`).textContent()).toBe(added[0].idNumberMasked);
    expect(await page.locator(`[data-testid="roster-people"]`).textContent()).not.toContain(person(1).idNumber);

    // The same person again, then a mistyped ID number: refused in words, nothing added.
    await fillPerson(page, person(1));
    await page.click(`${addForm} button[type=submit]`);
    const refusal = page.locator(`${addForm} .error`);
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await refusal.textContent()).toContain(`already on the list of batch ${mine.reference}`);
    const typo = person(3);
    await fillPerson(page, { ...typo, idNumber: typo.idNumber.slice(0, 17) + (typo.idNumber[17] === '1' ? '2' : '1') });
    await page.click(`${addForm} button[type=submit]`);
    await refusal.locator('text=/check digit/').waitFor();
    expect(await refusal.textContent()).toMatch(/^输入有误: participants\.0\.idNumber: the check digit/);
    expect((await list()).participants).toHaveLength(2);

    // Change the second person's employer and room; take the first off the list.
    await page.click(`[data-testid="person-${person(2).name}"] [data-testid=person-edit]`);
    await page.fill('[data-testid=person-edit-form] input[name=employer]', '广州地铁集团');
    await page.fill('[data-testid=person-edit-form] input[name=room]', 'A301');
    await page.click('[data-testid=person-edit-form] button[type=submit]');
    await page.locator(`[data-testid="person-${person(2).name}"] >> text=A301`).waitFor();
    await page.click(`[data-testid="person-${person(1).name}"] [data-testid=person-remove]`);
    await page.locator(`[data-testid="person-${person(1).name}"]`).waitFor({ state: 'detached' });
    expect((await list()).participants.map((p) => [p.name, p.employer, p.room])).toEqual([[person(2).name, '广州地铁集团', 'A301']]);

    // Submitting an incomplete list is refused, saying how many are missing.
    await page.click('[data-testid=roster-submit]');
    const notYet = page.locator('[data-testid=roster-batch-panel] .error');
    await notYet.waitFor();
    expect(await notYet.textContent()).toContain(`has 1 of ${headcount} people; submit it complete`);

    // A file with one bad row: that row and column named, nothing imported; the corrected file goes in.
    const rows = Array.from({ length: headcount - 1 }, (_, i) => csvRow(100 + i));
    const bad = [...rows];
    bad[1] = bad[1].replace(/,1(39\d{8}),/, ',5$1,'); // row 3: a phone number that is none
    await page.selectOption('[data-testid=roster-upload] select[name=mode]', 'append');
    await page.setInputFiles('[data-testid=roster-upload] input[type=file]', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADERS, ...bad].join('\r\n'), 'utf8') });
    await page.click('[data-testid=roster-upload] button[type=submit]');
    const row3 = page.locator('[data-testid=upload-rows] tr[data-row="3"]');
    await row3.waitFor();
    expect(await page.locator('[data-testid=roster-upload] .error').textContent()).toBe('输入有误: 1 row has errors; nothing was imported');
    expect(await row3.textContent()).toContain('第 3 行手机号');
    expect((await list()).participants).toHaveLength(1);
    await h.shot(page, 'organiser-roster-upload-error');

    await page.setInputFiles('[data-testid=roster-upload] input[type=file]', { name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADERS, ...rows].join('\r\n'), 'utf8') });
    await page.click('[data-testid=roster-upload] button[type=submit]');
    await page.locator('[data-testid=upload-result]').waitFor();
    expect(await page.locator('[data-testid=upload-result]').textContent()).toBe(`已导入 ${headcount - 1} 人，名单现有 ${headcount} 人`);
    await page.locator(`[data-testid="person-${person(100).name}"]`).waitFor();
    expect((await list()).participants).toHaveLength(headcount);

    // The list comes down as the file the browser saves, full numbers for the batch's own organiser.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-csv]')]);
    expect(file.suggestedFilename()).toBe(`${mine.reference}-participants.csv`);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(`\ufeff${HEADERS}`);
    expect(csv).toContain(person(2).idNumber);
    expect(csv).toContain(person(100 + headcount - 2).name);

    await page.click('[data-testid=roster-submit]');
    await page.locator('[data-testid=roster-status] >> text=待审批').waitFor();
    expect((await list()).rosterStatus).toBe('SUBMITTED');
    await h.shot(page, 'organiser-roster');
    expectRefusalsLogged(400);
  });

  it("a partner's download of a list it does not keep is refused with the API's own sentence", async () => {
    const partnerToken = await h.t.login(PEOPLE.partner.username, PEOPLE.partner.password);
    const visible = (await h.t.ok<{ batches: { edges: Array<{ node: { id: number } }> } }>(STAYS, { f: { from: addDays(today(), -30) } }, partnerToken)).batches.edges.map((e) => e.node.id);
    let refused: number | undefined;
    for (const id of visible) {
      const res = await fetch(`${h.t.url}/batches/${id}/participants.csv`, { headers: { authorization: `Bearer ${partnerToken}` } });
      if (res.status === 403) {
        refused = id;
        break;
      }
    }
    expect(refused).toBeDefined();
    const page = await h.signIn('partner');
    await openRoster(page, refused!, 'partner/roster');
    await page.click('[data-testid=download-xlsx]');
    const error = page.locator('[data-testid=roster-files] .error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await error.textContent()).toBe("无权操作: Only those who keep the batch's rooming list download it");
    expectRefusalsLogged(403);
  });

  it("lists the union's bills a page at a time with what is paid and owed, as the API has them, and their lines", async () => {
    const api = (
      await h.t.ok<{ bills: { totalCount: number; edges: Array<{ node: { id: number; total: string; paid: string; outstanding: string; lines: Array<{ id: number }> } }> } }>(BILLS, {}, organiserToken)
    ).bills;
    expect(api.edges.length).toBeGreaterThan(0);
    const page = await h.signIn('organiser');
    await h.go(page, 'organiser/bills', 'union-bills');
    await page.locator(`[data-testid="bill-${api.edges[0].node.id}"]`).waitFor();
    for (const { node } of api.edges) {
      const bill = page.locator(`[data-testid="bill-${node.id}"]`);
      expect([
        await bill.locator('[data-testid=bill-total]').textContent(),
        await bill.locator('[data-testid=bill-paid]').textContent(),
        await bill.locator('[data-testid=bill-outstanding]').textContent(),
      ]).toEqual([node.total, node.paid, node.outstanding]);
    }
    expect(await page.locator('.page-footer').textContent()).toContain(`共 ${api.totalCount} 条`);
    const first = page.locator(`[data-testid="bill-${api.edges[0].node.id}"]`);
    await first.locator('[data-testid=bill-lines-toggle]').click();
    expect(await first.locator('[data-testid=bill-lines] tr').count()).toBe(api.edges[0].node.lines.length);
    await h.shot(page, 'organiser-bills');

    // Only what is still owed.
    const owed = (await h.t.ok<{ bills: { totalCount: number; edges: Array<{ node: { id: number } }> } }>(BILLS, { f: { status: 'ISSUED' } }, organiserToken)).bills;
    await page.click('[data-testid=bills-ISSUED]');
    await page.locator('.page-footer').locator(`text=共 ${owed.totalCount} 条`).waitFor();
    expect(await page.locator('[data-testid^="bill-"].bill').count()).toBe(owed.edges.length);
  });

  it('rates a completed stay with 1–5 scores; a second rating of a stay is refused as a conflict, in words', async () => {
    const unrated = (await h.t.ok<{ batches: { edges: Array<{ node: { id: number; reference: string; feedback: unknown } }> } }>(STAYS, { f: { status: 'COMPLETED' } }, organiserToken)).batches.edges
      .map((e) => e.node)
      .filter((b) => !b.feedback);
    expect(unrated.length).toBeGreaterThanOrEqual(2);
    const [stay, other] = unrated;
    const page = await h.signIn('organiser');
    await h.go(page, 'organiser/rating', 'rate-stay');
    const item = (b: { reference: string }) => page.locator(`[data-testid="stay-${b.reference}"]`);
    await item(stay).locator('[data-testid=rate-open]').click();
    const scores = { overall: 4, lodging: 5, meals: 3, activities: 4, service: 5 };
    for (const [k, n] of Object.entries(scores)) await item(stay).locator(`fieldset[data-score=${k}] input[value="${n}"]`).check();
    await item(stay).locator('textarea[name=comment]').fill('温泉很好，餐饮偏咸');
    await item(stay).locator('button[type=submit]').click();
    await item(stay).locator('[data-testid=rated]').waitFor();
    expect((await h.t.ok<{ batch: { feedback: unknown } }>(FEEDBACK, { id: stay.id }, organiserToken)).batch.feedback).toEqual({ ...scores, comment: '温泉很好，餐饮偏咸' });

    // Someone else in the union rates the other stay while this form is open: this one is refused.
    await item(other).locator('[data-testid=rate-open]').click();
    for (const k of Object.keys(scores)) await item(other).locator(`fieldset[data-score=${k}] input[value="2"]`).check();
    await h.t.ok(RATE, { i: { batchId: other.id, overall: 3, lodging: 3, meals: 3, activities: 3, service: 3 } }, organiserToken);
    await item(other).locator('button[type=submit]').click();
    const conflict = item(other).locator('.error');
    await conflict.waitFor();
    expect(await conflict.getAttribute('data-code')).toBe('CONFLICT');
    expect(await conflict.textContent()).toMatch(/^与现有数据冲突: /);
    expect((await h.t.ok<{ batch: { feedback: { overall: number } } }>(FEEDBACK, { id: other.id }, organiserToken)).batch.feedback.overall).toBe(3);
    await h.shot(page, 'organiser-rating');
  });

  it('on a phone-sized window: the rooming list, the bills and the rating form fit the width', async () => {
    const page = await h.signIn('organiser', PHONE);
    await openRoster(page, mine.id);
    const width = () => page.evaluate<number>('document.documentElement.scrollWidth');
    expect(await width()).toBeLessThanOrEqual(PHONE.width);
    await h.shot(page, 'organiser-roster-phone');
    await h.go(page, 'organiser/bills', 'union-bills');
    await page.locator('.bill [data-testid=bill-lines-toggle]').first().click();
    await page.locator('[data-testid=bill-lines]').waitFor();
    expect(await width()).toBeLessThanOrEqual(PHONE.width);
    await h.shot(page, 'organiser-bills-phone');
    await h.go(page, 'organiser/rating', 'rate-stay');
    await page.locator('[data-testid=rate-open]').first().click();
    await page.locator('[data-testid=rate-form]').waitFor();
    expect(await width()).toBeLessThanOrEqual(PHONE.width);
    await h.shot(page, 'organiser-rating-phone');
  });
});
