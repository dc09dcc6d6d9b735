import request from 'supertest';
import { clientToken, registerClient, type Registered, REGISTER_CLIENT, tokenRequest } from './support/platform.js';
import { DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { buildWorld, REQUEST_BATCH, type World } from './support/world.js';

const BATCH = 'query($id:Int!){batch(id:$id){id reference union{id} history{to actor}}}';
const BATCHES = '{batches(first:50){totalCount edges{node{id union{id}}}}}';

describe(`platform clients: registration, the client-credentials grant, scope, operations, revocation, rate (${DB_KIND})`, () => {
  let t: TestApp;
  let w: World;
  let a1: { id: number; reference: string };
  let b1: { id: number; reference: string };
  /** Union A's own system: reads batch and batches of union A. */
  let reader: Registered;
  /** 广州's platform (region scope: union A is in 广州): reads and books. */
  let booker: Registered;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t, { beds: 50 });
    a1 = (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 5 } }, w.unionA.organiser)).requestBatch;
    b1 = (await t.ok(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 6 } }, w.unionB.organiser)).requestBatch;
    reader = await registerClient(t, w.admin, { name: 'Union A system', unionIds: [w.unionA.id], operations: ['batch', 'batches'], webhookUrl: 'https://ua.example.cn/rr' });
    booker = await registerClient(t, w.admin, { name: '粤工惠 广州', regionId: w.regions.GZ, operations: ['batch', 'requestBatch'], webhookUrl: 'http://127.0.0.1:9/hook' });
  });
  afterAll(() => t?.close());

  it('registration checks the operations, the webhook address and the scope, and shows the secrets once', async () => {
    const base = { name: 'x', unionIds: [w.unionA.id], operations: ['batch'], webhookUrl: 'https://x.example.cn/h' };
    const refused = async (input: Record<string, unknown>) => {
      const res = await t.gql(REGISTER_CLIENT, { i: { ...base, ...input } }, w.admin);
      return { code: errorCode(res), field: res.errors?.[0]?.extensions?.field };
    };
    expect(await refused({ operations: ['createUser'] })).toEqual({ code: 'BAD_USER_INPUT', field: 'operations' });
    expect(await refused({ operations: ['noSuchOperation'] })).toEqual({ code: 'BAD_USER_INPUT', field: 'operations' });
    expect(await refused({ webhookUrl: 'ftp://x.example.cn/h' })).toEqual({ code: 'BAD_USER_INPUT', field: 'webhookUrl' });
    expect(await refused({ webhookUrl: 'not an address' })).toEqual({ code: 'BAD_USER_INPUT', field: 'webhookUrl' });
    expect(await refused({ webhookUrl: 'https://user:pw@x.example.cn/h' })).toEqual({ code: 'BAD_USER_INPUT', field: 'webhookUrl' });
    expect(await refused({ regionId: w.regions.GZ })).toEqual({ code: 'BAD_USER_INPUT', field: 'regionId' });
    expect(await refused({ unionIds: [987654] })).toEqual({ code: 'BAD_USER_INPUT', field: 'unionIds' });
    expect(reader.clientId).toMatch(/^rrc_[0-9a-f]{24}$/);
    expect(reader.clientSecret).toMatch(/^rrs_[A-Za-z0-9_-]{43}$/);
    expect(reader.signingSecret).toMatch(/^whsec_[0-9a-f]{64}$/);
    // Listed without any secret: the type has no such field, and the stored hash is not the secret.
    const listed = (await t.ok('{platformClients{id clientId name regionId unionIds operations active}}', {}, w.admin)).platformClients;
    expect(listed.map((c: { clientId: string }) => c.clientId)).toEqual([booker.clientId, reader.clientId]);
    expect(JSON.stringify(listed)).not.toContain(reader.clientSecret);
    expect(errorCode(await t.gql('{platformClients{id}}', {}, w.unionA.organiser))).toBe('FORBIDDEN');
  });

  it('POST /oauth/token: Basic or form credentials give a Bearer token; wrong ones 401 invalid_client; other grants and bodies 400', async () => {
    const basic = await tokenRequest(t.url, reader.clientId, reader.clientSecret, 'basic');
    expect([basic.status, basic.body.token_type, basic.body.expires_in, typeof basic.body.access_token]).toEqual([200, 'Bearer', 900, 'string']);
    expect(basic.headers['cache-control']).toBe('no-store');
    const claims = JSON.parse(Buffer.from(basic.body.access_token.split('.')[1], 'base64url').toString());
    expect({ typ: claims.typ, life: claims.exp - claims.iat }).toEqual({ typ: 'client', life: 900 });
    const form = await tokenRequest(t.url, reader.clientId, reader.clientSecret, 'form');
    expect([form.status, form.body.token_type]).toEqual([200, 'Bearer']);

    const wrong = await tokenRequest(t.url, reader.clientId, `${reader.clientSecret}x`, 'basic');
    expect([wrong.status, wrong.body.error, wrong.headers['www-authenticate']]).toEqual([401, 'invalid_client', 'Basic realm="rr-platform"']);
    expect([(await tokenRequest(t.url, reader.clientId, 'nope', 'form')).status, (await tokenRequest(t.url, 'rrc_000000000000000000000000', reader.clientSecret)).body.error]).toEqual([
      401,
      'invalid_client',
    ]);
    const grant = await tokenRequest(t.url, reader.clientId, reader.clientSecret, 'basic', 'password');
    expect([grant.status, grant.body.error]).toEqual([400, 'unsupported_grant_type']);
    const noGrant = await request(t.url).post('/oauth/token').type('form').send({ client_id: reader.clientId, client_secret: reader.clientSecret });
    expect([noGrant.status, noGrant.body.error]).toEqual([400, 'invalid_request']);
    const json = await request(t.url).post('/oauth/token').send({ grant_type: 'client_credentials', client_id: reader.clientId, client_secret: reader.clientSecret });
    expect([json.status, json.body.error]).toEqual([400, 'invalid_request']);
    const anonymous = await request(t.url).post('/oauth/token').type('form').send({ grant_type: 'client_credentials' });
    expect([anonymous.status, anonymous.body.error]).toEqual([401, 'invalid_client']);
  });

  it('a client calls its listed operations within its scope; an operation not listed, not open to clients, or outside its scope is refused', async () => {
    const token = await clientToken(t.url, reader);
    expect((await t.ok(BATCH, { id: a1.id }, token)).batch.reference).toBe(a1.reference);
    const list = (await t.ok(BATCHES, {}, token)).batches;
    expect({ total: list.totalCount, unions: [...new Set(list.edges.map((e: any) => e.node.union.id))] }).toEqual({ total: 1, unions: [w.unionA.id] });
    expect(errorCode(await t.gql(BATCH, { id: b1.id }, token))).toBe('NOT_FOUND');
    const notListed = await t.gql(REQUEST_BATCH, { i: { packageId: w.baseA.packageId, startDate: w.start, headcount: 2, unionId: w.unionA.id } }, token);
    expect([errorCode(notListed), notListed.errors![0].message]).toEqual(['FORBIDDEN', expect.stringContaining('may not call requestBatch')]);
    expect(errorCode(await t.gql('{users{id}}', {}, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql('{me{id}}', {}, token))).toBe('FORBIDDEN');
    // HTTP routes: a public one answers; one behind a sign-in is not for clients.
    expect((await request(t.url).get('/health').set('authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await request(t.url).get(`/batches/${a1.id}/participants.csv`).set('authorization', `Bearer ${token}`)).status).toBe(403);
  });

  it("a region's client books for that region's unions only; the batch's history names the client as who acted", async () => {
    const token = await clientToken(t.url, booker, 'form');
    const input = { packageId: w.baseA.packageId, startDate: w.start, headcount: 3 };
    const booked = (await t.ok(REQUEST_BATCH, { i: { ...input, unionId: w.unionA.id } }, token)).requestBatch;
    const seen = (await t.ok(BATCH, { id: booked.id }, w.unionA.organiser)).batch;
    expect(seen.history).toEqual([{ to: 'REQUESTED', actor: `client:${booker.clientId}` }]);
    expect(errorCode(await t.gql(REQUEST_BATCH, { i: { ...input, unionId: w.unionB.id } }, token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(BATCH, { id: b1.id }, token))).toBe('NOT_FOUND');
  });

  it('a revoked client: the token it holds is refused on the very next request, and it gets no new one', async () => {
    const victim = await registerClient(t, w.admin, { name: 'to revoke', unionIds: [w.unionA.id], operations: ['batch'], webhookUrl: 'https://r.example.cn/h' });
    const token = await clientToken(t.url, victim);
    expect((await t.ok(BATCH, { id: a1.id }, token)).batch.id).toBe(a1.id);
    expect((await t.ok('mutation($id:Int!){revokePlatformClient(id:$id){active revokedAt}}', { id: victim.id }, w.admin)).revokePlatformClient.active).toBe(false);
    const after = await t.gql(BATCH, { id: a1.id }, token);
    expect([errorCode(after), after.data?.batch ?? null]).toEqual(['UNAUTHENTICATED', null]);
    expect((await tokenRequest(t.url, victim.clientId, victim.clientSecret)).status).toBe(401);
  });

  it('a new secret: the old secret and tokens stop at once, the new one works', async () => {
    const c = await registerClient(t, w.admin, { name: 'to rotate', unionIds: [w.unionA.id], operations: ['batch'], webhookUrl: 'https://r.example.cn/h' });
    const old = await clientToken(t.url, c);
    const rotated = (await t.ok('mutation($id:Int!){rotatePlatformClientSecret(id:$id){clientSecret signingSecret}}', { id: c.id }, w.admin)).rotatePlatformClientSecret;
    expect(rotated.clientSecret).not.toBe(c.clientSecret);
    expect(rotated.signingSecret).not.toBe(c.signingSecret);
    expect(errorCode(await t.gql(BATCH, { id: a1.id }, old))).toBe('UNAUTHENTICATED');
    expect((await tokenRequest(t.url, c.clientId, c.clientSecret)).status).toBe(401);
    const fresh = await clientToken(t.url, { ...c, clientSecret: rotated.clientSecret });
    expect((await t.ok(BATCH, { id: a1.id }, fresh)).batch.id).toBe(a1.id);
  });

  it('past its requests per minute a client gets TOO_MANY_REQUESTS with a retry hint', async () => {
    const c = await registerClient(t, w.admin, { name: 'slow', unionIds: [w.unionA.id], operations: ['batch'], webhookUrl: 'https://s.example.cn/h', requestsPerMinute: 3 });
    const token = await clientToken(t.url, c);
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 4; i++) codes.push(errorCode(await t.gql(BATCH, { id: a1.id }, token)));
    expect(codes).toEqual([undefined, undefined, undefined, 'TOO_MANY_REQUESTS']);
    const limited = await t.gql(BATCH, { id: a1.id }, token);
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(20);
    // Another client's allowance is its own.
    expect(errorCode(await t.gql(BATCH, { id: a1.id }, await clientToken(t.url, reader)))).toBeUndefined();
  });
});
