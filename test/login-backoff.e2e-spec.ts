import { request as httpRequest } from 'node:http';
import { Clock } from '@app/shared';
import { ADMIN_PASSWORD, DB_KIND, type GqlResult, startTestApp, type TestApp } from './support/test-app.js';

const LOGIN = 'mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}';
const CREATE = 'mutation($i:CreateUserInput!){createUser(input:$i){id}}';

/** Per-account and per-address backoff on failed sign-ins, through the API, with the app's Clock moved instead of sleeping. */
describe(`login backoff (${DB_KIND})`, () => {
  let t: TestApp;
  let now = Date.parse('2026-12-04T10:00:00Z');

  /** A login sent from a chosen local address (127.0.0.x), as a client elsewhere would. */
  function login(username: string, password: string, from = '127.0.0.1'): Promise<GqlResult> {
    const body = JSON.stringify({ query: LOGIN, variables: { u: username, p: password } });
    const url = new URL('/graphql', t.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(JSON.parse(text) as GqlResult));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  const outcome = (res: GqlResult) => (res.data?.login ? 'OK' : res.errors?.[0]?.extensions?.code);

  beforeAll(async () => {
    t = await startTestApp();
    t.get(Clock).now = () => new Date(now);
    const admin = await t.login('admin', ADMIN_PASSWORD);
    for (const username of ['victim', 'neighbour', 'measured']) await t.ok(CREATE, { i: { username, password: 'right-password-1', role: 'ADMIN' } }, admin);
  });
  afterAll(() => t.close());
  // Each case starts after every earlier count is forgotten (an hour without failures).
  beforeEach(() => (now += 2 * 3600_000));

  it('5 wrong passwords, then even the right one is refused until the wait is over; other accounts and addresses are not', async () => {
    for (let i = 0; i < 5; i++) expect(outcome(await login('victim', `wrong-${i}`))).toBe('UNAUTHENTICATED');
    const refused = await login('victim', 'right-password-1');
    expect(refused.errors).toEqual([
      {
        message: `Too many failed sign-ins for this account: try again in 30 seconds (at ${new Date(now + 30_000).toISOString().replace('.000Z', 'Z')})`,
        locations: expect.any(Array),
        path: ['login'],
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 },
      },
    ]);
    expect(refused.data).toBeNull();
    // The account waits from any address; another account from the same address signs in.
    expect(outcome(await login('victim', 'right-password-1', '127.0.0.2'))).toBe('TOO_MANY_REQUESTS');
    expect(outcome(await login('neighbour', 'right-password-1'))).toBe('OK');
    now += 29_000;
    expect((await login('victim', 'right-password-1')).errors?.[0]?.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 1 });
    now += 1_000;
    expect(outcome(await login('victim', 'right-password-1'))).toBe('OK');
    // The success cleared the count: four more mistakes are allowed again.
    for (let i = 0; i < 4; i++) expect(outcome(await login('victim', `wrong-${i}`))).toBe('UNAUTHENTICATED');
    expect(outcome(await login('victim', 'right-password-1'))).toBe('OK');
  });

  it('repeated failures after a wait double it', async () => {
    for (let i = 0; i < 5; i++) await login('victim', `wrong-${i}`);
    now += 30_000;
    expect(outcome(await login('victim', 'wrong-again'))).toBe('UNAUTHENTICATED');
    expect((await login('victim', 'right-password-1')).errors?.[0]?.extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 60 });
    now += 60_000;
    expect(outcome(await login('victim', 'right-password-1'))).toBe('OK');
  });

  it('200 wrong passwords: 5 are checked, 195 refused; the address then waits, other addresses do not', async () => {
    const started = performance.now();
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 200; i++) {
      const code = outcome(await login('measured', `guess-${i}`, '127.0.0.3'))!;
      outcomes[code] = (outcomes[code] ?? 0) + 1;
    }
    const ms = performance.now() - started;
    console.log(`200 wrong passwords for one account from one address: ${Math.round(ms)} ms, ${JSON.stringify(outcomes)}`);
    expect(outcomes).toEqual({ UNAUTHENTICATED: 5, TOO_MANY_REQUESTS: 195 });
    // Spraying from one address: one guess at each of 20 usernames, then the address waits.
    for (let i = 0; i < 19; i++) expect(outcome(await login(`nobody-${i}`, 'guess', '127.0.0.4'))).toBe('UNAUTHENTICATED');
    expect(outcome(await login('nobody-19', 'guess', '127.0.0.4'))).toBe('UNAUTHENTICATED');
    const sprayed = await login('neighbour', 'right-password-1', '127.0.0.4');
    expect(sprayed.errors?.[0]?.message).toMatch(/^Too many failed sign-ins from your address: try again in 30 seconds/);
    expect(outcome(await login('neighbour', 'right-password-1', '127.0.0.5'))).toBe('OK');
  });
});
