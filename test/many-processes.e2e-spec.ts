import { randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { addDays, Clock, FixedClock, lockName, SweepScheduler } from '@app/shared';
import mysql from 'mysql2/promise';
import { type BuiltServer, ensureBuilt, startBuiltServer } from './support/built-server.js';
import { ADMIN_PASSWORD, apiClient, DB_KIND, errorCode, freshDatabase, type GqlResult, startTestApp } from './support/test-app.js';
import { subscribe } from './support/live-client.js';
import { registerClient } from './support/platform.js';
import { startReceiver } from './support/webhook-receiver.js';
import { AUDIT, buildWorld, calendar, REQUEST_BATCH } from './support/world.js';
import { MYSQL_MIGRATIONS } from '../apps/api/src/database/migrations/mysql/index.js';

/**
 * Issue 15, "many processes beside each other": API processes share nothing but the database, and
 * the database's locks make the few things that must happen once happen once. MySQL only: the
 * embedded SQLite file is written by one process (WORKERS > 1 is refused there, tested below).
 */
const onMysql = DB_KIND === 'mysql' ? describe : describe.skip;
const onSqlite = DB_KIND === 'sqlite' ? describe : describe.skip;

// Every migration this build has: the first process applies them all, the others find none pending.
const MIGRATIONS = MYSQL_MIGRATIONS.length;

onSqlite('WORKERS on the embedded SQLite database (sqlite)', () => {
  beforeAll(() => ensureBuilt());

  it('refuses WORKERS=2 at start-up, naming the setting and what it needs', async () => {
    await expect(startBuiltServer({ WORKERS: '2' })).rejects.toThrow(/WORKERS=2 needs MySQL \(DATABASE_URL\): the embedded SQLite database is written by one process only/);
  });
});

onMysql('two API processes started together on one MariaDB database (mysql; SQLite is one process and skips this)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let servers: BuiltServer[] = [];
  /** The world of the 500-booking case, its nights full: the waiting-list case waits behind them. */
  let fullWorld: Awaited<ReturnType<typeof buildWorld>> | null = null;

  beforeAll(async () => {
    ensureBuilt();
    db = await freshDatabase();
    const url = (db.config as { url: string }).url;
    // The same moment: both are spawned before either is awaited; each waits for its own /health.
    const started = Date.now();
    // One JWT_SECRET for both, as behind a load balancer: a token from one is good on the other.
    const env = { DEMO_DATA: 'true', HOLD_SWEEP_SECONDS: '1', WEBHOOK_SWEEP_SECONDS: '1', JWT_SECRET: randomBytes(32).toString('hex') };
    servers = await Promise.all([0, 1].map(() => startBuiltServer(env, { mysqlUrl: url, answerWithinMs: 240_000 })));
    console.log(`two processes with the demo: both answering ${Date.now() - started} ms after they were started`);
  }, 270_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.drop();
  });

  it('ran the migrations once and loaded the demo once: one applied them, the other found none pending', async () => {
    const logs = servers.map((s) => s.output());
    expect(logs.filter((log) => log.includes(`applied ${MIGRATIONS} migration(s)`))).toHaveLength(1);
    // The logs are JSON lines (nestjs-pino): {"context":"Migrations","msg":"none pending"}.
    expect(logs.filter((log) => /"context":"Migrations","msg":"none pending/.test(log))).toHaveLength(1);
    expect(logs.filter((log) => log.includes('loaded the demo data'))).toHaveLength(1);
    expect(logs.filter((log) => log.includes('user admin (ADMIN) created'))).toHaveLength(1);
    const waited = logs.filter((log) => /another process is (migrating|preparing) this database; waiting/.test(log)).length;
    console.log(`the second process waited on a lock: ${waited ? 'yes' : 'no (the first had finished before it asked)'}`);

    const sql = await mysql.createConnection((db.config as { url: string }).url);
    try {
      const [[migrations]] = (await sql.query('SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS names FROM migrations')) as any;
      expect([Number(migrations.n), Number(migrations.names)]).toEqual([MIGRATIONS, MIGRATIONS]);
      const [[bases]] = (await sql.query("SELECT COUNT(*) AS n, COUNT(DISTINCT code) AS codes FROM base WHERE code LIKE 'YF-%'")) as any;
      expect([Number(bases.n), Number(bases.codes)]).toEqual([7, 7]);
      const [[users]] = (await sql.query("SELECT COUNT(*) AS n FROM app_user WHERE username IN ('admin', 'organiser', 'operator')")) as any;
      expect(Number(users.n)).toBe(3);
    } finally {
      await sql.end();
    }
  });

  it('500 concurrent requestBatch across both (each key sent once to each): 0 overbooked nights, an empty audit, one batch per key, exact counts', async () => {
    const [a, b] = servers.map((s) => apiClient(s.url));
    // 100 beds a night; 250 keys of 2 people each, every key sent to both processes at once.
    const w = await buildWorld(a, { beds: 100 });
    const keys = Array.from({ length: 250 }, (_, i) => `two-procs-${i}`);
    const calls = keys.flatMap((key) => [a, b].map((api) => ({ key, api })));
    const started = Date.now();
    const results = await Promise.all(
      calls.map(({ key, api }) => api.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 2, idempotencyKey: key } }, w.unionA.organiser).then((r) => ({ key, r }))),
    );
    const took = Date.now() - started;

    const accepted = results.filter(({ r }) => r.data?.requestBatch);
    const refused = results.filter(({ r }) => r.errors);
    const codes = new Set(refused.map(({ r }) => errorCode(r)));
    console.log(`500 requestBatch across 2 processes: ${accepted.length} accepted, ${refused.length} refused (${[...codes].join(', ')}) in ${took} ms`);
    if (codes.has('SERVICE_UNAVAILABLE'))
      console.log(
        servers
          .flatMap((s) =>
            s
              .output()
              .split('\n')
              .filter((line) => line.includes('database unavailable')),
          )
          .join('\n'),
      );
    // 100 beds hold 50 groups of 2; every other key is refused for beds, never for anything else.
    expect([...codes]).toEqual(['CAPACITY_EXCEEDED']);
    const byKey = new Map<string, GqlResult[]>();
    for (const { key, r } of results) byKey.set(key, [...(byKey.get(key) ?? []), r]);
    const keysBooked = [...byKey].filter(([, rs]) => rs.some((r) => r.data?.requestBatch));
    expect(keysBooked).toHaveLength(50);
    // Both requests of a booked key answer with the same batch (one booked it, the other replayed it).
    for (const [, rs] of keysBooked) {
      expect(rs.map((r) => errorCode(r))).toEqual([undefined, undefined]);
      expect(rs[0].data!.requestBatch.id).toBe(rs[1].data!.requestBatch.id);
    }
    expect(accepted).toHaveLength(100);
    expect(refused).toHaveLength(400);

    // The package's 3 nights are full to the bed, the night after untouched.
    const nights = await calendar(b, w.admin, w.baseA.id, w.start, addDays(w.start, 3));
    expect(nights.map((n) => [n.reservedBeds, n.totalBeds])).toEqual([
      [100, 100],
      [100, 100],
      [100, 100],
      [0, 100],
    ]);
    expect((await b.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
    expect((await a.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);

    const sql = await mysql.createConnection((db.config as { url: string }).url);
    try {
      const [[made]] = (await sql.query('SELECT COUNT(*) AS n, COUNT(DISTINCT idempotencyKeyHash) AS keys_ FROM batch WHERE baseId = ?', [w.baseA.id])) as any;
      expect([Number(made.n), Number(made.keys_)]).toEqual([50, 50]);
      const [[over]] = (await sql.query('SELECT COUNT(*) AS n FROM capacity_night WHERE reservedBeds > totalBeds OR reservedBeds < 0')) as any;
      expect(Number(over.n)).toBe(0);
      // Every batch has its one creating event: none was left half made.
      const [[events]] = (await sql.query('SELECT COUNT(*) AS n FROM batch_event e JOIN batch b ON b.id = e.batchId WHERE b.baseId = ? AND e.fromStatus IS NULL', [w.baseA.id])) as any;
      expect(Number(events.n)).toBe(50);
    } finally {
      await sql.end();
    }
    fullWorld = w;
  });

  it('the waiting list with both processes sweeping every second: five cancels at once across both offer ten beds to exactly five entries, declines on either pass them on once', async () => {
    const [a, b] = servers.map((s) => apiClient(s.url));
    const w = fullWorld!;
    const ENTRIES = 'query($f:WaitingListFilter){waitingList(filter:$f,first:100){edges{node{id status}}}}';
    const byStatus = async () => {
      const edges = (await a.ok(ENTRIES, { f: { baseId: w.baseA.id } }, w.admin)).waitingList.edges.map((e: any) => e.node);
      return Object.fromEntries(['WAITING', 'OFFERED', 'DECLINED'].map((st) => [st, edges.filter((n: any) => n.status === st).map((n: any) => n.id)]));
    };
    const until = async (want: (s: Record<string, number[]>) => boolean) => {
      for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
        const now = await byStatus();
        if (want(now)) return now;
      }
      return byStatus();
    };
    // Union B waits behind the full nights: eight entries of 2, joined alternately on each process.
    const joined = [];
    for (let i = 0; i < 8; i++) {
      const api = i % 2 ? b : a;
      joined.push(
        (await api.ok('mutation($i:JoinWaitingListInput!){joinWaitingList(input:$i){id}}', { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 2 } }, w.unionB.organiser))
          .joinWaitingList.id,
      );
    }
    const held = (await a.ok('query($f:BatchFilter){batches(filter:$f,first:100){edges{node{id}}}}', { f: { baseId: w.baseA.id, status: 'REQUESTED' } }, w.admin)).batches.edges.map(
      (e: any) => e.node.id,
    );
    const cancels = await Promise.all(held.slice(0, 5).map((id: number, i: number) => (i % 2 ? b : a).gql('mutation($id:Int!){cancelBatch(id:$id,reason:"x"){status}}', { id }, w.unionA.organiser)));
    expect(cancels.map((r) => r.data?.cancelBatch?.status)).toEqual(Array(5).fill('CANCELLED'));
    const offered = await until((st) => st.OFFERED.length >= 5);
    // Several more ticks of both processes: nothing more is offered.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await byStatus()).toEqual(offered);
    // (Which five depends on when each cancel committed during a walk: the order of arrival among those that fitted then.)
    expect([offered.WAITING.length, offered.OFFERED.length, offered.DECLINED.length]).toEqual([3, 5, 0]);
    expect((await calendar(b, w.admin, w.baseA.id, w.start, addDays(w.start, 2))).map((n) => n.reservedBeds)).toEqual([100, 100, 100]);
    expect((await a.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);

    // Three declines at once, on both processes, while both sweep: the three still waiting get their beds, once each.
    const declined = offered.OFFERED.slice(0, 3);
    const declines = await Promise.all(declined.map((id: number, i: number) => (i % 2 ? a : b).gql('mutation($id:Int!){declineWaitingListOffer(id:$id){status}}', { id }, w.unionB.organiser)));
    expect(declines.map((r) => r.data?.declineWaitingListOffer?.status)).toEqual(['DECLINED', 'DECLINED', 'DECLINED']);
    const passed = await until((st) => st.OFFERED.length >= 5 && st.WAITING.length === 0);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await byStatus()).toEqual(passed);
    expect(passed).toEqual({ WAITING: [], OFFERED: joined.filter((id) => !declined.includes(id)), DECLINED: declined });
    expect((await calendar(a, w.admin, w.baseA.id, w.start, addDays(w.start, 2))).map((n) => n.reservedBeds)).toEqual([100, 100, 100]);
    expect((await b.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
  }, 120_000);

  it('a live subscription on one process sees a booking made through the other, once', async () => {
    const [a, b] = servers.map((s) => apiClient(s.url));
    // The world the cases above built (this case alone, with -t, builds it).
    const w = (fullWorld ??= await buildWorld(a, { beds: 100 }));
    const live = subscribe(servers[0].url, w.unionA.organiser, 'subscription{batchUpdated{event{to} batch{id headcount}}}');
    try {
      await new Promise((resolve) => setTimeout(resolve, 800));
      // Base B, three weeks on: nights the earlier cases left free.
      const booked = (await b.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: addDays(w.start, 21), headcount: 3 } }, w.unionA.organiser)).requestBatch;
      const [update] = await live.until(1, 15_000);
      expect(update.data!.batchUpdated).toEqual({ event: { to: 'REQUESTED' }, batch: { id: booked.id, headcount: 3 } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(live.received).toHaveLength(1);
      expect((await a.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
    } finally {
      await live.close();
    }
  }, 60_000);

  it('the outbox delivered once by both processes sweeping every second: 20 batches changed across both, every event arrives once, in order per batch', async () => {
    const [a, b] = servers.map((s) => apiClient(s.url));
    const w = (fullWorld ??= await buildWorld(a, { beds: 100 }));
    const rx = await startReceiver();
    try {
      await registerClient(a, w.admin, { name: 'both processes', unionIds: [w.unionA.id], operations: ['batch'], webhookUrl: rx.url });
      // Base B five weeks on (nights the cases above left free): each batch made on one process, its
      // headcount changed on the other and then back on the first, all 20 at once.
      const HEADCOUNT = 'mutation($id:Int!,$h:Int!){changeHeadcount(id:$id,headcount:$h){id}}';
      const ids = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const [first, second] = i % 2 ? [b, a] : [a, b];
          const { id } = (await first.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: addDays(w.start, 35), headcount: 2 } }, w.unionA.organiser)).requestBatch;
          await second.ok(HEADCOUNT, { id, h: 3 }, w.unionA.organiser);
          await first.ok(HEADCOUNT, { id, h: 4 }, w.unionA.organiser);
          return id as number;
        }),
      );
      for (const end = Date.now() + 20_000; rx.received.length < 60 && Date.now() < end;) await new Promise((r) => setTimeout(r, 200));
      // Two more ticks of each: nothing arrives a second time.
      await new Promise((r) => setTimeout(r, 2500));
      const eventIds = rx.received.map((r) => r.event.id);
      expect({ posts: eventIds.length, distinct: new Set(eventIds).size }).toEqual({ posts: 60, distinct: 60 });
      expect(rx.received.every((r) => r.answered === 200)).toBe(true);
      const perBatch = new Map<number, string[]>();
      for (const r of rx.received) perBatch.set(r.event.data.batchId, [...(perBatch.get(r.event.data.batchId) ?? []), `${r.event.type}:${r.event.data.headcount}`]);
      expect([...perBatch.keys()].sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
      for (const events of perBatch.values()) expect(events).toEqual(['batch.status_changed:2', 'batch.headcount_changed:3', 'batch.headcount_changed:4']);
      // One delivery row per event, each sent in one attempt: no process claimed one the other had.
      const sql = await mysql.createConnection((db.config as { url: string }).url);
      try {
        const [[rows]] = (await sql.query("SELECT COUNT(*) AS n, SUM(status = 'DELIVERED' AND attempts = 1) AS once FROM webhook_delivery")) as any;
        expect([Number(rows.n), Number(rows.once)]).toEqual([60, 60]);
      } finally {
        await sql.end();
      }
    } finally {
      await rx.close();
    }
  }, 60_000);
});

