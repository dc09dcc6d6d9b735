// Rooming-list import time: a whole .xlsx upload through the API (HTTP multipart → auth → exceljs
// parse → every row validated → duplicate lookup by keyed hash → AES-256-GCM of ID number and phone →
// chunked INSERTs in one transaction) against a bare reference measured in the same run on the same
// database: exceljs parsing the same file and the driver inserting the same rows as plain text in one
// transaction, no checks and no encryption.
//
//   npm run bench:roster               (SQLite, then MariaDB/MySQL at BENCH_DATABASE_URL, default root@127.0.0.1:3306)
//   BENCH_ROWS=500,5000 BENCH_RUNS=3 BENCH_DB=sqlite npm run bench:roster
//
// The API caps a batch at 1,000 people; for the 5,000-row file the bench raises the batch's headcount
// in SQL (the import path does not depend on how the batch got its headcount).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import mysql from 'mysql2/promise';
import { median, openBenchApp } from './support.mjs';

const ROWS = (process.env.BENCH_ROWS ?? '500,5000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DBS = (process.env.BENCH_DB ?? 'sqlite,mysql').split(',');
const { mainlandIdCheckDigit } = await import('../dist/libs/roster/src/index.js');

const HEADERS = ['姓名', '性别', '证件类型', '证件号码', '手机号', '工作单位', '类别', '饮食禁忌', '房间'];
function row(n) {
  const male = n % 2 === 0;
  const birth = new Date(Date.UTC(1965, 0, 1) + (n % 12000) * 86400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `440106${birth}${String((Math.floor(n / 12000) % 500) * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
  return [`职工${n}`, male ? '男' : '女', '居民身份证', first17 + mainlandIdCheckDigit(first17), `139${String(n).padStart(8, '0')}`, '广州地铁集团', '一线职工', '', `R${n >> 1}`];
}
async function xlsx(count) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(HEADERS);
  for (let i = 0; i < count; i++) ws.addRow(row(i));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function measure(kind) {
  const opened = await openBenchApp(kind);
  const { app, url, database, dir, gql, adminToken } = opened;
  const results = [];
  try {
    const regions = Object.fromEntries((await gql('{regions{id code}}', {}, adminToken)).regions.map((r) => [r.code, r.id]));
    const base = (await gql(`mutation{createBase(input:{code:"BENCH",name:"Bench base",regionId:${regions.YF},county:"新兴县"}){id}}`, {}, adminToken)).createBase.id;
    const union = (await gql(`mutation{createUnion(input:{code:"BENCH",name:"Bench union",regionId:${regions.GZ}}){id}}`, {}, adminToken)).createUnion.id;
    const pkg = (await gql(`mutation{createPackage(input:{baseId:${base},name:"3 nights",nights:3,pricePerPerson:"1980.00",minGroupSize:1,maxGroupSize:1000}){id}}`, {}, adminToken)).createPackage.id;
    const start = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const last = new Date(Date.now() + 33 * 86400_000).toISOString().slice(0, 10);
    await gql(`mutation{setCapacity(input:{baseId:${base},from:"${start}",to:"${last}",totalBeds:1000}){date}}`, {}, adminToken);
    await gql(`mutation{createUser(input:{username:"bench-org",password:"bench-org-pw",role:UNION_ORGANISER,unionId:${union}}){id}}`, {}, adminToken);
    const token = (await gql('mutation{login(username:"bench-org",password:"bench-org-pw"){accessToken}}')).login.accessToken;
    const ds = app.get((await import('typeorm')).DataSource);

    for (const count of ROWS) {
      const file = await xlsx(count);
      const batch = (await gql(`mutation{requestBatch(input:{packageId:${pkg},startDate:"${start}",headcount:1,unionId:${union}}){id}}`, {}, adminToken)).requestBatch.id;
      await ds.query(`UPDATE batch SET headcount = ${count} WHERE id = ${batch}`);
      const api = [];
      for (let run = 0; run < RUNS; run++) {
        const form = new FormData();
        form.append('file', new Blob([file]), 'list.xlsx');
        const t0 = performance.now();
        const res = await fetch(`${url}/batches/${batch}/participants/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        const body = await res.json();
        api.push(performance.now() - t0);
        if (body.imported !== count) throw new Error(`import failed: ${JSON.stringify(body).slice(0, 400)}`);
      }
      await ds.query(`UPDATE batch SET status = 'CANCELLED' WHERE id = ${batch}`); // frees the people for the next file

      // The bare reference: parse the same file, insert the same rows as plain text in one transaction.
      const bare = [];
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(file);
        const rows = [];
        wb.worksheets[0].eachRow((r, i) => i > 1 && rows.push(r.values.slice(1).map((v) => (v == null ? null : String(v)))));
        if (kind === 'sqlite') {
          const db = new Database(join(dir, 'ref.sqlite'));
          db.exec(
            'DROP TABLE IF EXISTS ref; CREATE TABLE ref (id INTEGER PRIMARY KEY, name TEXT, gender TEXT, doc TEXT, idNumber TEXT, phone TEXT, employer TEXT, category TEXT, diet TEXT, room TEXT)',
          );
          const insert = db.prepare('INSERT INTO ref (name, gender, doc, idNumber, phone, employer, category, diet, room) VALUES (?,?,?,?,?,?,?,?,?)');
          db.transaction(() => rows.forEach((r) => insert.run(...Array.from({ length: 9 }, (_, i) => r[i] ?? null))))();
          db.close();
        } else {
          const c = await mysql.createConnection(database.url);
          await c.query('DROP TABLE IF EXISTS ref');
          await c.query(
            'CREATE TABLE ref (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50), gender VARCHAR(10), doc VARCHAR(20), idNumber VARCHAR(20), phone VARCHAR(20), employer VARCHAR(100), category VARCHAR(20), diet VARCHAR(200), room VARCHAR(20)) DEFAULT CHARSET utf8mb4',
          );
          await c.beginTransaction();
          for (let i = 0; i < rows.length; i += 200) {
            await c.query('INSERT INTO ref (name, gender, doc, idNumber, phone, employer, category, diet, room) VALUES ?', [
              rows.slice(i, i + 200).map((r) => Array.from({ length: 9 }, (_, k) => r[k] ?? null)),
            ]);
          }
          await c.commit();
          await c.end();
        }
        bare.push(performance.now() - t0);
      }
      results.push({ kind, count, api: median(api), bare: median(bare) });
    }
  } finally {
    await opened.close();
  }
  return results;
}

const all = [];
for (const kind of DBS) all.push(...(await measure(kind)));
console.log(`\nrooming-list import (.xlsx upload, replace mode), median of ${RUNS} runs`);
console.log('  database  rows    API ms   bare ms   ratio API/bare');
for (const r of all) {
  console.log(`  ${r.kind.padEnd(8)} ${String(r.count).padStart(5)} ${r.api.toFixed(0).padStart(9)} ${r.bare.toFixed(0).padStart(9)} ${(r.api / r.bare).toFixed(2).padStart(10)}`);
}
