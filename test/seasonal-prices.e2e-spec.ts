import { addDays } from '@app/shared';
import { makePackage, RESCHEDULE } from './support/reschedule.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const SET_PRICES = 'mutation($i:SetPricePeriodsInput!){setPackagePrices(input:$i){season firstNight lastNight pricePerNight}}';
const PRICE_OF = 'query($id:Int!,$s:Date!){package(id:$id){pricePerPerson pricePeriods{season firstNight} priceOfStay(startDate:$s){pricePerPerson nights{night season price}}}}';

/** Seasons (错时化): a package's price per night by period; a stay is priced night by night and keeps its price. */
describe(`seasonal prices (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let pkg: number;
  let peakFrom: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 100 });
    // 3 nights at 1000.00: outside every season the nights cost 333.34, 333.33, 333.33.
    pkg = await makePackage(t, w.admin, w.baseA.id, { nights: 3, price: '1000.00' });
    peakFrom = addDays(w.start, 10);
    await t.ok(
      SET_PRICES,
      {
        i: {
          packageId: pkg,
          periods: [
            { season: 'PEAK', firstNight: peakFrom, lastNight: addDays(peakFrom, 6), pricePerNight: '520.50' },
            { season: 'OFF_PEAK', firstNight: addDays(peakFrom, 7), lastNight: addDays(peakFrom, 20), pricePerNight: '260.25' },
          ],
        },
      },
      w.baseA.operator,
    );
  });
  afterAll(() => t.close());

  const book = async (startDate: string, headcount = 10, packageId = pkg) => (await t.ok<any>(REQUEST_BATCH, { i: { packageId, startDate, headcount } }, w.unionA.organiser)).requestBatch;

  it('a stay across two seasons is priced per night to the fen, and priceOfStay says so before booking', async () => {
    // Nights peakFrom+5, +6 (peak) and +7 (off-peak): 520.50 + 520.50 + 260.25 = 1301.25.
    const start = addDays(peakFrom, 5);
    const quote = (await t.ok<any>(PRICE_OF, { id: pkg, s: start }, w.unionA.organiser)).package;
    expect(quote.pricePeriods.map((p: any) => p.season)).toEqual(['PEAK', 'OFF_PEAK']);
    expect(quote.priceOfStay).toEqual({
      pricePerPerson: '1301.25',
      nights: [
        { night: start, season: 'PEAK', price: '520.50' },
        { night: addDays(start, 1), season: 'PEAK', price: '520.50' },
        { night: addDays(start, 2), season: 'OFF_PEAK', price: '260.25' },
      ],
    });
    const b = await book(start, 7);
    expect([b.pricePerPerson, b.totalPrice]).toEqual(['1301.25', '9108.75']);
    // Half outside every season: the package's own price shared out, the first night taking the odd fen.
    const edge = addDays(peakFrom, -2);
    const half = (await t.ok<any>(PRICE_OF, { id: pkg, s: edge }, w.unionA.organiser)).package.priceOfStay;
    expect(half.nights.map((n: any) => [n.season, n.price])).toEqual([
      [null, '333.34'],
      [null, '333.33'],
      ['PEAK', '520.50'],
    ]);
    expect((await book(edge, 3)).pricePerPerson).toBe('1187.17');
    // Wholly outside: exactly the package's price, as before seasons existed.
    expect((await book(w.start, 2)).pricePerPerson).toBe('1000.00');
  });

  it('batches keep the price they were booked at when the seasons change; a move to another package is priced for its new dates', async () => {
    const start = addDays(peakFrom, 1);
    const b = await book(start, 4);
    expect(b.pricePerPerson).toBe('1561.50');
    await t.ok(SET_PRICES, { i: { packageId: pkg, periods: [{ season: 'SHOULDER', firstNight: peakFrom, lastNight: addDays(peakFrom, 30), pricePerNight: '400.00' }] } }, w.admin);
    expect((await t.ok<any>('query($id:Int!){batch(id:$id){pricePerPerson}}', { id: b.id }, w.unionA.organiser)).batch.pricePerPerson).toBe('1561.50');
    expect((await book(start, 4)).pricePerPerson).toBe('1200.00');
    // Moving within the same package keeps the booked price; onto another package it takes that package's price on the new dates.
    expect((await t.ok<any>(RESCHEDULE, { id: b.id, s: addDays(start, 2) }, w.unionA.organiser)).rescheduleBatch.pricePerPerson).toBe('1561.50');
    const other = await makePackage(t, w.admin, w.baseA.id, { nights: 2, price: '600.00' });
    await t.ok(SET_PRICES, { i: { packageId: other, periods: [{ season: 'OFF_PEAK', firstNight: addDays(start, 3), lastNight: addDays(start, 3), pricePerNight: '111.11' }] } }, w.admin);
    // Nights start+2 (300.00, the package's share) and start+3 (111.11).
    expect((await t.ok<any>(RESCHEDULE, { id: b.id, s: addDays(start, 2), p: other }, w.unionA.organiser)).rescheduleBatch.pricePerPerson).toBe('411.11');
    // An empty list removes the seasons.
    expect((await t.ok<any>(SET_PRICES, { i: { packageId: other, periods: [] } }, w.admin)).setPackagePrices).toEqual([]);
  });

  it('refuses overlapping, reversed or too long seasons, another base’s operator and an organiser, naming what to fix', async () => {
    const at = (i: number, from: number, to: number, price = '100.00') => ({ season: 'PEAK', firstNight: addDays(w.start, from), lastNight: addDays(w.start, to), pricePerNight: price, _: i });
    const send = (periods: any[], token = w.admin, packageId = pkg) => t.gql(SET_PRICES, { i: { packageId, periods: periods.map(({ _: _i, ...p }) => p) } }, token);
    const overlap = await send([at(0, 0, 5), at(1, 10, 12), at(2, 5, 8)]);
    expect([errorCode(overlap), overlap.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'periods.2.firstNight']);
    expect(overlap.errors?.[0].message).toBe(`Seasons 1 (${addDays(w.start, 0)} to ${addDays(w.start, 5)}) and 3 (${addDays(w.start, 5)} to ${addDays(w.start, 8)}) overlap: a night has one price`);
    const reversed = await send([at(0, 3, 2)]);
    expect([errorCode(reversed), reversed.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'periods.0.lastNight']);
    expect(errorCode(await send([at(0, 0, 400)]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await send([at(0, 0, 1, '-1.00')]))).toBe('BAD_USER_INPUT');
    expect(errorCode(await send([at(0, 0, 1)], w.baseB.operator))).toBe('FORBIDDEN');
    expect(errorCode(await send([at(0, 0, 1)], w.unionA.organiser))).toBe('FORBIDDEN');
    expect(errorCode(await send([at(0, 0, 1)], w.admin, 999_999))).toBe('NOT_FOUND');
    // Nothing of the refused sets was kept.
    expect((await t.ok<any>(PRICE_OF, { id: pkg, s: w.start }, w.admin)).package.pricePeriods).toEqual([{ season: 'SHOULDER', firstNight: peakFrom }]);
  });
});
