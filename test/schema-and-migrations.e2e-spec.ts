import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, loadConfig, todayInShanghai } from '@app/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/app.factory.js';
import { DB_KIND, freshDatabase, startTestApp, testConfig } from './support/test-app.js';

describe(`schema, migrations and start-up (${DB_KIND})`, () => {
  it('the migrations leave no difference from what the entities describe', async () => {
    const t = await startTestApp();
    try {
      const pending = await t.get(DataSource).driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('the committed schema.gql is what the code generates', async () => {
    const file = join(tmpdir(), `schema-${process.pid}.gql`);
    const t = await startTestApp({ schemaFile: file });
    try {
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));
    } finally {
      await t.close();
    }
  });

  it('serves an offline explorer page at GET /graphql and a health check', async () => {
    const t = await startTestApp();
    try {
      const page = await request(t.url).get('/graphql').set('accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('GraphQL explorer');
      expect(page.text).not.toMatch(/<script[^>]+src=|https?:\/\/(?!localhost)/);
      const health = await request(t.url).get('/health');
      expect(health.body).toEqual({ status: 'ok', database: DB_KIND === 'mysql' ? expect.stringMatching(/^(mysql|mariadb)$/) : 'better-sqlite3' });
    } finally {
      await t.close();
    }
  });

  it('loads the demo data into an empty database: 7 Yunfu bases, 10 unions, one account per role', async () => {
    const t = await startTestApp({ demoData: true, adminPassword: 'admin-demo' });
    try {
      const admin = await t.login('admin', 'admin-demo');
      const { bases, unions } = await t.ok<any>('{ bases { name county isDemo packages { id } } unions { code city } }', {}, admin);
      expect(bases).toHaveLength(7);
      for (const base of bases) {
        expect(base.isDemo).toBe(true);
        expect(base.packages.length).toBeGreaterThanOrEqual(2);
        expect(base.packages.length).toBeLessThanOrEqual(3);
      }
      expect(new Set(bases.map((b: any) => b.county))).toEqual(new Set(['新兴县', '罗定市', '郁南县', '云城区', '云安区']));
      // The twelve regions' federations come with the schema; the demo adds a district union in ten of them.
      const demo = unions.filter((u: any) => !u.code.endsWith('-FED'));
      expect(demo.map((u: any) => u.city).sort()).toEqual(['东莞', '中山', '云浮', '佛山', '广州', '惠州', '江门', '深圳', '珠海', '肇庆'].sort());
      expect(unions.filter((u: any) => u.code.endsWith('-FED')).map((u: any) => u.city).sort()).toEqual(['东莞', '中山', '云浮', '佛山', '广州', '惠州', '江门', '深圳', '珠海', '肇庆', '香港', '澳门'].sort());
      for (const [username, role] of [['operator', 'BASE_OPERATOR'], ['organiser', 'UNION_ORGANISER'], ['partner', 'PARTNER']]) {
        const token = await t.login(username, 'demo1234');
        expect((await t.ok<any>('{ me { role } }', {}, token)).me.role).toBe(role);
      }
      expect((await t.ok<any>('{ capacityAudit { date } }', {}, admin)).capacityAudit).toEqual([]);
      // The confirmed demo batch has most of its rooming list, with valid (made-up) documents.
      const organiser = await t.login('organiser', 'demo1234');
      const { batches } = await t.ok<any>('{ batches(filter: { status: CONFIRMED }) { edges { node { status headcount participantCount participants { idNumber idNumberMasked } } } } }', {}, organiser);
      const confirmed = batches.edges.map((e: any) => e.node).find((b: any) => b.status === 'CONFIRMED');
      expect(confirmed).toMatchObject({ headcount: 40, participantCount: 36 });
      expect(confirmed.participants[0].idNumberMasked).toMatch(/^440106\*{8}\d{3}[\dX]$/);
      expect(confirmed.participants[0].idNumber).toMatch(/^440106\d{11}[\dX]$/);
      // Two years of history at the city's scale: the last year against the one before.
      const today = todayInShanghai();
      const { statistics } = await t.ok<any>(
        'query($f:Date!,$t:Date!){statistics(from:$f,to:$t,groupBy:BASE){rows{label} total{current{batches personVisits consumption outstanding} previousYear{personVisits consumption} growth{personVisits consumption}}}}',
        { f: addDays(today, -365), t: addDays(today, -1) },
        admin,
      );
      expect(statistics.rows).toHaveLength(7);
      expect(statistics.total.current).toMatchObject({ batches: 350, personVisits: 26000, consumption: '50000000.00' });
      expect(statistics.total.previousYear).toEqual({ personVisits: 12500, consumption: '30020000.00' });
      expect(statistics.total.growth).toEqual({ personVisits: 108, consumption: 66.6 });
      expect(Number(statistics.total.current.outstanding)).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('refuses to start on an empty database without ADMIN_PASSWORD, and creates admin with it', async () => {
    const db = await freshDatabase();
    const app = await createApp(testConfig(db.config, { adminPassword: null }), { logger: false });
    try {
      await expect(app.init()).rejects.toThrow(/ADMIN_PASSWORD/);
    } finally {
      await app.close().catch(() => undefined);
      await db.drop();
    }
  });

  it('reads its configuration from the environment and refuses what cannot work', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x/y' })).toThrow(/mysql:\/\//);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    const dir = mkdtempSync(join(tmpdir(), 'rr-config-'));
    const embedded = loadConfig({ SQLITE_PATH: join(dir, 'x.sqlite') });
    expect(embedded).toMatchObject({ port: 3000, demoData: true, adminPassword: 'admin-demo', database: { type: 'sqlite', path: join(dir, 'x.sqlite') } });
    expect(embedded.holdTtlSeconds).toBe(48 * 3600);
    expect(embedded.holdSweepSeconds).toBe(60);
    // The embedded database keeps its data key beside it, private to its owner, and reads it back next time.
    expect(embedded.dataKey).toHaveLength(32);
    expect(statSync(join(dir, 'data.key')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ SQLITE_PATH: join(dir, 'x.sqlite') }).dataKey.equals(embedded.dataKey)).toBe(true);
    rmSync(dir, { recursive: true, force: true });

    const KEY = 'ab'.repeat(32);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret', DATABASE_URL: 'mysql://u@h/db' })).toThrow(/DATA_KEY is required/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(/DATA_KEY is required with DATABASE_URL/);
    for (const bad of ['abc', 'ab'.repeat(31), Buffer.alloc(16).toString('base64'), 'not base64 at all!']) {
      expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db', DATA_KEY: bad })).toThrow(/DATA_KEY must be 32 bytes/);
    }
    expect(loadConfig({ DATABASE_URL: 'mysql://u@h/db', DATA_KEY: Buffer.alloc(32, 7).toString('base64') }).dataKey).toEqual(Buffer.alloc(32, 7));
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret', DATABASE_URL: 'mysql://u@h/db', PORT: '8080', DATA_KEY: KEY });
    expect(production).toMatchObject({ port: 8080, demoData: false, adminPassword: null, explorer: false, schemaFile: false, dataKey: Buffer.from(KEY, 'hex') });
    expect(loadConfig({ DATABASE_URL: 'mysql://u@h/db', DEMO_DATA: 'true', ADMIN_PASSWORD: 'pw', DATA_KEY: KEY })).toMatchObject({ demoData: true, adminPassword: 'pw' });
  });
});
