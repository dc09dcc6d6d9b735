import { todayInShanghai } from '@app/shared';
import type { Locator, Page } from 'playwright-core';
import { browserDescribe, ConsoleHarness, PEOPLE, PHONE } from './support/console-browser.js';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { readyForCheckIn } from './support/stays.js';
import { DB_KIND } from './support/test-app.js';

const REQUEST = 'mutation($i:RequestBatchInput!){ requestBatch(input:$i){ id reference status } }';
const BATCH = 'query($id:Int!){ batch(id:$id){ status arrivals participants { id arrived } consumption { description quantity unitPrice amount reversesEntryId reason } } }';
const AT_BASE = 'query($f:BatchFilter){ batches(first:50, filter:$f){ edges { node { id reference startDate endDate status headcount pricePerPerson bills { id status } } } } }';
const BILL = 'query($id:Int!){ bill(id:$id){ status total paid outstanding lines { kind quantity amount } payments { amount method reference } } }';

interface AtBase {
  id: number;
  reference: string;
  startDate: string;
  endDate: string;
  status: string;
  headcount: number;
  pricePerPerson: string;
  bills: Array<{ id: number; status: string }>;
}

/** Issue 18, the base operator's stays: arrivals checked in by ticks, consumption, bills and payments. */
browserDescribe(`the console for a base operator's stays, in chromium (${DB_KIND})`, () => {
  const h = new ConsoleHarness();
  const today = todayInShanghai();
  let operator: string;
  let organiser: string;
  let baseId: number;
  let packageId: number;
  let nextPerson = 700_000;

  beforeAll(async () => {
    await h.start();
    operator = await h.t.login(PEOPLE.operator.username, PEOPLE.operator.password);
    organiser = await h.t.login(PEOPLE.organiser.username, PEOPLE.organiser.password);
    baseId = (await h.t.ok<{ me: { baseId: number } }>('{ me { baseId } }', {}, operator)).me.baseId;
    // The two-night package: its smallest group (10) keeps the lists short.
    const packages = (await h.t.ok<{ base: { packages: Array<{ id: number; nights: number }> } }>('query($id:Int!){ base(id:$id){ packages { id nights } } }', { id: baseId }, operator)).base.packages;
    packageId = packages.find((p) => p.nights === 2)!.id;
    // The demo union asks for public notice before confirmation; from today it no longer does, so batches arriving today can be confirmed.
    const approver = await h.t.login(PEOPLE.approver.username, PEOPLE.approver.password);
    const unionId = (await h.t.ok<{ me: { unionId: number } }>('{ me { unionId } }', {}, approver)).me.unionId;
    await h.t.ok('mutation($i:SetUnionPolicyInput!){ setUnionPolicy(input:$i){ id } }', { i: { unionId, effectiveFrom: today, publicationRequired: false } }, approver);
  });
  afterEach(async () => {
    await h.closeContexts();
    expect(h.browserErrors).toEqual([]);
    h.browserErrors.length = 0;
  });
  afterAll(() => h.stop());

  const batchesAt = async (status: string) => (await h.t.ok<{ batches: { edges: Array<{ node: AtBase }> } }>(AT_BASE, { f: { baseId, status } }, operator)).batches.edges.map((e) => e.node);
  const batch = async (id: number) =>
    (
      await h.t.ok<{
        batch: {
          status: string;
          arrivals: number | null;
          participants: Array<{ id: number; arrived: boolean | null }>;
          consumption: Array<{ description: string; quantity: number; unitPrice: string; amount: string; reversesEntryId: number | null; reason: string | null }>;
        };
      }>(BATCH, { id }, operator)
    ).batch;
  /** A batch arriving today, as the union and the base would bring it: requested, confirmed, its full list, insured, a team leader (the first). */
  const arrivingToday = async (headcount: number, confirm = true) => {
    const b = (await h.t.ok<{ requestBatch: { id: number; reference: string } }>(REQUEST, { i: { packageId, startDate: today, headcount } }, organiser)).requestBatch;
    if (!confirm) return { ...b, ids: [] as number[] };
    await h.t.ok('mutation($id:Int!){ confirmBatch(id:$id){ id } }', { id: b.id }, operator);
    const people = Array.from({ length: headcount }, () => person(nextPerson++));
    const added = (await h.t.ok<{ addParticipants: Array<{ id: number }> }>(ADD_PARTICIPANTS, { b: b.id, p: people }, operator)).addParticipants;
    await readyForCheckIn(h.t, b.id, organiser, operator);
    return { ...b, ids: added.map((p) => p.id) };
  };
  const errorIn = async (scope: Locator) => {
    const error = scope.locator('.error').first();
    await error.waitFor();
    return { code: await error.getAttribute('data-code'), text: (await error.textContent()) ?? '' };
  };
  const tickOnly = async (card: Locator, ids: number[]) => {
    for (const id of ids) await card.locator(`[data-testid="person-${id}"] [data-testid=came]`).check();
  };
  const signedInAt = async (path: string, section: string, viewport?: typeof PHONE): Promise<Page> => {
    const page = await h.signIn('operator', viewport);
    await h.go(page, path, section);
    return page;
  };

  it('checks in the batches arriving today by ticking who came; refusals in words, and the API records who arrived', async () => {
    const arriving = await arrivingToday(10);
    const unconfirmed = await arrivingToday(10, false);
    const page = await signedInAt('operator/arrivals', 'arrivals');
    const card = page.locator(`[data-testid="arriving-${arriving.reference}"]`);
    await card.locator('[data-testid=came]').first().waitFor();
    expect(await page.locator('input[name=day]').inputValue()).toBe(today);

    // A batch the base never confirmed cannot check in.
    const waiting = page.locator(`[data-testid="arriving-${unconfirmed.reference}"]`);
    await waiting.locator('[data-testid=check-in]').click();
    expect(await errorIn(waiting)).toEqual({ code: 'INVALID_TRANSITION', text: expect.stringMatching(/^当前状态不能这样操作: /) });

    // Everyone but the team leader (the first) and one more: the leader must be among the arrivals.
    const [leader, absent, ...rest] = arriving.ids;
    await tickOnly(card, rest);
    expect(await card.locator('[data-testid=ticked]').textContent()).toBe('已勾选 8 / 10 人');
    await card.locator('[data-testid=check-in]').click();
    const refused = await errorIn(card);
    expect(refused.code).toBe('INVALID_TRANSITION');
    expect(refused.text).toContain('team leader');
    expect((await batch(arriving.id)).status).toBe('CONFIRMED');

    await tickOnly(card, [leader]);
    await h.shot(page, 'operator-arrivals');
    await card.locator('[data-testid=check-in]').click();
    await page.locator(`text=${arriving.reference} 已入住，实到 9 人`).waitFor();
    await card.locator('text=实到 9 人').waitFor();
    const after = await batch(arriving.id);
    expect({ status: after.status, arrivals: after.arrivals }).toEqual({ status: 'CHECKED_IN', arrivals: 9 });
    expect(after.participants.filter((p) => !p.arrived).map((p) => p.id)).toEqual([absent]);
    expect(await card.locator(`[data-testid="person-${absent}"] td`).first().textContent()).toBe('✗');

    // Another day by the picker: tomorrow has none of today's batches.
    await page.click('[data-testid=next-day]');
    await card.waitFor({ state: 'detached' });
    expect(await page.locator('input[name=day]').inputValue()).not.toBe(today);
  });

  it('records consumption for a stay in the house, lists and reverses entries; a zero quantity is the API’s BAD_USER_INPUT', async () => {
    // The demo's stay that checked in today.
    const stay = (await batchesAt('CHECKED_IN')).find((b) => b.startDate === today && b.headcount === 30)!;
    const page = await signedInAt('operator/consumption', 'consumption');
    await page.selectOption('select[name=batch]', String(stay.id));
    const panel = page.locator(`[data-testid="stay-${stay.reference}"]`);
    await panel.waitFor();
    const form = page.locator('[data-testid=record]');
    expect(await form.locator('input[name=occurredOn]').inputValue()).toBe(today);

    await form.locator('input[name=description]').fill('温泉门票');
    await form.locator('input[name=quantity]').fill('0');
    await form.locator('input[name=unitPrice]').fill('68.00');
    await form.locator('button[type=submit]').click();
    expect(await errorIn(form)).toEqual({ code: 'BAD_USER_INPUT', text: expect.stringMatching(/^输入有误: .*quantity/) });
    expect((await batch(stay.id)).consumption).toEqual([]);

    await form.locator('input[name=quantity]').fill('30');
    await form.locator('button[type=submit]').click();
    await panel.locator('[data-testid=entries] td:text("2040.00")').waitFor();
    await form.locator('select[name=category]').selectOption('MEALS');
    await form.locator('input[name=description]').fill('加菜');
    await form.locator('input[name=quantity]').fill('3');
    await form.locator('input[name=unitPrice]').fill('88.50');
    await form.locator('button[type=submit]').click();
    await panel.locator('[data-testid=entries-total]:text("2305.50")').waitFor();

    // The dishes were recorded in error: a reversing entry with its reason.
    const dishes = panel.locator('[data-testid=entries] tbody tr').nth(1);
    await dishes.locator('[data-testid=reverse-reason]').fill('重复登记');
    await dishes.locator('[data-testid=reverse]').click();
    await panel.locator('[data-testid=entries-total]:text("2040.00")').waitFor();
    await h.shot(page, 'operator-consumption');
    const entries = (await batch(stay.id)).consumption;
    expect(entries.map((e) => [e.description, e.quantity, e.unitPrice, e.amount, e.reason])).toEqual([
      ['温泉门票', 30, '68.00', '2040.00', null],
      ['加菜', 3, '88.50', '265.50', null],
      ['加菜', -3, '88.50', '-265.50', '重复登记'],
    ]);
  });

  it('issues the bill of a completed stay, shows its lines and takes a payment; more than is outstanding is refused; voiding is not the operator’s', async () => {
    // The demo's stay that ended yesterday and awaits its bill.
    const stay = (await batchesAt('COMPLETED')).find((b) => b.bills.length === 0 && b.endDate < today)!;
    const page = await signedInAt('operator/bills', 'bills');
    const item = page.locator(`[data-testid="to-bill-${stay.reference}"]`);
    await item.locator('[data-testid=issue]').click();
    await page.locator(`text=已为 ${stay.reference} 开具账单`).waitFor();
    await item.waitFor({ state: 'detached' });
    const detail = page.locator('[data-testid=bill]');
    await detail.locator('[data-testid=bill-lines] tr[data-kind=PACKAGE]').waitFor();
    const billId = (await h.t.ok<{ batch: { bills: Array<{ id: number }> } }>('query($id:Int!){ batch(id:$id){ bills { id } } }', { id: stay.id }, operator)).batch.bills[0].id;
    const issued = (await h.t.ok<{ bill: { total: string; outstanding: string } }>(BILL, { id: billId }, operator)).bill;
    expect(await detail.locator('[data-testid=bill-total]').textContent()).toBe(issued.total);
    expect(await detail.locator('button:text("作废")').count()).toBe(0);

    const pay = detail.locator('[data-testid=pay]');
    expect(await pay.locator('input[name=amount]').inputValue()).toBe(issued.outstanding);
    await pay.locator('input[name=amount]').fill('99999999.00');
    await pay.locator('input[name=reference]').fill('ICBC-20261206-001');
    await pay.locator('button[type=submit]').click();
    expect(await errorIn(pay)).toEqual({ code: 'BAD_USER_INPUT', text: expect.stringContaining(issued.outstanding) });

    await pay.locator('input[name=amount]').fill('10000.00');
    await pay.locator('select[name=method]').selectOption('UNION_FUNDS');
    await pay.locator('button[type=submit]').click();
    await detail.locator('[data-testid=payments] li').waitFor();
    const bill = (await h.t.ok<{ bill: { status: string; total: string; paid: string; outstanding: string; payments: unknown[] } }>(BILL, { id: billId }, operator)).bill;
    expect({ status: bill.status, paid: bill.paid, payments: bill.payments }).toEqual({
      status: 'ISSUED',
      paid: '10000.00',
      payments: [{ amount: '10000.00', method: 'UNION_FUNDS', reference: 'ICBC-20261206-001' }],
    });
    expect(Math.round(Number(bill.outstanding) * 100)).toBe(Math.round(Number(bill.total) * 100) - 1_000_000);
    await detail.locator(`[data-testid=bill-outstanding]:text("${bill.outstanding}")`).waitFor();
    await page.locator(`[data-testid="bill-${billId}"]`).waitFor();
    await h.shot(page, 'operator-bills');

    // The rest, as the form now offers it: the bill is paid and the stay settled.
    expect(await pay.locator('input[name=amount]').inputValue()).toBe(bill.outstanding);
    await pay.locator('input[name=reference]').fill('ICBC-20261206-002');
    await pay.locator('button[type=submit]').click();
    await detail.locator('[data-testid=bill-outstanding]:text("0.00")').waitFor();
    expect(await pay.count()).toBe(0);
    const paid = (await h.t.ok<{ bill: { status: string; paid: string; outstanding: string } }>(BILL, { id: billId }, operator)).bill;
    expect(paid).toMatchObject({ status: 'PAID', paid: bill.total, outstanding: '0.00' });
    expect((await batch(stay.id)).status).toBe('SETTLED');
  });

  it('on a phone-sized window: everyone ticked at once checks in, and the screen fits the width', async () => {
    const arriving = await arrivingToday(10);
    const page = await signedInAt('operator/arrivals', 'arrivals', PHONE);
    const card = page.locator(`[data-testid="arriving-${arriving.reference}"]`);
    await card.locator('[data-testid=tick-all]').click();
    expect(await card.locator('[data-testid=ticked]').textContent()).toBe('已勾选 10 / 10 人');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await h.shot(page, 'operator-arrivals-phone');
    await card.locator('[data-testid=check-in]').click();
    await card.locator('text=实到 10 人').waitFor();
    expect(await batch(arriving.id)).toMatchObject({ status: 'CHECKED_IN', arrivals: 10 });
  });
});
