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

  const post = (body: unknown) =>
    request(t.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${admin}`)
      .send(body as object);

  it('refuses a query of over 2,000 tokens with HTTP 400 GRAPHQL_PARSE_FAILED, saying so rather than calling it a syntax error', async () => {
    const res = await post({ query: `{ me { ${'id '.repeat(2100)}} }` });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({ message: 'Request too large: Token limit of 2000 exceeded; send a smaller query', extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });

  it('answers a syntax error with HTTP 400 GRAPHQL_PARSE_FAILED, naming the kind of token but never its text', async () => {
    const idNumber = '440106198503121237';
    const cases: Array<[string, string]> = [
      ['{ me { id ', 'Syntax Error: Expected Name, found <EOF>.'],
      ['{ me { id } } }', 'Syntax Error: Unexpected "}".'],
      [`{ me { id "${idNumber}" } }`, 'Syntax Error: Expected Name, found a String.'],
      [`{ me { id ${idNumber} } }`, 'Syntax Error: Expected Name, found an Int.'],
      [`{ me(x: ${idNumber} { id } }`, 'Syntax Error: Expected Name, found "{".'],
    ];
    for (const [query, message] of cases) {
      const res = await post({ query });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0]).toMatchObject({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
      expect(JSON.stringify(res.body)).not.toContain(idNumber);
    }
  });

  it('answers the shape limits with HTTP 400 and words them as limits, not syntax errors', async () => {
    const aliases = await post({ query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }` });
    const deep = await post({ query: '{ batches(first: 1) { edges { node { base { packages { base { packages { base { packages { base { packages { id } } } } } } } } } } } }' });
    const directives = await post({ query: `{ me { id ${'@skip(if: false) '.repeat(21)}} }` });
    for (const res of [aliases, deep, directives]) {
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/^Request too large: /);
      expect(res.body.errors[0].message).not.toMatch(/Syntax Error/);
      expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('never repeats a value sent in a Date or Money variable or literal', async () => {
    const idNumber = '440106198503121237';
    const inVariable = await post({ query: 'query($f: Date!){ availability(from: $f, to: "2026-12-23", headcount: 40) { fits } }', variables: { f: idNumber } });
    const inLiteral = await post({ query: `{ availability(from: "${idNumber}", to: "2026-12-23", headcount: 40) { fits } }` });
    const asMoney = await post({ query: `mutation { createPackage(input: { baseId: 1, name: "x", nights: 3, pricePerPerson: "${idNumber}X", minGroupSize: 1, maxGroupSize: 9 }) { id } }` });
    for (const res of [inVariable, inLiteral, asMoney]) {
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(/This is not (a calendar date|an amount of money)/);
      expect(JSON.stringify(res.body)).not.toContain(idNumber);
    }
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