onMysql('sweeps on many processes: a lease per sweep run (mysql)', () => {
  it('a sweep whose lock another process holds is skipped, and runs once the lock is free', async () => {
    const t = await startTestApp({ holdSweepSeconds: 0 });
    const sql = await mysql.createConnection(t.config.database.type === 'mysql' ? t.config.database.url : '');
    try {
      const w = await buildWorld(t, { beds: 20 });
      const held = (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 5 } }, w.unionA.organiser)).requestBatch;
      // Two days later the 48-hour hold is due.
      const later = new FixedClock(new Date(Date.now() + 49 * 3600_000));
      t.get(Clock).now = () => later.now();

      // The test's own connection plays "another process" in the middle of its run of the same sweep.
      const [[{ db }]] = (await sql.query('SELECT DATABASE() AS db')) as any;
      const [[{ got }]] = (await sql.query('SELECT GET_LOCK(?, 0) AS got', [lockName(db, 'sweep:expired holds')])) as any;
      expect(Number(got)).toBe(1);
      const skipped = await t.get(SweepScheduler).runAll(later.now());
      expect(skipped['expired holds']).toBe(0);
      expect((await t.ok('query($id:Int!){batch(id:$id){status}}', { id: held.id }, w.admin)).batch.status).toBe('REQUESTED');

      await sql.query('SELECT RELEASE_LOCK(?)', [lockName(db, 'sweep:expired holds')]);
      expect((await t.get(SweepScheduler).runAll(later.now()))['expired holds']).toBe(1);
      expect((await t.ok('query($id:Int!){batch(id:$id){status}}', { id: held.id }, w.admin)).batch.status).toBe('EXPIRED');
      expect((await t.ok(AUDIT, {}, w.admin)).capacityAudit).toEqual([]);
    } finally {
      await sql.end();
      await t.close();
    }
  });
});

