import { addDays, todayInShanghai } from '@app/shared';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { completeBatch, fen, ISSUE, onDay, PAY, RECORD, REVERSE, stay, yuan } from './support/stays.js';
import { buildWorld, type World } from './support/world.js';

const BATCH = 'query($id:Int!){batch(id:$id){status consumption{id amount reversesEntryId} bills{id kind status total paid}}}';
const HISTORY = 'query($id:Int!){bill(id:$id){history{from to actor reason at}}}';

describe(`consumption, bills and payments (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const today = todayInShanghai();
  const A = () => ({ organiser: w.unionA.organiser, operator: w.baseA.operator });
  const completed = (headcount: number) => stay(t, A(), { packageId: w.baseA.packageId, startDate: today, headcount }, 'COMPLETED');
  const record = (batchId: number, quantity: number, unitPrice: string, extra: Record<string, unknown> = {}) =>
    t.gql(RECORD, { i: { batchId, category: 'MEALS', description: '晚餐加菜', quantity, unitPrice, occurredOn: today, ...extra } }, w.baseA.operator);

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 500 });
  });
  afterAll(() => t.close());

  it('bills the package at the booked price × headcount and every entry, reversals included, to the fen', async () => {
    const b = await stay(t, A(), { packageId: w.baseA.packageId, startDate: today, headcount: 3 }, 'CHECKED_IN');
    const e1 = (await t.ok(RECORD, { i: { batchId: b.id, category: 'ACTIVITIES', description: '温泉', quantity: 3, unitPrice: '128.50', occurredOn: today } }, w.baseA.operator)).recordConsumption;
    expect(e1).toMatchObject({ amount: '385.50', quantity: 3, unitPrice: '128.50' });
    const e2 = (await record(b.id, 7, '0.03')).data!.recordConsumption;
    // A price change after booking changes nothing on this batch's bill.
    await t.ok('mutation($i:UpdatePackageInput!){updatePackage(input:$i){id}}', { i: { id: w.baseA.packageId, pricePerPerson: '2500.00' } }, w.admin);
    await completeBatch(t, b.id, w.baseA.operator);
    const r = (await t.ok(REVERSE, { id: e1.id, r: '重复录入' }, w.baseA.operator)).reverseConsumption;
    expect(r).toMatchObject({ amount: '-385.50', quantity: -3, reversesEntryId: e1.id, reason: '重复录入' });

    const bill = (await t.ok(ISSUE, { b: b.id }, w.baseA.operator)).issueBill;
    expect(bill).toMatchObject({ kind: 'STAY', status: 'ISSUED', paid: '0.00', batchStartDate: today });
    expect(bill.lines).toEqual([
      { kind: 'PACKAGE', description: 'Package, 3 nights, at the booked price', quantity: 3, unitPrice: '1980.00', amount: '5940.00', consumptionEntryId: null },
      { kind: 'CONSUMPTION', description: 'ACTIVITIES: 温泉', quantity: 3, unitPrice: '128.50', amount: '385.50', consumptionEntryId: e1.id },
      { kind: 'CONSUMPTION', description: 'MEALS: 晚餐加菜', quantity: 7, unitPrice: '0.03', amount: '0.21', consumptionEntryId: e2.id },
      { kind: 'CONSUMPTION', description: `Reversal of entry ${e1.id}: 重复录入`, quantity: -3, unitPrice: '128.50', amount: '-385.50', consumptionEntryId: r.id },
    ]);
    expect(bill.total).toBe('5940.21');
    expect(bill.outstanding).toBe('5940.21');
    await t.ok('mutation($i:UpdatePackageInput!){updatePackage(input:$i){id}}', { i: { id: w.baseA.packageId, pricePerPerson: '1980.00' } }, w.admin);
  });

  it('refuses consumption at the wrong time, a second reversal, a second bill, and bad input', async () => {
    const early = await stay(t, A(), { packageId: w.baseA.packageId, startDate: today, headcount: 1 }, 'CONFIRMED');
    expect((await record(early.id, 1, '1.00')).errors![0].extensions).toEqual({ code: 'INVALID_TRANSITION', status: 'CONFIRMED' });
    expect(errorCode(await t.gql(ISSUE, { b: early.id }, w.baseA.operator))).toBe('INVALID_TRANSITION');

    const b = await completed(2);
    const bad = [
      [{ quantity: 0 }, 'quantity'],
      [{ unitPrice: '-1.00' }, 'unitPrice'],
      [{ occurredOn: addDays(today, 10) }, 'occurredOn'],
      [{ description: '   ' }, 'description'],
      [{ category: 'SPA' }, 'category'],
    ] as const;
    for (const [extra, field] of bad) {
      const res = await record(b.id, (extra as any).quantity ?? 1, (extra as any).unitPrice ?? '1.00', extra);
      expect({ field, code: errorCode(res), at: res.errors?.[0].extensions?.field }).toEqual({ field, code: 'BAD_USER_INPUT', at: expect.stringContaining(field) });
    }
    const e = (await record(b.id, 1, '10.00')).data!.recordConsumption;
    await t.ok(REVERSE, { id: e.id, r: 'wrong' }, w.baseA.operator);
    expect((await t.gql(REVERSE, { id: e.id, r: 'again' }, w.baseA.operator)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'entryId' });
    const reversal = (await t.ok(BATCH, { id: b.id }, w.admin)).batch.consumption[1];
    expect(errorCode(await t.gql(REVERSE, { id: reversal.id, r: 'x' }, w.baseA.operator))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.gql(REVERSE, { id: e.id, r: '' }, w.baseA.operator))).toBe('BAD_USER_INPUT');

    // occurredOn left out is today, the day it is recorded; once the stay is over it must be given.
    const input = { batchId: b.id, category: 'MEALS', description: '晚餐加菜', quantity: 1, unitPrice: '2.00' };
    expect((await t.ok(RECORD, { i: input }, w.baseA.operator)).recordConsumption).toMatchObject({ occurredOn: today, amount: '2.00' });
    const after = addDays(today, 30);
    const late = await onDay(t, after, () => t.gql(RECORD, { i: input }, w.baseA.operator));
    expect(late.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'occurredOn' }, message: expect.stringContaining(`today, ${after}, is not one: give occurredOn`) });

    const bill = (await t.ok(ISSUE, { b: b.id }, w.baseA.operator)).issueBill;
    expect(bill.total).toBe('3962.00');
    expect((await t.gql(ISSUE, { b: b.id }, w.baseA.operator)).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await record(b.id, 1, '1.00')).errors![0].extensions).toMatchObject({ code: 'CONFLICT', billId: bill.id });

    // Another base's operator and the organiser cannot record or bill; the organiser sees the bill.
    expect(errorCode(await t.gql(RECORD, { i: { batchId: b.id, category: 'OTHER', description: 'x', quantity: 1, unitPrice: '1.00', occurredOn: today } }, w.baseB.operator))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(ISSUE, { b: b.id }, w.unionA.organiser))).toBe('FORBIDDEN');
    const mine = await t.ok('{bills(first:100){totalCount edges{node{id batchId}}}}', {}, w.unionA.organiser);
    expect(mine.bills.edges.map((e: any) => e.node.id)).toContain(bill.id);
    expect((await t.ok('{bills(first:100){totalCount}}', {}, w.unionB.organiser)).bills.totalCount).toBe(0);
    expect((await t.ok('{bills(first:100){totalCount}}', {}, w.baseB.operator)).bills.totalCount).toBe(0);
    expect(errorCode(await t.gql('query($id:Int!){bill(id:$id){id}}', { id: bill.id }, w.unionB.organiser))).toBe('NOT_FOUND');
  });

  it('takes partial payments, refuses overpayment, and settles the stay with the payment that completes the bill', async () => {
    const b = await completed(2);
    const bill = (await t.ok(ISSUE, { b: b.id }, w.baseA.operator)).issueBill;
    const pay = (amount: string, token = w.baseA.operator) => t.gql(PAY, { i: { billId: bill.id, amount, method: 'BANK_TRANSFER', reference: `TX-${amount}` } }, token);
    expect((await pay('1000.00')).data!.recordPayment).toMatchObject({ status: 'ISSUED', paid: '1000.00', outstanding: '2960.00' });
    const over = await pay('2960.01');
    expect(over.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount', outstanding: '2960.00' });
    expect(errorCode(await pay('0.00'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await pay('10.00', w.unionA.organiser))).toBe('FORBIDDEN');
    expect(errorCode(await pay('10.00', w.baseB.operator))).toBe('NOT_FOUND');
    expect((await pay('2960.00')).data!.recordPayment).toMatchObject({ status: 'PAID', paid: '3960.00', outstanding: '0.00' });
    const after = (await t.ok(BATCH, { id: b.id }, w.admin)).batch;
    expect(after.status).toBe('SETTLED');
    expect((await pay('1.00')).errors![0].extensions).toMatchObject({ code: 'CONFLICT', status: 'PAID' });
    const history = (await t.ok('query($id:Int!){batch(id:$id){history{to reason actor}}}', { id: b.id }, w.admin)).batch.history;
    expect(history[history.length - 1]).toEqual({ to: 'SETTLED', reason: `bill ${bill.id} paid`, actor: 'op-ba' });
    // The bill's own history: its issue, then the payment that completed it; refused payments leave no trace.
    const billHistory = (await t.ok(HISTORY, { id: bill.id }, w.unionA.organiser)).bill.history;
    expect(billHistory).toEqual([
      { from: null, to: 'ISSUED', actor: 'op-ba', reason: null, at: expect.any(String) },
      { from: 'ISSUED', to: 'PAID', actor: 'op-ba', reason: 'completed by payment TX-2960.00', at: expect.any(String) },
    ]);
  });

  it('concurrent payments never overpay: 24 payments of a tenth, exactly 10 land', async () => {
    const b = await completed(5);
    const bill = (await t.ok(ISSUE, { b: b.id }, w.baseA.operator)).issueBill;
    const tenth = yuan(fen(bill.total) / 10);
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => t.gql(PAY, { i: { billId: bill.id, amount: tenth, method: 'WECHAT_PAY', reference: `W${i}` } }, w.baseA.operator)));
    const codes = results.map((r) => errorCode(r) ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'BAD_USER_INPUT' || c === 'CONFLICT')).toBe(true);
    const final = (await t.ok('query($id:Int!){bill(id:$id){status total paid payments{amount}}}', { id: bill.id }, w.admin)).bill;
    expect(final).toMatchObject({ status: 'PAID', paid: final.total });
    expect(final.payments).toHaveLength(10);
    expect(final.payments.reduce((s: number, p: any) => s + fen(p.amount), 0)).toBe(fen(final.total));
    expect((await t.ok(BATCH, { id: b.id }, w.admin)).batch.status).toBe('SETTLED');
  });

  it('voids a bill issued in error (admin, no payments) so it can be issued again', async () => {
    const b = await completed(1);
    const first = (await t.ok(ISSUE, { b: b.id }, w.baseA.operator)).issueBill;
    const VOID = 'mutation($id:Int!,$r:String!){voidBill(billId:$id,reason:$r){id status outstanding voidReason}}';
    expect(errorCode(await t.gql(VOID, { id: first.id, r: 'x' }, w.baseA.operator))).toBe('FORBIDDEN');
    expect((await t.ok(VOID, { id: first.id, r: '金额有误' }, w.admin)).voidBill).toMatchObject({ status: 'VOID', outstanding: '0.00', voidReason: '金额有误' });
    expect((await t.gql(VOID, { id: first.id, r: 'again' }, w.admin)).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    await record(b.id, 2, '50.00');
    const second = (await t.ok(ISSUE, { b: b.id }, w.baseA.operator)).issueBill;
    expect(second.total).toBe('2080.00');
    await t.ok(PAY, { i: { billId: second.id, amount: '1.00', method: 'CASH', reference: 'R1' } }, w.baseA.operator);
    expect((await t.gql(VOID, { id: second.id, r: 'x' }, w.admin)).errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
    const bills = (await t.ok(BATCH, { id: b.id }, w.admin)).batch.bills;
    expect(bills.map((x: any) => x.status)).toEqual(['VOID', 'ISSUED']);
    // Voided with who and why in its history; refused voids leave no trace.
    const history = async (id: number) => (await t.ok(HISTORY, { id }, w.admin)).bill.history.map(({ at: _at, ...move }: any) => move);
    expect(await history(first.id)).toEqual([
      { from: null, to: 'ISSUED', actor: 'op-ba', reason: null },
      { from: 'ISSUED', to: 'VOID', actor: 'admin', reason: '金额有误' },
    ]);
    expect(await history(second.id)).toEqual([{ from: null, to: 'ISSUED', actor: 'op-ba', reason: null }]);
    expect(errorCode(await t.gql(VOID, { id: second.id, r: '   ' }, w.admin))).toBe('BAD_USER_INPUT');
  });

  it('charges the cancellation policy at each window edge, in the cancellation transaction', async () => {
    const CANCEL = 'mutation($id:Int!){cancelBatch(id:$id,reason:"plans changed"){id status}}';
    const cases: Array<[number, number]> = [
      [15, 0],
      [14, 0],
      [13, 30],
      [7, 30],
      [6, 50],
      [1, 50],
      [0, 100],
    ];
    for (const [days, percent] of cases) {
      const b = await stay(t, A(), { packageId: w.baseA.packageId, startDate: addDays(today, days), headcount: 3 }, 'CONFIRMED');
      await t.ok(CANCEL, { id: b.id }, w.unionA.organiser);
      const { bills } = (await t.ok(BATCH, { id: b.id }, w.unionA.organiser)).batch;
      const expected = percent === 0 ? [] : [{ kind: 'CANCELLATION_FEE', status: 'ISSUED', total: yuan((1980_00 * 3 * percent) / 100), paid: '0.00' }];
      expect({ days, bills: bills.map(({ id: _id, ...rest }: any) => rest) }).toEqual({ days, bills: expected });
    }
    // A fee bill voided in error (say, waived after talks and then reinstated) can be issued again, unchanged.
    const waived = (await t.ok(BATCH, { id: (await t.ok('{bills(filter:{kind:CANCELLATION_FEE},first:1){edges{node{batchId}}}}', {}, w.admin)).bills.edges[0].node.batchId }, w.admin)).batch;
    const fee = waived.bills[0];
    await t.ok('mutation($id:Int!){voidBill(billId:$id,reason:"协商免收"){id}}', { id: fee.id }, w.admin);
    const again = (await t.ok(ISSUE, { b: (await t.ok('query($id:Int!){bill(id:$id){batchId}}', { id: fee.id }, w.admin)).bill.batchId }, w.baseA.operator)).issueBill;
    expect(again).toMatchObject({ kind: 'CANCELLATION_FEE', status: 'ISSUED', total: fee.total });
    expect((await t.gql(ISSUE, { b: (await t.ok('query($id:Int!){bill(id:$id){batchId}}', { id: fee.id }, w.admin)).bill.batchId }, w.baseA.operator)).errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
    });

    // A REQUESTED batch is cancelled free, whatever the day.
    const requested = await stay(t, A(), { packageId: w.baseA.packageId, startDate: today, headcount: 2 }, 'REQUESTED');
    await t.ok(CANCEL, { id: requested.id }, w.unionA.organiser);
    expect((await t.ok(BATCH, { id: requested.id }, w.admin)).batch.bills).toEqual([]);
    expect((await t.gql(ISSUE, { b: requested.id }, w.baseA.operator)).errors![0].extensions).toEqual({ code: 'INVALID_TRANSITION', status: 'CANCELLED' });

    // The operator sets its own base's policy; fees follow it, rounded half up to the fen.
    const SET = 'mutation($b:Int!,$w:[CancellationWindowInput!]!){setCancellationPolicy(baseId:$b,windows:$w){daysBefore percent}}';
    expect(
      (
        await t.ok(
          SET,
          {
            b: w.baseA.id,
            w: [
              { daysBefore: 3, percent: 33 },
              { daysBefore: 30, percent: 10 },
            ],
          },
          w.baseA.operator,
        )
      ).setCancellationPolicy,
    ).toEqual([
      { daysBefore: 30, percent: 10 },
      { daysBefore: 3, percent: 33 },
    ]);
    expect(errorCode(await t.gql(SET, { b: w.baseB.id, w: [] }, w.baseA.operator))).toBe('FORBIDDEN');
    const falling = await t.gql(
      SET,
      {
        b: w.baseA.id,
        w: [
          { daysBefore: 30, percent: 50 },
          { daysBefore: 3, percent: 10 },
        ],
      },
      w.baseA.operator,
    );
    expect(falling.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'windows.1.percent' });
    const b = await stay(t, A(), { packageId: w.baseA.packageId, startDate: addDays(today, 2), headcount: 1 }, 'CONFIRMED');
    await t.ok(CANCEL, { id: b.id }, w.unionA.organiser);
    expect((await t.ok(BATCH, { id: b.id }, w.admin)).batch.bills[0].total).toBe('653.40'); // 33 % of 1980.00
    const policy = await t.ok('query($id:Int!){base(id:$id){cancellationPolicy{daysBefore percent}}}', { id: w.baseB.id }, w.unionA.organiser);
    expect(policy.base.cancellationPolicy).toEqual([
      { daysBefore: 14, percent: 30 },
      { daysBefore: 7, percent: 50 },
      { daysBefore: 1, percent: 100 },
    ]);
  });
});
