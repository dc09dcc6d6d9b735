import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/shared';
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
      expect(unions.map((u: any) => u.city).sort()).toEqual(['东莞', '中山', '云浮', '佛山', '广州', '惠州', '江门', '深圳', '珠海', '肇庆'].sort());
      for (const [username, role] of [['operator', 'BASE_OPERATOR'], ['organiser', 'UNION_ORGANISER'], ['partner', 'PARTNER']]) {
        const token = await t.login(username, 'demo1234');
        expect((await t.ok<any>('{ me { role } }', {}, token)).me.role).toBe(role);
      }
      expect((await t.ok<any>('{ capacityAudit { date } }', {}, admin)).capacityAudit).toEqual([]);
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
    const embedded = loadConfig({ SQLITE_PATH: '/tmp/x.sqlite' });
    expect(embedded).toMatchObject({ port: 3000, demoData: true, adminPassword: 'admin-demo', database: { type: 'sqlite', path: '/tmp/x.sqlite' } });
    expect(embedded.holdTtlSeconds).toBe(48 * 3600);
    expect(embedded.holdSweepSeconds).toBe(60);
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret', DATABASE_URL: 'mysql://u@h/db', PORT: '8080' });
    expect(production).toMatchObject({ port: 8080, demoData: false, adminPassword: null, explorer: false, schemaFile: false });
    expect(loadConfig({ DATABASE_URL: 'mysql://u@h/db', DEMO_DATA: 'true', ADMIN_PASSWORD: 'pw' })).toMatchObject({ demoData: true, adminPassword: 'pw' });
  });
});