// Six aliased logins, each a real scrypt hash: a request still running when the signal comes.
const SLOW = `mutation { ${Array.from({ length: 6 }, (_, i) => `l${i}: login(username: "admin", password: "${ADMIN_PASSWORD}") { accessToken }`).join(' ')} }`;

/** GET /metrics on a new connection (so the primary hands it to the next worker). */
function scrape(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/metrics`, { agent: new Agent({ keepAlive: false }) }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`/metrics answered ${res.statusCode}: ${text}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

function post(url: string, query: string): Promise<{ status: number; connection?: string; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/graphql`, { method: 'POST', agent: new Agent({ keepAlive: true }), headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

onMysql('WORKERS=2: node:cluster on one port (mysql)', () => {
  let server: BuiltServer;
  beforeAll(() => ensureBuilt());
  afterEach(() => server?.stop());

  it('serves from two worker processes; SIGTERM to the primary lets each answer what it has in flight, then all exit 0', async () => {
    server = await startBuiltServer({ WORKERS: '2' }, { answerWithinMs: 180_000 });
    // /health answered once one worker listened; wait for the second too.
    for (const end = Date.now() + 120_000; (server.output().match(/GraphQL at http/g) ?? []).length < 2;) {
      if (Date.now() > end) throw new Error(`the second worker did not start:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const pids = new Set([...server.output().matchAll(/"pid":(\d+)[^\n]*GraphQL at http/g)].map((m) => m[1]));
    expect(pids.size).toBe(2);
    expect(server.output()).toContain('starting 2 workers');

    // A token signed by one worker is good on the other (they share JWT_SECRET, here the test's).
    const api = apiClient(server.url);
    const token = await api.login('admin', ADMIN_PASSWORD);
    for (let i = 0; i < 6; i++) expect((await api.ok('{ me { username } }', {}, token)).me.username).toBe('admin');

    // /metrics counts what both workers served, whichever of them a scrape reaches: ten more POSTs on
    // new connections (handed to the workers in turn), then scrapes on new connections until both
    // have counted all 17 (the login, six { me } and these ten).
    for (let i = 0; i < 10; i++) expect((await post(server.url, '{ __typename }')).status).toBe(200);
    const graphqlPosts = (text: string) => [...text.matchAll(/^rr_http_request_duration_seconds_count\{[^}]*route="\/graphql"[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    let counted: number[] = [];
    for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      counted = await Promise.all([0, 1].map(() => scrape(server.url).then(graphqlPosts)));
      if (counted.every((n) => n >= 17)) break;
    }
    expect(counted).toEqual([17, 17]);

    const inFlight = [post(server.url, SLOW), post(server.url, SLOW)];
    await new Promise((r) => setTimeout(r, 150));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve('connected')));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    for (const answer of await Promise.all(inFlight)) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(Object.keys(answer.body.data)).toHaveLength(6);
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const log = server.output();
    expect(log.match(/answered everything; sweeps stopped and the database closed/g)).toHaveLength(2);
    expect(log).toContain('every worker has stopped; exiting 0');
    console.log(`after SIGTERM a new connection was: ${refused}`);
  }, 300_000);
});
