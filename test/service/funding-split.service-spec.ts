import { BatchLifecycleService } from '@app/booking';
import { BillIssueService, BillKind, BillPaymentService, BillQueryService, BillStatus, PaymentMethod } from '@app/billing';
import { addDays } from '@app/shared';
import { Fixtures, type TestBase, type TestUnion } from '../support/service-fixtures.js';
import { type ServiceHarness, startServiceHarness } from '../support/service-harness.js';
import { DB_KIND } from '../support/test-app.js';

/**
 * The money split of a stay's bill on the bill service over a real database, in exact fen: what the
 * union funds (up to its daily cap × days, never past its yearly cap per person) and what each worker
 * pays, after the host region's voucher; and the cancellation fee.
 */
describe(`the bill's funding split, service tier (${DB_KIND})`, () => {
  let h: ServiceHarness;
  let f: Fixtures;
  let bills: BillIssueService;
  let payments: BillPaymentService;
  let billQueries: BillQueryService;
  let base: TestBase;

  beforeAll(async () => {
    h = await startServiceHarness();
    f = new Fixtures(h);
    bills = h.get(BillIssueService);
    payments = h.get(BillPaymentService);
    billQueries = h.get(BillQueryService);
    // 1980.00 a person for 3 nights (4 days).
    base = await f.base({ beds: 40, price: 198_000, nights: 3 });
  });
  afterAll(() => h.close());

  /** Days from today, all within one calendar year (next year's January when the year is nearly over). */
  const day = (k: number) => {
    const start = addDays(f.today, 60).slice(0, 4) === f.today.slice(0, 4) ? addDays(f.today, 10) : `${Number(f.today.slice(0, 4)) + 1}-01-10`;
    return addDays(start, k);
  };

  async function billOf(batchId: number) {
    const bill = await bills.issue(base.operator, batchId);
    const lines = (await billQueries.lines(f.admin, bill.id)).map(({ kind, quantity, unitPrice, amount }) => ({ kind, quantity, unitPrice, amount }));
    const shares = (await billQueries.shares(f.admin, bill.id)).map(({ participantId, unionFunded, selfPaid, yearlyCapReached }) => ({ participantId, unionFunded, selfPaid, yearlyCapReached }));
    return { bill, lines, shares };
  }

  it('union funds pay up to the daily cap × days, each worker the rest; the shares sum to the bill', async () => {
    const union = await f.union({ policy: { capPerPersonPerDay: 40_000 } });
    const { batch, participants } = await f.completedStay(union, base, day(0), [100, 101, 102]);
    const { bill, lines, shares } = await billOf(batch.id);
    expect(bill).toMatchObject({
      kind: BillKind.STAY,
      status: BillStatus.ISSUED,
      total: 594_000,
      paid: 0,
      capPerPersonPerDay: 40_000,
      capPerPersonPerYear: null,
      stayDays: 4,
      selfPaidPerPerson: 38_000,
    });
    expect(lines).toEqual([{ kind: 'PACKAGE', quantity: 3, unitPrice: 198_000, amount: 594_000 }]);
    expect(shares).toEqual(participants.map((p) => ({ participantId: p.id, unionFunded: 160_000, selfPaid: 38_000, yearlyCapReached: false })));
    expect(shares.reduce((sum, s) => sum + s.unionFunded + s.selfPaid, 0)).toBe(bill.total);
    // Under the default cap (600.00 × 4 = 2400.00) union funds pay it all.
    const generous = await f.union();
    const stay = await f.completedStay(generous, base, day(0), [103]);
    const all = await billOf(stay.batch.id);
    expect(all.bill.selfPaidPerPerson).toBe(0);
    expect(all.shares).toEqual([{ participantId: stay.participants[0].id, unionFunded: 198_000, selfPaid: 0, yearlyCapReached: false }]);
  });

  it('the yearly cap per person: union funds stop at it across the union’s bills of the year; a void bill stops counting', async () => {
    const union = await f.union({ policy: { capPerPersonPerYear: 300_000, maxDaysPerYear: 366 } });
    const [P, Q, R] = [200, 201, 202];
    const first = await billOf((await f.completedStay(union, base, day(10), [P, Q])).batch.id);
    expect(first.shares.map((s) => [s.unionFunded, s.selfPaid, s.yearlyCapReached])).toEqual([
      [198_000, 0, false],
      [198_000, 0, false],
    ]);
    // P has 1020.00 of union funds left this year: the other 960.00 is their own; R starts afresh.
    const secondStay = await f.completedStay(union, base, day(15), [P, R]);
    const second = await billOf(secondStay.batch.id);
    expect(second.bill).toMatchObject({ total: 396_000, capPerPersonPerYear: 300_000, selfPaidPerPerson: 0 });
    expect(second.shares).toEqual([
      { participantId: secondStay.participants[0].id, unionFunded: 102_000, selfPaid: 96_000, yearlyCapReached: true },
      { participantId: secondStay.participants[1].id, unionFunded: 198_000, selfPaid: 0, yearlyCapReached: false },
    ]);
    // A third stay: P is at the cap and pays it all.
    const third = await billOf((await f.completedStay(union, base, day(20), [P])).batch.id);
    expect(third.shares.map((s) => [s.unionFunded, s.selfPaid, s.yearlyCapReached])).toEqual([[0, 198_000, true]]);
    // The first bill voided and the third billed again: only the second's 1020.00 counts, so 1980.00 fits under 3000.00.
    await payments.void(f.admin, first.bill.id, '重开');
    await payments.void(f.admin, third.bill.id, '重开');
    const again = await billOf(third.bill.batchId!);
    expect(again.shares.map((s) => [s.unionFunded, s.selfPaid, s.yearlyCapReached])).toEqual([[198_000, 0, false]]);
  });

  it('the host region’s voucher comes off the price before the split, counted for the people who arrived', async () => {
    // A union of 深圳 at a base in 云浮, under an agreement with a voucher of 50.00 a person from 云浮.
    const agreement = await f.voucherAgreement('SZ', 'YF', 5_000);
    const union: TestUnion = await f.union({ region: 'SZ', policy: { capPerPersonPerDay: 40_000 } });
    const { batch, participants } = await f.completedStay(union, base, day(25), [300, 301, 302, 303], { agreementId: agreement, arrived: 2 });
    const { bill, lines, shares } = await billOf(batch.id);
    expect(lines).toEqual([
      { kind: 'PACKAGE', quantity: 2, unitPrice: 198_000, amount: 396_000 },
      // No-shows cost the base's no-show percent, 0 by default; the line says who did not come.
      { kind: 'NO_SHOW', quantity: 2, unitPrice: 0, amount: 0 },
      { kind: 'VOUCHER', quantity: 2, unitPrice: -5_000, amount: -10_000 },
    ]);
    expect(bill.total).toBe(386_000);
    // 1980.00 − 50.00 = 1930.00 a person: 1600.00 (400.00 × 4 days) from union funds, 330.00 their own.
    expect(bill.selfPaidPerPerson).toBe(33_000);
    expect(shares).toEqual(participants.slice(0, 2).map((p) => ({ participantId: p.id, unionFunded: 160_000, selfPaid: 33_000, yearlyCapReached: false })));
    expect(shares.reduce((sum, s) => sum + s.unionFunded + s.selfPaid, 0)).toBe(bill.total);
  });

  it('paying the bill exactly settles the stay; a confirmed batch cancelled 10 days before arrival owes 30 % of its price', async () => {
    const union = await f.union();
    const { batch } = await f.completedStay(union, base, day(30), [400, 401]);
    const { bill } = await billOf(batch.id);
    await payments.recordPayment(f.admin, { billId: bill.id, amount: 100_000, method: PaymentMethod.BANK_TRANSFER, reference: 'T-1' });
    const paid = await payments.recordPayment(f.admin, { billId: bill.id, amount: 296_000, method: PaymentMethod.BANK_TRANSFER, reference: 'T-2' });
    expect(paid).toMatchObject({ status: BillStatus.PAID, paid: 396_000, total: 396_000 });
    expect((await f.history(batch.id)).at(-1)).toMatchObject({ from: 'COMPLETED', to: 'SETTLED', reason: `bill ${bill.id} paid` });

    const lifecycle = h.get(BatchLifecycleService);
    const cancelled = await f.request(union, base, addDays(f.today, 10), 2);
    await lifecycle.confirm(base.operator, cancelled.id);
    await lifecycle.cancel(union.organiser, cancelled.id, 'the trip is off');
    const [fee] = await billQueries.forBatch(f.admin, cancelled.id);
    expect(fee).toMatchObject({ kind: BillKind.CANCELLATION_FEE, status: BillStatus.ISSUED, total: 118_800 });
    expect((await billQueries.lines(f.admin, fee.id)).map(({ kind, quantity, unitPrice, amount }) => ({ kind, quantity, unitPrice, amount }))).toEqual([
      { kind: 'CANCELLATION_FEE', quantity: 1, unitPrice: 118_800, amount: 118_800 },
    ]);
  });
});
