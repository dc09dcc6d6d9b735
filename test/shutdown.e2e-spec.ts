import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { type BuiltServer, ensureBuilt, startBuiltServer } from './support/built-server.js';
import { DB_KIND } from './support/test-app.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  at: number;
}

/** POSTs a GraphQL query over a keep-alive connection; `sent` resolves once the whole request is on the wire. */
function post(url: string, query: string): { sent: Promise<void>; answer: Promise<Answer> } {
  let markSent!: () => void;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(`${url}/graphql`, { method: 'POST', agent: new Agent({ keepAlive: true }), headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text), at: Date.now() }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query }), markSent);
  });
  return { sent, answer };
}

function connectionRefused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

// Six aliased logins run one after the other (mutation fields are serial), each a real scrypt
// hash on the thread pool: a genuinely slow request that leaves the event loop free for the signal.
const SLOW = `mutation { ${Array.from({ length: 6 }, (_, i) => `l${i}: login(username: "admin", password: "admin-test-password") { accessToken }`).join(' ')} }`;

describe(`graceful shutdown of the built server (${DB_KIND})`, () => {
  let server: BuiltServer;
  beforeAll(() => ensureBuilt());
  afterEach(() => server?.stop());

  it('on SIGTERM answers the request in flight in full with Connection: close, refuses new connections, and exits 0', async () => {
    server = await startBuiltServer();
    const started = Date.now();
    const warm = await post(server.url, SLOW).answer;
    const slowMs = Date.now() - started;
    expect(warm.status).toBe(200);

    const inFlight = post(server.url, SLOW);
    await inFlight.sent;
    await new Promise((r) => setTimeout(r, 50));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    expect(await connectionRefused(server.port)).toBe('ECONNREFUSED');

    const answer = await inFlight.answer;
    expect(answer.at).toBeGreaterThan(signalledAt);
    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body.errors).toBeUndefined();
    expect(Object.keys(answer.body.data)).toHaveLength(6);
    for (const login of Object.values<{ accessToken: string }>(answer.body.data)) expect(login.accessToken).toMatch(/^ey/);

    expect(await server.exited).toEqual({ code: 0, signal: null });
    const log = server.output();
    expect(log).toMatch(/SIGTERM: no new connections; answering 1 request\(s\) in flight/);
    expect(log).toMatch(/answered everything; sweeps stopped and the database closed/);
    console.log(`slow request ${slowMs} ms; answered ${answer.at - signalledAt} ms after SIGTERM`);
  });

  it('ends anyway after SHUTDOWN_TIMEOUT_SECONDS when a client never finishes its request', async () => {
    server = await startBuiltServer({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    // Headers promising a body that never comes: the connection stays busy until the deadline.
    const stalled = connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
    stalled.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    stalled.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const signalledAt = Date.now();
    server.child.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 1, signal: null });
    const took = Date.now() - signalledAt;
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(5000);
    expect(server.output()).toMatch(/still open after 1 s; exiting anyway/);
    stalled.destroy();
  });
});
