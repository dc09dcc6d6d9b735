import { addDays, todayInShanghai } from '@app/shared';
import { DataSource } from 'typeorm';
import { download, textOfXlsx } from './support/files.js';
import { completeBatch, fen, ISSUE, PAY, RECORD, REVERSE, stay, yuan } from './support/stays.js';
import { DB_KIND, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Made {
  id: number;
  baseId: number;
  unionId: number;
  headcount: number;
  hosted: boolean;
  billed: number;
  paid: number;
}

const STATS = `query($f:Date!,$t:Date!,$g:StatisticsGroupBy!){statistics(from:$f,to:$t,groupBy:$g){
  rows{key label current{batches personVisits personNights consumption paid outstanding} previousYear{batches personVisits consumption} growth{batches personVisits consumption paid}}
  total{current{batches personVisits personNights consumption paid outstanding} previousYear{batches personVisits personNights consumption paid} growth{batches personVisits personNights consumption paid outstanding}}}}`;

describe(`bills of random batches and the statistics (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  const made: Made[] = [];
  const today = todayInShanghai();
  const rand = random(20261126);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 2000 });
  });
  afterAll(() => t.close());

  it('200 random batches: every bill is the booked price × headcount + the entries − the reversals, to the fen', async () => {
    const prices: Record<number, number> = { [w.baseA.packageId]: 1980_00, [w.baseB.packageId]: 1980_00 };
    const everPriced = new Set([1980_00]);
    const one = async (i: number) => {
      const atA = rand() < 0.5;
      const base = atA ? w.baseA : w.baseB;
      const union = rand() < 0.6 ? w.unionA : w.unionB;
      const headcount = 1 + Math.floor(rand() * 3);
      const who = { organiser: union.organiser, operator: base.operator };
      const fate = rand();
      if (fate < 0.06) {
        // Confirmed, then cancelled on the day: the whole package is due as a fee.
        const b = await stay(t, who, { packageId: base.packageId, startDate: today, headcount }, 'CONFIRMED');
        await t.ok('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){id}}', { id: b.id }, union.organiser);
        made.push({ id: b.id, baseId: base.id, unionId: union.id, headcount, hosted: false, billed: fen(b.pricePerPerson) * headcount, paid: 0 });
        return;
      }
      const checkedInOnly = fate < 0.12;
      const b = await stay(t, who, { packageId: base.packageId, startDate: today, headcount }, 'CHECKED_IN');
      // The snapshot is a price the package had (batches run four at a time, so which one depends on timing).
      const booked = fen(b.pricePerPerson);
      expect(everPriced.has(booked)).toBe(true);
      let expected = booked * headcount;
      const entries: Array<{ id: number; amount: number }> = [];
      for (let k = Math.floor(rand() * 5); k > 0; k--) {
        const quantity = 1 + Math.floor(rand() * 20);
        const unitPrice = Math.floor(rand() * 50_000);
        const e = (
          await t.ok(
            RECORD,
            { i: { batchId: b.id, category: pick(['LODGING', 'MEALS', 'ACTIVITIES', 'TRANSPORT', 'OTHER']), description: `item ${i}.${k}`, quantity, unitPrice: yuan(unitPrice), occurredOn: today } },
            base.operator,
          )
        ).recordConsumption;
        expect(fen(e.amount)).toBe(quantity * unitPrice);
        entries.push({ id: e.id, amount: quantity * unitPrice });
        expected += quantity * unitPrice;
      }
      if (entries.length && rand() < 0.4) {
        const undo = pick(entries);
        await t.ok(REVERSE, { id: undo.id, r: 'wrong' }, base.operator);
        expected -= undo.amount;
      }
      // Prices change between bookings; each bill keeps its own snapshot.
      if (rand() < 0.2) {
        prices[base.packageId] = 1000_00 + Math.floor(rand() * 3000_00);
        everPriced.add(prices[base.packageId]);
        await t.ok('mutation($i:UpdatePackageInput!){updatePackage(input:$i){id}}', { i: { id: base.packageId, pricePerPerson: yuan(prices[base.packageId]) } }, w.admin);
      }
      if (checkedInOnly) {
        made.push({ id: b.id, baseId: base.id, unionId: union.id, headcount, hosted: true, billed: 0, paid: 0 });
        return;
      }
      await completeBatch(t, b.id, base.operator);
      const bill = (await t.ok(ISSUE, { b: b.id }, base.operator)).issueBill;
      expect({ batch: i, total: fen(bill.total) }).toEqual({ batch: i, total: expected });
      expect(bill.lines.reduce((s: number, l: any) => s + fen(l.amount), 0)).toBe(expected);
      let paid = 0;
      if (rand() < 0.7 && expected > 0) {
        paid = rand() < 0.5 ? expected : Math.max(1, Math.floor(expected * rand()));
        await t.ok(PAY, { i: { billId: bill.id, amount: yuan(paid), method: 'BANK_TRANSFER', reference: `T${i}` } }, base.operator);
      }
      made.push({ id: b.id, baseId: base.id, unionId: union.id, headcount, hosted: true, billed: expected, paid });
    };
    for (let i = 0; i < 200; i += 4) await Promise.all([0, 1, 2, 3].map((k) => one(i + k)));
    expect(made).toHaveLength(200);
  }, 180_000);

  const sums = (rows: Made[]) => ({
    batches: rows.filter((m) => m.hosted).length,
    personVisits: rows.filter((m) => m.hosted).reduce((s, m) => s + m.headcount, 0),
    personNights: rows.filter((m) => m.hosted).reduce((s, m) => s + m.headcount * 3, 0),
    consumption: yuan(rows.reduce((s, m) => s + m.billed, 0)),
    paid: yuan(rows.reduce((s, m) => s + m.paid, 0)),
    outstanding: yuan(rows.reduce((s, m) => s + m.billed - m.paid, 0)),
  });

  it('statistics equal the sums computed here, per base, union, city and month, and in total; growth is null from a zero year', async () => {
    const byBase = (await t.ok(STATS, { f: today, t: today, g: 'BASE' }, w.admin)).statistics;
    expect(byBase.total.current).toEqual(sums(made));
    expect(byBase.total.previousYear).toEqual({ batches: 0, personVisits: 0, personNights: 0, consumption: '0.00', paid: '0.00' });
    expect(byBase.total.growth).toEqual({ batches: null, personVisits: null, personNights: null, consumption: null, paid: null, outstanding: null });
    for (const b of [w.baseA, w.baseB]) {
      expect(byBase.rows.find((r: any) => r.key === String(b.id)).current).toEqual(sums(made.filter((m) => m.baseId === b.id)));
    }
    expect(byBase.rows.map((r: any) => r.label).sort()).toEqual(['Test base BA', 'Test base BB']);

    const byUnion = (await t.ok(STATS, { f: today, t: today, g: 'UNION' }, w.admin)).statistics;
    for (const u of [w.unionA, w.unionB]) {
      expect(byUnion.rows.find((r: any) => r.key === String(u.id)).current).toEqual(sums(made.filter((m) => m.unionId === u.id)));
    }
    const byCity = (await t.ok(STATS, { f: today, t: today, g: 'CITY' }, w.admin)).statistics;
    expect(byCity.rows.map((r: any) => [r.key, r.current])).toEqual([
      ['广州', sums(made.filter((m) => m.unionId === w.unionA.id))],
      ['深圳', sums(made.filter((m) => m.unionId === w.unionB.id))],
    ]);
    const byRegion = (await t.ok(STATS, { f: today, t: today, g: 'REGION' }, w.admin)).statistics;
    expect(byRegion.rows.map((r: any) => [r.key, r.label, r.current])).toEqual([
      [String(w.regions.GZ), '广州', sums(made.filter((m) => m.unionId === w.unionA.id))],
      [String(w.regions.SZ), '深圳', sums(made.filter((m) => m.unionId === w.unionB.id))],
    ]);
    const byMonth = (await t.ok(STATS, { f: addDays(today, -40), t: today, g: 'MONTH' }, w.admin)).statistics;
    expect(byMonth.rows.map((r: any) => [r.key, r.current])).toEqual([[today.slice(0, 7), sums(made)]]);

    // Scoped like the bills: an organiser sees their union, an operator their base.
    const organiser = (await t.ok(STATS, { f: today, t: today, g: 'BASE' }, w.unionA.organiser)).statistics;
    expect(organiser.total.current).toEqual(sums(made.filter((m) => m.unionId === w.unionA.id)));
    const operator = (await t.ok(STATS, { f: today, t: today, g: 'UNION' }, w.baseB.operator)).statistics;
    expect(operator.total.current).toEqual(sums(made.filter((m) => m.baseId === w.baseB.id)));
    // The union's approver reads their own union's figures, not another union's.
    await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'approver-stats-b', password: 'approver-pass-1', role: 'UNION_APPROVER', unionId: w.unionB.id } }, w.admin);
    const approver = await t.login('approver-stats-b', 'approver-pass-1');
    const approved = (await t.ok(STATS, { f: today, t: today, g: 'UNION' }, approver)).statistics;
    expect(approved.rows.map((r: any) => r.key)).toEqual([String(w.unionB.id)]);
    expect(approved.total.current).toEqual(sums(made.filter((m) => m.unionId === w.unionB.id)));
    const approverCsv = await download(t, `/statistics.csv?from=${today}&to=${today}&groupBy=UNION`, approver);
    expect(approverCsv.status).toBe(200);
    expect(
      approverCsv.body
        .toString('utf8')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l: string) => l.split(',')[0]),
    ).toEqual(['Test union UB', '合计']);
    // A partner counts only exchange batches of their region, and these are none.
    expect((await t.ok(STATS, { f: today, t: today, g: 'BASE' }, w.partner)).statistics.rows).toEqual([]);
    const backwards = await t.gql(STATS, { f: today, t: addDays(today, -1), g: 'BASE' }, w.admin);
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('downloads the statistics as .xlsx and .csv with the same scoping', async () => {
    const csv = await download(t, `/statistics.csv?from=${today}&to=${today}&groupBy=union`, w.unionA.organiser);
    expect((await download(t, `/statistics.csv?from=${today}&to=${today}`, w.admin)).status).toBe(400); // groupBy is required, as in GraphQL
    expect(csv.status).toBe(200);
    const lines = csv.body
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    // Chinese headers by default, like the rooming lists; `?lang=en` for English.
    expect(lines[0].split(',').slice(0, 4)).toEqual(['工会', '批次', '人次', '人晚']);
    expect(lines[2].split(',')[0]).toBe('合计');
    const english = (await download(t, `/statistics.csv?from=${today}&to=${today}&groupBy=union&lang=en`, w.unionA.organiser)).body
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(english[0].split(',').slice(0, 4)).toEqual(['group', 'batches', 'person-visits', 'person-nights']);
    expect([english[1], english[2].split(',')[0]]).toEqual([lines[1], 'Total']);
    const badLang = await download(t, `/statistics.csv?from=${today}&to=${today}&groupBy=union&lang=fr`, w.unionA.organiser);
    expect([badLang.status, JSON.parse(badLang.body.toString()).error]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'lang' })]);
    const mine = sums(made.filter((m) => m.unionId === w.unionA.id));
    expect(lines).toHaveLength(3); // header, union A, total
    expect(lines[1].split(',').slice(0, 7)).toEqual(['Test union UA', String(mine.batches), String(mine.personVisits), String(mine.personNights), mine.consumption, mine.paid, mine.outstanding]);
    const xlsx = await textOfXlsx((await download(t, `/statistics.xlsx?from=${today}&to=${today}&groupBy=BASE`, w.admin)).body);
    expect(xlsx[0].slice(0, 3)).toEqual(['基地', '批次', '人次']);
    expect((await textOfXlsx((await download(t, `/statistics.xlsx?from=${today}&to=${today}&groupBy=BASE&lang=en`, w.admin)).body))[0].slice(0, 3)).toEqual(['group', 'batches', 'person-visits']);
    // Figures are numbers in the workbook (so a spreadsheet can add them up).
    expect(xlsx[xlsx.length - 1].slice(0, 5)).toEqual([
      '合计',
      String(sums(made).batches),
      String(sums(made).personVisits),
      String(sums(made).personNights),
      String(fen(sums(made).consumption) / 100),
    ]);
    // A name that looks like a formula is text in the CSV.
    await t.ok('mutation($i:UpdateBaseInput!){updateBase(input:$i){id}}', { i: { id: w.baseB.id, name: '=HYPERLINK("http://x","1")' } }, w.admin);
    const named = (await download(t, `/statistics.csv?from=${today}&to=${today}&groupBy=BASE`, w.admin)).body.toString('utf8');
    expect(named).toContain(`"'=HYPERLINK(""http://x"",""1"")"`);
    await t.ok('mutation($i:UpdateBaseInput!){updateBase(input:$i){id}}', { i: { id: w.baseB.id, name: 'Test base BB' } }, w.admin);
    const bad = await download(t, `/statistics.csv?from=${today}&to=nope`, w.admin);
    expect([bad.status, JSON.parse(bad.body.toString()).error]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'to' })]);
    // A partner sees the exchange batches of their region: none here.
    const partners = await download(t, `/statistics.csv?from=${today}&to=${today}&groupBy=BASE`, w.partner);
    expect(partners.status).toBe(200);
    expect(partners.body.toString('utf8').trim().split('\r\n')).toHaveLength(2);
    expect((await download(t, `/statistics.csv?from=${today}&to=${today}&groupBy=BASE`)).status).toBe(401);
  });

  it('compares with the same period a year earlier: growth in percent with one decimal', async () => {
    // A year of history cannot be booked through the API (past nights are refused): written as the
    // demo's history would be, a settled batch and its paid bill a year earlier at base A.
    const ds = t.get(DataSource);
    const [y, m, d] = today.split('-');
    const earlier = `${Number(y) - 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
    const visits = made.filter((x) => x.hosted && x.baseId === w.baseA.id).reduce((s, x) => s + x.headcount, 0);
    const prevHeadcount = Math.max(1, Math.round(visits / 2.08));
    await ds.query(
      `INSERT INTO batch (reference, status, unionId, baseId, packageId, startDate, endDate, nights, headcount, pricePerPerson, createdAt, updatedAt) VALUES ('RRHIST-1', 'SETTLED', ?, ?, ?, ?, ?, 3, ?, 100000, ?, ?)`,
      [w.unionA.id, w.baseA.id, w.baseA.packageId, earlier, earlier, prevHeadcount, now, now],
    );
    await ds.query(
      `INSERT INTO bill (batchId, baseId, unionId, batchReference, batchStartDate, kind, status, total, paid, activeKey, issuedAt) VALUES (999999, ?, ?, 'RRHIST-1', ?, 'STAY', 'PAID', 300000000, 300000000, '999999:STAY', ?)`,
      [w.baseA.id, w.unionA.id, earlier, now],
    );
    const stats = (await t.ok(STATS, { f: today, t: today, g: 'BASE' }, w.admin)).statistics;
    const rowA = stats.rows.find((r: any) => r.key === String(w.baseA.id));
    const nowA = sums(made.filter((x) => x.baseId === w.baseA.id));
    expect(rowA.previousYear).toEqual({ batches: 1, personVisits: prevHeadcount, consumption: '3000000.00' });
    const pct = (a: number, b: number) => Math.round(((a - b) / b) * 1000) / 10;
    expect(rowA.growth).toEqual({
      batches: pct(nowA.batches, 1),
      personVisits: pct(nowA.personVisits, prevHeadcount),
      consumption: pct(fen(nowA.consumption), 300000000),
      paid: pct(fen(nowA.paid), 300000000),
    });
    // Base B had nothing a year earlier: its growth stays null, the total's does not.
    expect(stats.rows.find((r: any) => r.key === String(w.baseB.id)).growth).toEqual({ batches: null, personVisits: null, consumption: null, paid: null });
    expect(stats.total.growth.personVisits).toBe(pct(sums(made).personVisits, prevHeadcount));
  });
});
