import { Writable } from 'node:stream';
import { SweepScheduler } from '@app/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/app.factory.js';
import { ADD_PARTICIPANTS, person } from './support/people.js';
import { DB_KIND, freshDatabase, startTestApp, testConfig, type GqlResult, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

/** The API as main.ts starts it, but with its JSON log lines kept in memory at LOG_LEVEL=info. */
async function startLoggedApp(): Promise<{ t: TestApp; lines: () => Array<Record<string, any>>; text: () => string }> {
  const chunks: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const db = await freshDatabase();
  const config = testConfig(db.config, { logLevel: 'info' });
  const app = await createApp(config, { logDestination: capture });
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const req = request(url).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    return (await req.send({ query, variables })).body as GqlResult<T>;
  };
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> => {
    const res = await gql<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data!;
  };
  const t: TestApp = {
    app,
    config,
    url,
    gql,
    ok,
    login: async (u, p) => (await ok<{ login: { accessToken: string } }>('mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}', { u, p })).login.accessToken,
    get: (type) => app.get(type as never),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>);
  return { t, lines, text };
}

/** One sample of the Prometheus text: the value of `name{labels…}` (labels in any order), or undefined. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of metrics.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe(`operations: request log and metrics (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let lines: () => Array<Record<string, any>>;
  let text: () => string;
  let organiserId: number;
  beforeAll(async () => {
    ({ t, lines, text } = await startLoggedApp());
    w = await buildWorld(t, { beds: 30 });
    organiserId = (await t.ok<{ me: { id: number } }>('{ me { id } }', {}, w.unionA.organiser)).me.id;
  });
  afterAll(() => t?.close());

  it('writes one JSON line per request with its request id and user (id, role), and no personal data', async () => {
    const { requestBatch } = await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 2 } }, w.unionA.organiser);
    const someone = person(4242);
    const res = await request(t.url)
      .post('/graphql')
      .set('authorization', `Bearer ${w.unionA.organiser}`)
      .set('x-request-id', 'roster-req-0001')
      .send({ query: ADD_PARTICIPANTS, variables: { b: requestBatch.id, p: [someone] } });
    expect(res.body.errors).toBeUndefined();
    // The same id comes back, for the caller to quote.
    expect(res.headers['x-request-id']).toBe('roster-req-0001');
    // A mistake echoes nothing either: a wrong check digit (refused by the roster), and the same
    // inline in the query text without its required fields (refused by GraphQL's validation).
    const wrong = someone.idNumber.slice(0, 17) + (someone.idNumber.endsWith('0') ? '1' : '0');
    const refused = await request(t.url)
      .post('/graphql')
      .set('authorization', `Bearer ${w.unionA.organiser}`)
      .set('x-request-id', 'roster-req-0002')
      .send({ query: ADD_PARTICIPANTS, variables: { b: requestBatch.id, p: [{ ...someone, idNumber: wrong }] } });
    expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await request(t.url)
      .post('/graphql')
      .set('authorization', `Bearer ${w.unionA.organiser}`)
      .set('x-request-id', 'roster-req-0004')
      .send({ query: `mutation { addParticipants(batchId: ${requestBatch.id}, participants: [{ name: "${someone.name}", idNumber: "${wrong}", phone: "${someone.phone}" }]) { id } }` });
    // An HTTP route: the spreadsheet download, with the full ID numbers in its body.
    const csv = await request(t.url).get(`/batches/${requestBatch.id}/participants.csv?lang=en`).set('authorization', `Bearer ${w.unionA.organiser}`).set('x-request-id', 'roster-req-0003');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(someone.idNumber);

    const byId = (id: string) => lines().filter((line) => line.requestId === id && line.msg === 'request completed');
    const [added] = byId('roster-req-0001');
    expect(byId('roster-req-0001')).toHaveLength(1);
    expect(added).toMatchObject({
      level: 30,
      requestId: 'roster-req-0001',
      req: { method: 'POST', route: '/graphql' },
      res: { statusCode: 200 },
      user: { id: organiserId, role: 'UNION_ORGANISER' },
      graphql: { type: 'mutation', field: 'addParticipants', codes: [] },
    });
    expect(typeof added.responseTime).toBe('number');
    expect(byId('roster-req-0002')[0]).toMatchObject({ user: { id: organiserId }, graphql: { field: 'addParticipants', codes: ['BAD_USER_INPUT'] } });
    // Refused before anything ran (so before the sign-in was read): no user, no operation name.
    expect(byId('roster-req-0004')[0]).toMatchObject({ res: { statusCode: 400 }, graphql: { type: 'unknown', field: '(invalid)', codes: expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']) } });
    expect(byId('roster-req-0003')[0]).toMatchObject({
      req: { method: 'GET', route: '/batches/:batchId/participants.:format', path: `/batches/${requestBatch.id}/participants.csv` },
      res: { statusCode: 200 },
      user: { id: organiserId, role: 'UNION_ORGANISER' },
    });

    // The RequestContext carries the same id: the personal-data access record of the download names it,
    // and so does that of a download whose id the server made (sent back in X-Request-Id).
    const again = await request(t.url).get(`/batches/${requestBatch.id}/participants.csv`).set('authorization', `Bearer ${w.unionA.organiser}`);
    const made = again.headers['x-request-id'];
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(byId(made)[0]).toMatchObject({ user: { id: organiserId } });
    const { personalDataAccessLog } = await t.ok<{ personalDataAccessLog: { edges: Array<{ node: { requestId: string; channel: string } }> } }>(
      'query($b:Int!){personalDataAccessLog(batchId:$b,first:20){edges{node{requestId channel}}}}',
      { b: requestBatch.id },
      w.admin,
    );
    expect(personalDataAccessLog.edges.map((e) => e.node)).toEqual(
      expect.arrayContaining([
        { requestId: 'roster-req-0003', channel: 'EXPORT' },
        { requestId: made, channel: 'EXPORT' },
      ]),
    );
    // The request lines name no user by username (an account's name may be a person's).
    expect(lines().filter((line) => line.msg === 'request completed' && JSON.stringify(line).includes('org-ua'))).toEqual([]);
    const all = text();
    for (const secret of [someone.idNumber, wrong, someone.phone, someone.name, someone.employer, w.unionA.organiser, 'Bearer', 'authorization', 'lang=en']) {
      expect(all).not.toContain(secret);
    }
  });

  it('takes an incoming X-Request-Id only when it is a short token; otherwise the request gets a UUID', async () => {
    const odd = ['a'.repeat(65), 'has spaces in it', '{"json":1}', '440106198503121237 张三'];
    for (const id of odd) {
      const res = await request(t.url)
        .post('/graphql')
        .set('x-request-id', encodeURIComponent(id) === id ? id : encodeURIComponent(id))
        .send({ query: '{ __typename }' });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const all = text();
    expect(all).not.toContain('a'.repeat(65));
    expect(all).not.toContain('440106198503121237');
    // Anonymous requests have no user in their line.
    const last = lines()
      .filter((line) => line.graphql?.field === '__typename')
      .pop()!;
    expect(last.user).toBeUndefined();
    expect(last.graphql).toEqual({ type: 'query', field: '__typename', codes: [] });
  });

  it('/metrics counts bookings by outcome, refusals by code, latency by route and operation, the pool and the sweeps', async () => {
    const scrape = async () => {
      const res = await request(t.url).get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      return res.text;
    };
    const before = await scrape();
    const booked = (m: string) => sample(m, 'rr_bookings_requested_total', { outcome: 'booked' }) ?? 0;
    const exceeded = (m: string) => sample(m, 'rr_bookings_requested_total', { outcome: 'CAPACITY_EXCEEDED' }) ?? 0;
    const refused = (m: string, code: string) => sample(m, 'rr_graphql_refusals_total', { code }) ?? 0;

    await t.ok(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: w.start, headcount: 20 } }, w.unionB.organiser);
    const full = await t.gql(REQUEST_BATCH, { i: { packageId: w.baseB.packageId, startDate: w.start, headcount: 20 } }, w.unionB.organiser);
    expect(full.errors?.[0]?.extensions?.code).toBe('CAPACITY_EXCEEDED');
    expect((await t.gql('{ users { id } }', {}, w.unionB.organiser)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await t.app.get(SweepScheduler).runAll();

    const after = await scrape();
    if (process.env.SHOW_METRICS)
      console.log(
        after
          .split('\n')
          .filter((l) => l.startsWith('rr_') && !l.includes('_bucket'))
          .join('\n'),
      );
    expect(booked(after) - booked(before)).toBe(1);
    expect(exceeded(after) - exceeded(before)).toBe(1);
    expect(refused(after, 'CAPACITY_EXCEEDED') - refused(before, 'CAPACITY_EXCEEDED')).toBe(1);
    expect(refused(after, 'FORBIDDEN') - refused(before, 'FORBIDDEN')).toBe(1);
    // Latency histograms: per GraphQL operation (type and root field) and per HTTP route pattern.
    expect(sample(after, 'rr_graphql_operation_duration_seconds_count', { type: 'mutation', field: 'requestBatch' })).toBeGreaterThanOrEqual(3);
    expect(sample(after, 'rr_graphql_operation_duration_seconds_bucket', { type: 'mutation', field: 'requestBatch', le: '+Inf' })).toBeGreaterThanOrEqual(3);
    expect(sample(after, 'rr_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThan(10);
    expect(sample(after, 'rr_http_request_duration_seconds_count', { method: 'GET', route: '/batches/:batchId/participants.:format', status: '200' })).toBe(2);
    // No label holds a path with its ids, or a client-chosen operation name.
    expect(after).not.toMatch(/route="\/batches\/\d/);
    // The pool: MySQL's counts, SQLite's one connection.
    expect(sample(after, 'rr_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'rr_db_pool_connections', { state: 'free' })).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'rr_db_pool_queued_requests')).toBe(DB_KIND === 'mysql' ? 0 : undefined);
    // Every module's sweep ran once (runAll), and each run was counted and timed.
    for (const sweep of t.app.get(SweepScheduler).names) {
      expect(sample(after, 'rr_sweep_runs_total', { sweep, result: 'ok' })).toBe(1);
      expect(sample(after, 'rr_sweep_duration_seconds_count', { sweep })).toBe(1);
    }
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe(`operations: /ready (${DB_KIND})`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('is ready when the database answers and every migration is applied; /health stays as it was', async () => {
    const ready = await request(t.url).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', migrations: t.get(DataSource).migrations.length });
    expect((await request(t.url).get('/health')).status).toBe(200);
  });

  it('answers 503 naming a migration that is not applied', async () => {
    const ds = t.get(DataSource);
    const [last] = await ds.query<Array<{ id: number; timestamp: number; name: string }>>('SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1');
    await ds.query('DELETE FROM migrations WHERE id = ?', [last.id]);
    try {
      const res = await request(t.url).get('/ready');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable', reason: '1 migration(s) not applied', pending: [last.name] });
    } finally {
      await ds.query('INSERT INTO migrations (id, timestamp, name) VALUES (?, ?, ?)', [last.id, last.timestamp, last.name]);
    }
    expect((await request(t.url).get('/ready')).status).toBe(200);
  });

  it('answers 503 when the database is gone, without its error text', async () => {
    await t.get(DataSource).destroy();
    const res = await request(t.url).get('/ready');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable', reason: 'the database does not answer' });
  });
});

describe(`operations: /metrics in production (${DB_KIND})`, () => {
  const token = 'metrics-token-7f3a9c2e5b1d8f4a6c0e';
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ production: true, metricsToken: token })));
  afterAll(() => t?.close());

  it('needs METRICS_TOKEN as a bearer token', async () => {
    const none = await request(t.url).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.text).not.toContain('rr_');
    const wrong = await request(t.url).get('/metrics').set('authorization', `Bearer ${token}x`);
    expect(wrong.status).toBe(403);
    expect(wrong.text).not.toContain('rr_');
    const right = await request(t.url).get('/metrics').set('authorization', `Bearer ${token}`);
    expect(right.status).toBe(200);
    expect(right.text).toContain('# TYPE rr_graphql_operation_duration_seconds histogram');
  });
});
