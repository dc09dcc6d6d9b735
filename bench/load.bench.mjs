// The load benchmark of issue 15 ("Fast on one machine"): the built API (NODE_ENV=production, its own
// fresh MariaDB/MySQL database) in its own process, the raw references in theirs, and the load from a
// third (autocannon, bench/load/fire.mjs). Each case runs the API and its reference one after the
// other, the order swapped each round, BENCH_ROUNDS rounds; the table gives medians.
//
//   npm run bench:load                              (builds first; MariaDB at BENCH_DATABASE_URL, default root@127.0.0.1:3306)
//   BENCH_SECONDS=3 npm run bench:load              (a short run: about two minutes)
//   BENCH_API_ROOT=/tmp/before npm run bench:load   (the API of another checkout, built there: a before/after pair under the same noise)
//   BENCH_PROFILE=/tmp/prof BENCH_CASES=r2-32 npm run bench:load   (the API runs with --cpu-prof into that folder; one case)
//
// What counts: "answered /s" is requests answered with the booking or with a typed refusal
// (CAPACITY_EXCEEDED; the raw loop: a guarded UPDATE that did not match every night, rolled back)
// per second. The hot nights have capacity for every request of the run, so refusals should be 0;
// any other answer (an error, a timeout) is counted as failed and printed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const READ_CLIENTS = Number(process.env.BENCH_READ_CLIENTS ?? 32);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 39_100 + Math.floor(Math.random() * 800));
const BARE_PORT = API_PORT + 1;
// Another checkout's build (e.g. the code before a change) to measure on the same machine at the same hour.
const API_ROOT = process.env.BENCH_API_ROOT ?? root;
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
server.pathname = '/';
const dbName = `rr_load_${randomBytes(3).toString('hex')}`;
const dbUrl = new URL(server);
dbUrl.pathname = `/${dbName}`;

