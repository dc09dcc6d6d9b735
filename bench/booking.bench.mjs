// Hot-night booking throughput: the whole API (HTTP → GraphQL → auth → validation → one transaction
// with the guarded capacity UPDATE and the history event) against a bare reference measured in the
// same run on the same database: mysql2 alone doing the same INSERT + guarded UPDATE per booking.
//
//   npm run bench                      (MariaDB/MySQL at BENCH_DATABASE_URL, default root@127.0.0.1:3306)
//   BENCH_SECONDS=20 BENCH_CLIENTS=64 npm run bench
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

process.env.NODE_ENV = 'production';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
server.pathname = '/';
const dbName = `rr_bench_${randomBytes(3).toString('hex')}`;

const { createApp } = await import('../dist/apps/api/src/app.factory.js');

async function runFor(seconds, clients, once) {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (Date.now() < deadline) {
        try {
          await once(c);
          done++;
        } catch (error) {
          failed++;
          if (failed < 3) console.error(String(error).slice(0, 300));
        }
      }
    }),
  );
  return { perSecond: done / seconds, done, failed };
}

const admin = await mysql.createConnection(server.toString());
await admin.query(`CREATE DATABASE \`${dbName}\``);
const url = new URL(server);
url.pathname = `/${dbName}`;
try {
  // --- the API -------------------------------------------------------------------------------
  const app = await createApp(
    {
      production: true,
      port: 0,
      database: { type: 'mysql', url: url.toString() },
      demoData: false,
      adminPassword: 'bench-admin-pw',
      jwtSecret: randomBytes(32).toString('hex'),
      jwtTtlSeconds: 3600,
      holdTtlSeconds: 48 * 3600,
      holdSweepSeconds: 0,
      schemaFile: false,
      explorer: false,
      dataKey: randomBytes(32),
    },
    { logger: ['error'] },
  );
  await app.listen(0, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${app.getHttpServer().address().port}/graphql`;
  const gql = async (query, variables, token) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const token = (await gql('mutation{login(username:"admin",password:"bench-admin-pw"){accessToken}}')).login.accessToken;
  const regions = Object.fromEntries((await gql('{regions{id code}}', {}, token)).regions.map((r) => [r.code, r.id]));
  const base = (await gql(`mutation{createBase(input:{code:"BENCH",name:"Bench base",regionId:${regions.YF},county:"新兴县"}){id}}`, {}, token)).createBase.id;
  const union = (await gql(`mutation{createUnion(input:{code:"BENCH",name:"Bench union",regionId:${regions.GZ}}){id}}`, {}, token)).createUnion.id;
  // The same booking under an exchange agreement: its shared lock, the quota's guarded UPDATE and the benefit snapshot on top.
  const guest = (await gql(`mutation{createUnion(input:{code:"BENCH-SZ",name:"Bench union 深圳",regionId:${regions.SZ}}){id}}`, {}, token)).createUnion.id;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const until = new Date(Date.now() + 300 * 86400_000).toISOString().slice(0, 10);
  const agreement = (
    await gql(
      `mutation{proposeAgreement(input:{regionId:${regions.SZ},partnerRegionId:${regions.YF},title:"bench",from:"${today}",to:"${until}",quotas:[{fromRegionId:${regions.SZ},personVisits:1000000}],benefits:[{hostRegionId:${regions.YF},type:VOUCHER_PER_PERSON,amount:"100"}]}){id}}`,
      {},
      token,
    )
  ).proposeAgreement.id;
  await gql(`mutation{acceptAgreement(id:${agreement}){id}}`, {}, token);
  const pkg = (await gql(`mutation{createPackage(input:{baseId:${base},name:"3 nights",nights:3,pricePerPerson:"1980.00",minGroupSize:1,maxGroupSize:100}){id}}`, {}, token)).createPackage.id;
  const start = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const last = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
  await gql(`mutation{setCapacity(input:{baseId:${base},from:"${start}",to:"${last}",totalBeds:100000}){date}}`, {}, token);
  const REQUEST = `mutation($i:RequestBatchInput!){requestBatch(input:$i){id}}`;
  const api = await runFor(SECONDS, CLIENTS, () => gql(REQUEST, { i: { packageId: pkg, startDate: start, headcount: 1, unionId: union } }, token));
  const exchange = await runFor(SECONDS, CLIENTS, () => gql(REQUEST, { i: { packageId: pkg, startDate: start, headcount: 1, unionId: guest, agreementId: agreement } }, token));
  const audit = (await gql('{capacityAudit{baseId}}', {}, token)).capacityAudit;
  const [[night]] = await admin.query(`SELECT reservedBeds FROM \`${dbName}\`.capacity_night WHERE baseId = ? AND night = ?`, [base, start]);
  const [[quota]] = await admin.query(`SELECT SUM(used) used FROM \`${dbName}\`.agreement_quota WHERE agreementId = ?`, [agreement]);
  await app.close();

  // --- the bare reference: same server, same statements, no API -------------------------------
  const pool = mysql.createPool({ uri: url.toString(), connectionLimit: 10 });
  await pool.query('CREATE TABLE ref_batch (id INT AUTO_INCREMENT PRIMARY KEY, baseId INT NOT NULL, startDate DATE NOT NULL, headcount INT NOT NULL)');
  await pool.query('CREATE TABLE ref_capacity (baseId INT NOT NULL, night DATE NOT NULL, totalBeds INT NOT NULL, reservedBeds INT NOT NULL DEFAULT 0, PRIMARY KEY (baseId, night))');
  await pool.query('INSERT INTO ref_capacity (baseId, night, totalBeds) SELECT 1, night, 100000 FROM capacity_night WHERE baseId = ?', [base]);
  const bare = await runFor(SECONDS, CLIENTS, async () => {
    const c = await pool.getConnection();
    try {
      await c.beginTransaction();
      await c.query('INSERT INTO ref_batch (baseId, startDate, headcount) VALUES (1, ?, 1)', [start]);
      const [r] = await c.query('UPDATE ref_capacity SET reservedBeds = reservedBeds + 1 WHERE baseId = 1 AND night BETWEEN ? AND DATE_ADD(?, INTERVAL 2 DAY) AND reservedBeds + 1 <= totalBeds', [
        start,
        start,
      ]);
      if (r.affectedRows !== 3) throw new Error('short');
      await c.commit();
    } catch (error) {
      await c.rollback();
      throw error;
    } finally {
      c.release();
    }
  });
  await pool.end();

  const fmt = (x) => x.toFixed(0).padStart(6);
  console.log(`\nhot-night bookings, ${CLIENTS} concurrent clients, ${SECONDS} s each, ${(await admin.query('SELECT VERSION() v'))[0][0].v}`);
  console.log(`  API  requestBatch over HTTP  ${fmt(api.perSecond)} /s  (${api.done} booked, ${api.failed} failed; reserved on the hot night ${night.reservedBeds}; audit drift ${audit.length})`);
  console.log(`  API  under an agreement      ${fmt(exchange.perSecond)} /s  (${exchange.done} booked, ${exchange.failed} failed; quota used ${quota.used})`);
  console.log(`  bare mysql2 INSERT + UPDATE  ${fmt(bare.perSecond)} /s  (${bare.done} booked, ${bare.failed} failed)`);
  console.log(`  ratio API / bare             ${(api.perSecond / bare.perSecond).toFixed(2)}   (under an agreement: ${(exchange.perSecond / bare.perSecond).toFixed(2)})`);
  if (night.reservedBeds !== api.done + exchange.done || Number(quota.used) !== exchange.done || audit.length) process.exitCode = 1;
} finally {
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.end();
}
