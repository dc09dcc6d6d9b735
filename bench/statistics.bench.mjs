// The federation's statistics over 100,000 batches and 1,000,000 consumption entries: the whole API
// (HTTP → GraphQL → auth → two SQL aggregates per period, this year and last, joined in Node) against a
// bare reference measured in the same run on the same data: the same four GROUP BY queries sent
// straight through the driver.
//
//   npm run bench:statistics           (SQLite, then MariaDB/MySQL at BENCH_DATABASE_URL, default root@127.0.0.1:3306)
//   BENCH_BATCHES=100000 BENCH_ENTRIES=1000000 BENCH_RUNS=5 BENCH_DB=sqlite npm run bench:statistics
//
// The rows are written with multi-row INSERTs (the API would take hours to create them one by one);
// the statistics read only what the API itself writes: batch rows and bill totals.
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { median, openBenchApp } from './support.mjs';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 100_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DBS = (process.env.BENCH_DB ?? 'sqlite,mysql').split(',');
const { DataSource } = await import('typeorm');

const day = (offset) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
let seed = 42;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

async function measure(kind) {
  const opened = await openBenchApp(kind);
  const { app, database, gql, adminToken: token } = opened;
  try {
    const bases = [];
    const packages = [];
    const regions = (await gql('{regions{id}}', {}, token)).regions.map((r) => r.id);
    for (let i = 0; i < 7; i++) {
      const base = (await gql(`mutation{createBase(input:{code:"B${i}",name:"Base ${i}",regionId:${regions[0]},county:"新兴县"}){id}}`, {}, token)).createBase.id;
      bases.push(base);
      packages.push((await gql(`mutation{createPackage(input:{baseId:${base},name:"p",nights:3,pricePerPerson:"1980.00",minGroupSize:1,maxGroupSize:200}){id}}`, {}, token)).createPackage.id);
    }
    const unions = [];
    for (let i = 0; i < 10; i++) unions.push((await gql(`mutation{createUnion(input:{code:"U${i}",name:"Union ${i}",regionId:${regions[1 + (i % 4)]}}){id}}`, {}, token)).createUnion.id);

    // --- the data -------------------------------------------------------------------------------
    const ds = app.get(DataSource);
    const t0 = performance.now();
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ');
    const insert = async (em, table, columns, rows) => {
      for (let i = 0; i < rows.length; i += 1000) {
        const part = rows.slice(i, i + 1000);
        const q = kind === 'sqlite' ? (c) => `"${c}"` : (c) => `\`${c}\``;
        await em.query(`INSERT INTO ${q(table)} (${columns.map(q).join(',')}) VALUES ${part.map(() => `(${columns.map(() => '?').join(',')})`).join(',')}`, part.flat());
      }
    };
    // Every batch decided first, so the entries can be spread over the hosted ones to add up exactly.
    const plan = Array.from({ length: BATCHES }, (_, i) => {
      const hosted = rand() < 0.9;
      return {
        id: i + 1,
        b: Math.floor(rand() * 7),
        u: Math.floor(rand() * 10),
        start: day(-Math.floor(rand() * 730) - 5),
        headcount: 20 + Math.floor(rand() * 80),
        hosted,
        status: hosted ? (rand() < 0.9 ? 'SETTLED' : 'COMPLETED') : 'CANCELLED',
        entries: 0,
      };
    });
    const hostedPlan = plan.filter((p) => p.hosted);
    hostedPlan.forEach((p, j) => (p.entries = Math.floor((ENTRIES * (j + 1)) / hostedPlan.length) - Math.floor((ENTRIES * j) / hostedPlan.length)));
    let entryId = 0;
    for (let first = 0; first < BATCHES; first += 10_000) {
      const batchRows = [];
      const billRows = [];
      const entryRows = [];
      for (const { id, b, u, start, headcount, hosted, status, entries } of plan.slice(first, first + 10_000)) {
        batchRows.push([id, `RRB-${id}`, status, unions[u], bases[b], packages[b], start, new Date(Date.parse(start) + 3 * 86400_000).toISOString().slice(0, 10), 3, headcount, 198000, now, now]);
        let total = headcount * 198000;
        if (hosted) {
          for (let k = 0; k < entries; k++) {
            const amount = 1000 + Math.floor(rand() * 50000);
            total += amount;
            entryRows.push([++entryId, id, bases[b], unions[u], 'MEALS', 'bench', 1, amount, amount, start, now]);
          }
          billRows.push([
            id,
            id,
            bases[b],
            unions[u],
            `RRB-${id}`,
            start,
            'STAY',
            status === 'SETTLED' ? 'PAID' : 'ISSUED',
            total,
            status === 'SETTLED' ? total : Math.floor(total / 2),
            `${id}:STAY`,
            now,
          ]);
        }
      }
      await ds.transaction(async (em) => {
        await insert(
          em,
          'batch',
          ['id', 'reference', 'status', 'unionId', 'baseId', 'packageId', 'startDate', 'endDate', 'nights', 'headcount', 'pricePerPerson', 'createdAt', 'updatedAt'],
          batchRows,
        );
        await insert(em, 'bill', ['id', 'batchId', 'baseId', 'unionId', 'batchReference', 'batchStartDate', 'kind', 'status', 'total', 'paid', 'activeKey', 'issuedAt'], billRows);
        await insert(em, 'consumption_entry', ['id', 'batchId', 'baseId', 'unionId', 'category', 'description', 'quantity', 'unitPrice', 'amount', 'occurredOn', 'createdAt'], entryRows);
      });
    }
    await ds.query(kind === 'sqlite' ? 'ANALYZE' : 'ANALYZE TABLE batch, bill, consumption_entry');
    const loadSeconds = (performance.now() - t0) / 1000;
    // better-sqlite3 blocks the event loop while the rows go in; let the keep-alive sockets that went
    // stale meanwhile close on both sides before timing requests.
    await new Promise((resolve) => setTimeout(resolve, 6000));

    // --- the API --------------------------------------------------------------------------------
    const from = day(-365);
    const to = day(-1);
    const STATS = 'query($f:Date!,$t:Date!,$g:StatisticsGroupBy!){statistics(from:$f,to:$t,groupBy:$g){rows{key} total{current{batches personVisits consumption} growth{personVisits consumption}}}}';
    const api = {};
    let check;
    for (const g of ['BASE', 'UNION', 'CITY', 'MONTH']) {
      const times = [];
      for (let r = 0; r < RUNS; r++) {
        const s = performance.now();
        const data = await gql(STATS, { f: from, t: to, g }, token);
        times.push(performance.now() - s);
        check = data.statistics.total.current;
      }
      api[g] = median(times);
    }
    await opened.stopApp();

    // --- the bare reference: the same aggregates through the driver -------------------------------
    const lastYear = (d) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
    const sqls = (f, t) => [
      [`SELECT baseId, COUNT(*), SUM(headcount), SUM(headcount * nights) FROM batch WHERE startDate BETWEEN ? AND ? AND status IN ('CHECKED_IN','COMPLETED','SETTLED') GROUP BY baseId`, [f, t]],
      [`SELECT baseId, SUM(total), SUM(paid) FROM bill WHERE batchStartDate BETWEEN ? AND ? AND status <> 'VOID' GROUP BY baseId`, [f, t]],
    ];
    const all = [...sqls(from, to), ...sqls(lastYear(from), lastYear(to))];
    const bare = [];
    let queryPlan;
    if (kind === 'sqlite') {
      const db = new Database(database.path, { readonly: true });
      queryPlan = db
        .prepare(`EXPLAIN QUERY PLAN ${all[0][0]}`)
        .all(...all[0][1])
        .map((r) => r.detail)
        .join('; ');
      for (let r = 0; r < RUNS; r++) {
        const s = performance.now();
        for (const [sql, params] of all) db.prepare(sql).all(...params);
        bare.push(performance.now() - s);
      }
      db.close();
    } else {
      const c = await mysql.createConnection(database.url);
      const [rows] = await c.query(`EXPLAIN ${all[0][0]}`, all[0][1]);
      queryPlan = rows.map((r) => `${r.table}: key=${r.key} rows=${r.rows} ${r.Extra ?? ''}`).join('; ');
      for (let r = 0; r < RUNS; r++) {
        const s = performance.now();
        for (const [sql, params] of all) await c.query(sql, params);
        bare.push(performance.now() - s);
      }
      await c.end();
    }
    return { kind, loadSeconds, api, bare: median(bare), check, plan: queryPlan, entries: entryId };
  } finally {
    await opened.close();
  }
}

for (const kind of DBS) {
  const r = await measure(kind);
  console.log(`\nstatistics over ${BATCHES.toLocaleString('en')} batches and ${r.entries.toLocaleString('en')} consumption entries (${kind}; data written in ${r.loadSeconds.toFixed(0)} s)`);
  console.log(`  last year: ${r.check.batches} batches, ${r.check.personVisits} person-visits, ${r.check.consumption} yuan`);
  for (const [g, ms] of Object.entries(r.api)) console.log(`  API statistics groupBy ${g.padEnd(5)} ${ms.toFixed(0).padStart(6)} ms   ratio to bare ${(ms / r.bare).toFixed(2)}`);
  console.log(`  bare: the 4 GROUP BY queries    ${r.bare.toFixed(0).padStart(6)} ms`);
  console.log(`  plan: ${r.plan}`);
}
