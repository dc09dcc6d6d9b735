import { createHash } from 'node:crypto';
import request from 'supertest';
import { ADMIN_PASSWORD, DB_KIND, errorCode, startTestApp, type TestApp } from './support/test-app.js';
import { regionIds } from './support/world.js';

const INTROSPECTION = '{ __schema { queryType { name } } }';

/** What every HTTP answer carries, and who may read the schema in production. */
describe(`the HTTP surface (${DB_KIND})`, () => {
  describe('headers', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp()));
    afterAll(() => t.close());

    it('every answer carries helmet security headers and no X-Powered-By: GraphQL, errors, health, unknown routes', async () => {
      const answers = [
        await request(t.url).post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' }),
        await request(t.url).post('/graphql').set('content-type', 'application/json').send('{"query": not json'),
        await request(t.url).get('/health'),
        await request(t.url).get('/no-such-route'),
      ];
      expect(answers.map((res) => res.status)).toEqual([200, 400, 200, 404]);
      for (const res of answers) {
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers).toMatchObject({
          'content-security-policy': expect.stringContaining("default-src 'self'"),
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
        });
      }
    });

    it("the explorer page has its own policy, whose hashes are the page's inline script and style: they apply, nothing else does", async () => {
      const page = await request(t.url).get('/graphql').set('accept', 'text/html');
      expect(page.status).toBe(200);
      const hash = (tag: string) =>
        createHash('sha256')
          .update(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(page.text)![1])
          .digest('base64');
      expect(page.headers['content-security-policy']).toBe(
        `default-src 'none'; script-src 'sha256-${hash('script')}'; style-src 'sha256-${hash('style')}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      );
      expect(page.text.match(/<style/g)).toHaveLength(1);
      expect(page.text.match(/<script/g)).toHaveLength(1);
      expect(page.headers['x-powered-by']).toBeUndefined();
    });

    it('in development anyone may introspect', async () => {
      expect((await t.ok(INTROSPECTION)).__schema.queryType.name).toBe('Query');
    });
  });

  describe('in production (NODE_ENV=production)', () => {
    let t: TestApp;
    let admin: string;
    let partner: string;
    beforeAll(async () => {
      t = await startTestApp({ production: true });
      admin = await t.login('admin', ADMIN_PASSWORD);
      const regions = await regionIds(t, admin);
      await t.ok('mutation($i:CreateUserInput!){createUser(input:$i){id}}', { i: { username: 'partner-p', password: 'partner-password-1', role: 'PARTNER', regionId: regions.SZ } }, admin);
      partner = await t.login('partner-p', 'partner-password-1');
    });
    afterAll(() => t.close());

    it.each([
      ['nobody signed in', () => undefined],
      ['a partner', () => partner],
      ['a bad token', () => 'not-a-token'],
    ])('refuses introspection to %s with FORBIDDEN (403), running nothing', async (_who, token) => {
      for (const query of [INTROSPECTION, '{ __type(name: "Batch") { fields { name } } }', '{ me { id } ...on Query { __schema { types { name } } } }']) {
        const req = request(t.url).post('/graphql').set('content-type', 'application/json');
        const tok = token();
        if (tok) req.set('authorization', `Bearer ${tok}`);
        const res = await req.send({ query });
        expect(res.status).toBe(403);
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors).toEqual([
          { message: 'Only the federation admin may read the schema here: sign in as admin (the explorer page signs in at the top)', extensions: { code: 'FORBIDDEN' } },
        ]);
      }
    });

    it('lets the admin introspect, as the explorer page does, and leaves __typename to everyone', async () => {
      const types = await t.ok<{ __schema: { types: Array<{ name: string }> } }>('{ __schema { types { name } } }', {}, admin);
      expect(types.__schema.types.map((type) => type.name)).toContain('Batch');
      expect(await t.ok('{ __typename }')).toEqual({ __typename: 'Query' });
      expect(errorCode(await t.gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
    });

    it('still serves the explorer page (its schema view works once an admin signs in)', async () => {
      const page = await request(t.url).get('/graphql').set('accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('GraphQL explorer');
    });
  });
});
