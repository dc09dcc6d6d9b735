import request from 'supertest';
import { ADMIN_PASSWORD, DB_KIND, startTestApp, type TestApp } from './support/test-app.js';

/** Limits on the shape and size of a request, so one POST cannot cost the server minutes. */
describe(`request limits (${DB_KIND})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('refuses 16 aliased logins in one request before running any of them', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: login(username:"admin",password:"guess${i}"){accessToken}`).join(' ');
    const started = Date.now();
    const res = await t.gql(`mutation{${aliases}}`);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/aliases/i);
    // scrypt costs tens of milliseconds a guess: 16 guesses would take far longer than a refusal.
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('refuses queries nested deeper than 10 levels', async () => {
    const deep = '{ batches(first: 1) { edges { node { base { packages { base { packages { base { packages { base { packages { id } } } } } } } } } } } }';
    const res = await t.gql(deep, {}, admin);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/depth/i);
  });

  it('refuses a query of over 2,000 tokens, saying so rather than calling it a syntax error', async () => {
    const res = await t.gql(`{ me { ${'id '.repeat(2100)}} }`, {}, admin);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/^Request too large: .*token/i);
  });

  it('refuses a body over 1 MB, a body that is not JSON, and batched arrays of operations', async () => {
    const big = await request(t.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(1_100_000) } });
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'body' });
    const broken = await request(t.url).post('/graphql').set('content-type', 'application/json').send('{"query": not json');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0]).toMatchObject({ message: expect.stringContaining('not valid JSON'), extensions: { code: 'BAD_USER_INPUT' } });
    const batched = await request(t.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${admin}`)
      .send([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]);
    expect(batched.status).toBe(400);
  });

  it('still answers an ordinary query', async () => {
    expect((await t.ok('{ me { username role } }', {}, admin)).me).toEqual({ username: 'admin', role: 'ADMIN' });
  });
});