const children = new Set();
/** Starts a node process; `ready` resolves when a line of its output matches. */
function start(args, env, readyPattern) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  const ready = new Promise((resolve, reject) => {
    const look = (chunk) => {
      out += chunk;
      if (readyPattern.test(out)) resolve();
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`)));
  });
  return { child, ready, output: () => out };
}

/** Runs a node script that prints one JSON line, and returns it parsed. */
async function once(script, options) {
  const p = start([join(here, 'load', script), JSON.stringify(options)], {}, /\n$/);
  const code = await new Promise((resolve) => p.child.on('exit', resolve));
  const last = p.output().trim().split('\n').pop();
  if (code !== 0) throw new Error(`${script} exited ${code}: ${p.output().slice(-2000)}`);
  return JSON.parse(last);
}

/** The process and, with BENCH_WORKERS, the cluster workers it forked (Linux). */
function processTree(pid) {
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children];
}
/** User + system CPU seconds a process (and its workers) has used so far (Linux). */
function cpuSeconds(pid) {
  return processTree(pid).reduce((sum, p) => {
    const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) / 100;
  }, 0);
}
const stop = (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM'))));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const day = (offset) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);

const admin = await mysql.createConnection(server.toString());
// 256 clients with a connection each, beside the API's pool and other users of the server.
const [[{ max }]] = await admin.query('SELECT @@max_connections AS max');
if (max < 400) {
  await admin.query('SET GLOBAL max_connections = 400');
  console.log(`max_connections raised from ${max} to 400 for the raw reference's 256 connections (until the server restarts)`);
}
await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
try {
  // --- the API, in its own process ------------------------------------------------------------
  const adminPassword = `Bench-${randomBytes(8).toString('hex')}`;
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const api = start(
    [...profile, join(API_ROOT, 'dist/apps/api/src/main.js')],
    {
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl.toString(),
      PORT: String(API_PORT),
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_KEY: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD: adminPassword,
      DEMO_DATA: 'false',
      HOLD_SWEEP_SECONDS: '0',
      // BENCH_WORKERS=2: the API as node:cluster workers (WORKERS), each with its own pool.
      ...(process.env.BENCH_WORKERS ? { WORKERS: process.env.BENCH_WORKERS } : {}),
      // BENCH_API_NODE_OPTIONS: V8 settings for the API's process only (e.g. a heap limit), not the load's.
      ...(process.env.BENCH_API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS } : {}),
    },
    /GraphQL at /,
  );
  await api.ready;
  const endpoint = `http://127.0.0.1:${API_PORT}/graphql`;
  const gql = async (query, token) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  // --- the data: seven bases with beds, a union, a 3-night package on the first base -----------
  const token = (await gql(`mutation{login(username:"admin",password:"${adminPassword}"){accessToken}}`)).login.accessToken;
  const regions = Object.fromEntries((await gql('{regions{id code}}', token)).regions.map((r) => [r.code, r.id]));
  const from = day(30);
  const to = day(59);
  const baseIds = [];
  for (let i = 1; i <= 7; i++) {
    const { id } = (await gql(`mutation{createBase(input:{code:"LOAD${i}",name:"Load base ${i}",regionId:${regions.YF},county:"新兴县"}){id}}`, token)).createBase;
    baseIds.push(id);
    await gql(`mutation{setCapacity(input:{baseId:${id},from:"${from}",to:"${to}",totalBeds:${i === 1 ? 100_000 : 120}}){date}}`, token);
  }
  const union = (await gql(`mutation{createUnion(input:{code:"LOAD",name:"Load union",regionId:${regions.GZ}}){id}}`, token)).createUnion.id;
  const pkg = (await gql(`mutation{createPackage(input:{baseId:${baseIds[0]},name:"3 nights",nights:3,pricePerPerson:"1980.00",minGroupSize:1,maxGroupSize:100}){id}}`, token)).createPackage.id;
  await admin.query(`CREATE TABLE \`${dbName}\`.ref_batch (id INT AUTO_INCREMENT PRIMARY KEY, baseId INT NOT NULL, startDate DATE NOT NULL, headcount INT NOT NULL)`);
  await admin.query(`CREATE TABLE \`${dbName}\`.ref_capacity (baseId INT NOT NULL, night DATE NOT NULL, totalBeds INT NOT NULL, reservedBeds INT NOT NULL DEFAULT 0, PRIMARY KEY (baseId, night))`);
  await admin.query(`INSERT INTO \`${dbName}\`.ref_capacity (baseId, night, totalBeds) SELECT 1, night, 100000 FROM \`${dbName}\`.capacity_night WHERE baseId = ?`, [baseIds[0]]);

  // --- the bare GraphQL reference, in its own process -----------------------------------------
  const bare = start([join(here, 'load', 'bare-apollo.mjs')], { NODE_ENV: 'production', PORT: String(BARE_PORT), DATABASE_URL: dbUrl.toString() }, /ready/);
  await bare.ready;
  const bareEndpoint = `http://127.0.0.1:${BARE_PORT}/`;

  const hot = day(31);
  const booking = { query: `mutation{requestBatch(input:{packageId:${pkg},startDate:"${hot}",headcount:1,unionId:${union}}){id}}` };
  const availability = { query: `{availability(from:"${from}",to:"${to}",headcount:10){fits minAvailableBeds base{id name} nights{date availableBeds closed}}}` };
  const typename = { query: '{ __typename }' };
  // The raw loop books its own copy of the hot nights; on a fast machine two rounds of it would use up
  // 100,000 beds (cheap refusals would then flatter it), so each raw run starts from empty nights.
  const freshReference = () => admin.query(`UPDATE \`${dbName}\`.ref_capacity SET reservedBeds = 0`).then(() => admin.query(`TRUNCATE \`${dbName}\`.ref_batch`));
  const fireAt = (url, connections, body, okField, extra = {}) => once('fire.mjs', { url, connections, seconds: SECONDS, body, okField, ...extra });
  const cases = [
    {
      key: 'r2-32',
      api: () => fireAt(endpoint, 32, booking, 'requestBatch', { token, refusal: 'CAPACITY_EXCEEDED' }),
      raw: () => freshReference().then(() => once('raw-booking.mjs', { url: dbUrl.toString(), clients: 32, seconds: SECONDS, start: hot, nights: 3 })),
    },
    {
      key: 'r2-256',
      api: () => fireAt(endpoint, 256, booking, 'requestBatch', { token, refusal: 'CAPACITY_EXCEEDED' }),
      raw: () => freshReference().then(() => once('raw-booking.mjs', { url: dbUrl.toString(), clients: 256, seconds: SECONDS, start: hot, nights: 3 })),
    },
    {
      key: 'r1',
      api: () => fireAt(endpoint, READ_CLIENTS, availability, 'availability', { token }),
      raw: () => fireAt(bareEndpoint, READ_CLIENTS, availability, 'availability'),
    },
    {
      key: 'typename',
      api: () => fireAt(endpoint, READ_CLIENTS, typename, '__typename'),
      raw: () => fireAt(bareEndpoint, READ_CLIENTS, typename, '__typename'),
    },
  ];
  // BENCH_CASES=r2-32,typename runs only those (for a profile); the table then shows what ran.
  const only = process.env.BENCH_CASES?.split(',');
  if (only) cases.splice(0, cases.length, ...cases.filter((c) => only.includes(c.key)));
  const results = Object.fromEntries(cases.map((c) => [c.key, { api: [], raw: [] }]));
  const note = (kind, key, r) => {
    results[key][kind].push(r);
    const extra = r.failed ? `, ${r.failed} failed: ${r.firstFailure}` : '';
    const cpu = r.cpuMs !== undefined ? `; API CPU ${r.cpuMs.toFixed(2)} ms per answer` : '';
    console.log(`  ${key.padEnd(8)} ${kind}  ${r.perSecond.toFixed(0).padStart(6)} answered/s  (ok ${r.ok}, refused ${r.refused}${extra}${cpu})`);
  };
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`round ${round} of ${ROUNDS}, ${SECONDS} s per run`);
    for (const c of cases) {
      // The reference goes first every other round, so neither always runs on a warmer machine.
      const order = round % 2 ? ['api', 'raw'] : ['raw', 'api'];
      for (const kind of order) {
        const cpuBefore = kind === 'api' ? cpuSeconds(api.child.pid) : 0;
        const r = await c[kind]();
        // The API's own CPU per answer: what the machine's noise (other processes, MariaDB) does not change much.
        if (kind === 'api') r.cpuMs = ((cpuSeconds(api.child.pid) - cpuBefore) * 1000) / Math.max(1, r.ok + r.refused + r.failed);
        note(kind, c.key, r);
      }
    }
  }

  // --- exactness: the API's hot night holds exactly its ok bookings; the audit is empty ---------
  const okBooked = [results['r2-32'], results['r2-256']].flatMap((r) => r?.api ?? []).reduce((n, r) => n + r.ok, 0);
  // autocannon stops counting at the deadline with requests in flight; the server still books those.
  const inFlight = ROUNDS * (32 + 256);
  const [[night]] = await admin.query(`SELECT reservedBeds FROM \`${dbName}\`.capacity_night WHERE baseId = ? AND night = ?`, [baseIds[0], hot]);
  const [[{ batches }]] = await admin.query(`SELECT COUNT(*) batches FROM \`${dbName}\`.batch WHERE baseId = ?`, [baseIds[0]]);
  const audit = (await gql('{capacityAudit{baseId}}', token)).capacityAudit;
  // With workers: the sum of each process's own peak (an upper bound on their peak together).
  const peakRssMb = processTree(api.child.pid).reduce((sum, p) => sum + Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))[1]) / 1024, 0);
  const [[{ v: version }]] = await admin.query('SELECT VERSION() v');
  await stop(api.child);
  await stop(bare.child);
  // What the API printed (warnings, slow queries) goes to a file when asked: it is not part of the table.
  if (process.env.BENCH_API_LOG) writeFileSync(process.env.BENCH_API_LOG, api.output());

  const m = (key, kind) => (results[key] ? median(results[key][kind].map((r) => r.perSecond)) : NaN);
  const fmt = (x) => Math.round(x).toLocaleString('en-US');
  const row = (label, key, goal) => `| ${label} | ${fmt(m(key, 'raw'))} /s | ${fmt(m(key, 'api'))} /s | ${(m(key, 'api') / m(key, 'raw')).toFixed(3)} | ${goal} |`;
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, API ${process.env.BENCH_WORKERS ? `WORKERS=${process.env.BENCH_WORKERS}` : 'one process'}, ${cpus().length} × ${cpus()[0].model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${version}; ${SECONDS} s per run, medians of ${ROUNDS} rounds\n`,
  );
  console.log('| case | raw reference | the API | ratio | goal |');
  console.log('|---|---|---|---|---|');
  console.log(row('R2 hot-night `requestBatch`, 32 clients', 'r2-32', '≥ 0.5'));
  console.log(row('the same at 256 clients', 'r2-256', '≥ 1.0'));
  console.log(`| API at 256 ÷ API at 32 | | | ${(m('r2-256', 'api') / m('r2-32', 'api')).toFixed(2)} | ≥ 0.7 |`);
  console.log(row(`R1 \`availability\` of 7 bases × 30 nights, ${READ_CLIENTS} clients`, 'r1', '≥ 0.8'));
  console.log(row(`\`{ __typename }\`, ${READ_CLIENTS} clients`, 'typename', '≥ 0.8'));
  console.log(`| peak RSS of the API during these runs | | ${Math.round(peakRssMb)} MB | | < 250 MB |`);
  const refusedApi = ['r2-32', 'r2-256'].flatMap((k) => results[k]?.api ?? []).reduce((n, r) => n + r.refused, 0);
  const failedAll = Object.values(results)
    .flatMap((r) => [...r.api, ...r.raw])
    .reduce((n, r) => n + r.failed, 0);
  console.log(
    `\nbookings: ${okBooked} ok, ${refusedApi} refused; hot night reserved ${night.reservedBeds} by ${batches} batches (the rest were in flight when a run ended); capacity audit drift ${audit.length}; failed answers ${failedAll}`,
  );
  const exact = night.reservedBeds === Number(batches) && night.reservedBeds >= okBooked && night.reservedBeds <= okBooked + inFlight;
  if (!exact || audit.length || failedAll) process.exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGKILL');
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.end();
}
