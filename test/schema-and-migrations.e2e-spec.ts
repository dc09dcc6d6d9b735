import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, loadConfig, todayInShanghai } from '@app/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/app.factory.js';
import { ADMIN_PASSWORD, DB_KIND, freshDatabase, startTestApp, testConfig } from './support/test-app.js';

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

  it('loads the demo data into an empty database: 7 Yunfu bases and 3 partner bases, 10 unions, accounts per role, the exchange', async () => {
    const t = await startTestApp({ demoData: true, adminPassword: 'admin-demo' });
    try {
      const admin = await t.login('admin', 'admin-demo');
      const all = await t.ok<any>('{ bases { id name county isDemo region { code } packages { id privateForUnionId pricePeriods { season } } } unions { code city } }', {}, admin);
      const unions = all.unions;
      const bases = all.bases.filter((b: any) => b.region.code === 'YF');
      expect(bases).toHaveLength(7);
      // Staggering figures to look at (issue 16): a request and a move refused over base 2's closed week, one batch moved.
      const staggering = (
        await t.ok<any>(
          'query($f:Date!,$t:Date!){statistics(from:$f,to:$t,groupBy:BASE){staggering{baseId refusedRequests refusedMoves moves}}}',
          { f: todayInShanghai(), t: addDays(todayInShanghai(), 365) },
          admin,
        )
      ).statistics.staggering;
      expect(
        staggering.reduce((s: any, r: any) => ({ refusedRequests: s.refusedRequests + r.refusedRequests, refusedMoves: s.refusedMoves + r.refusedMoves, moves: s.moves + r.moves }), {
          refusedRequests: 0,
          refusedMoves: 0,
          moves: 0,
        }),
      ).toEqual({
        refusedRequests: 1,
        refusedMoves: 1,
        moves: 1,
      });
      expect(all.bases.filter((b: any) => b.region.code !== 'YF').map((b: any) => [b.region.code, b.isDemo])).toEqual([
        ['SZ', true],
        ['ZH', true],
        ['GZ', true],
      ]);
      for (const base of bases) {
        expect(base.isDemo).toBe(true);
        expect(base.packages.length).toBeGreaterThanOrEqual(2);
        expect(base.packages.length).toBeLessThanOrEqual(3);
        // Seasons at every base (issue 16): off-peak, peak, shoulder; a stay made to order keeps its quoted price.
        for (const p of base.packages.filter((x: any) => x.privateForUnionId === null)) expect(p.pricePeriods.map((x: any) => x.season)).toEqual(['OFF_PEAK', 'PEAK', 'SHOULDER']);
      }
      expect(new Set(bases.map((b: any) => b.county))).toEqual(new Set(['新兴县', '罗定市', '郁南县', '云城区', '云安区']));
      // The twelve regions' federations come with the schema; the demo adds a district union in ten of them.
      const demo = unions.filter((u: any) => !u.code.endsWith('-FED'));
      expect(demo.map((u: any) => u.city).sort()).toEqual(['东莞', '中山', '云浮', '佛山', '广州', '惠州', '江门', '深圳', '珠海', '肇庆'].sort());
      expect(
        unions
          .filter((u: any) => u.code.endsWith('-FED'))
          .map((u: any) => u.city)
          .sort(),
      ).toEqual(['东莞', '中山', '云浮', '佛山', '广州', '惠州', '江门', '深圳', '珠海', '肇庆', '香港', '澳门'].sort());
      for (const [username, role] of [
        ['operator', 'BASE_OPERATOR'],
        ['organiser', 'UNION_ORGANISER'],
        ['partner', 'PARTNER'],
        ['partner-sz', 'PARTNER'],
        ['partner-zh', 'PARTNER'],
        ['partner-gz', 'PARTNER'],
        ['operator-sz', 'BASE_OPERATOR'],
      ]) {
        const token = await t.login(username, 'demo1234');
        expect((await t.ok<any>('{ me { role } }', {}, token)).me.role).toBe(role);
      }
      expect((await t.ok<any>('{ capacityAudit { date } }', {}, admin)).capacityAudit).toEqual([]);
      // Two ACTIVE agreements with 云浮 (a voucher, a discount) and one awaiting 云浮's answer; a year of exchange both ways.
      const partner = await t.login('partner', 'demo1234');
      const { agreements } = await t.ok<any>('{ agreements { status benefits { type } partnerRegion { code } proposerRegion { code } } }', {}, partner);
      expect(agreements.map((a: any) => [a.proposerRegion.code, a.status, a.benefits.map((b: any) => b.type).sort()])).toEqual([
        ['GZ', 'PROPOSED', ['VOUCHER_PER_PERSON']],
        ['ZH', 'ACTIVE', ['DISCOUNT_PERCENT', 'NONE']],
        ['SZ', 'ACTIVE', ['VOUCHER_PER_PERSON']],
      ]);
      const regions = Object.fromEntries((await t.ok<any>('{ regions { id code } }', {}, admin)).regions.map((r: any) => [r.code, r.id]));
      const { reciprocity } = await t.ok<any>(
        'query($r:Int!,$f:Date!,$t:Date!){ reciprocity(regionId:$r,from:$f,to:$t){ partners { partnerRegion { code } sent { personVisits } received { personVisits } } } }',
        { r: regions.YF, f: addDays(todayInShanghai(), -365), t: todayInShanghai() },
        partner,
      );
      for (const p of reciprocity.partners) expect([p.partnerRegion.code, p.sent.personVisits > 0, p.received.personVisits > 1000]).toEqual([p.partnerRegion.code, true, true]);
      expect(reciprocity.partners.map((p: any) => p.partnerRegion.code)).toEqual(['SZ', 'ZH']);
      // The confirmed demo batch has most of its rooming list, with valid (made-up) documents.
      const organiser = await t.login('organiser', 'demo1234');
      const { batches } = await t.ok<any>(
        '{ batches(filter: { status: CONFIRMED }) { edges { node { status headcount participantCount participants { idNumber idNumberMasked } } } } }',
        {},
        organiser,
      );
      const confirmed = batches.edges.map((e: any) => e.node).find((b: any) => b.status === 'CONFIRMED');
      expect(confirmed).toMatchObject({ headcount: 40, participantCount: 36 });
      expect(confirmed.participants[0].idNumberMasked).toMatch(/^440106\*{8}\d{3}[\dX]$/);
      expect(confirmed.participants[0].idNumber).toMatch(/^440106\d{11}[\dX]$/);
      // Two years of history at the city's scale: the last year against the one before.
      const today = todayInShanghai();
      const { statistics } = await t.ok<any>(
        'query($f:Date!,$t:Date!){statistics(from:$f,to:$t,groupBy:BASE){rows{key current{batches personVisits consumption outstanding} previousYear{personVisits consumption}}}}',
        { f: addDays(today, -365), t: addDays(today, -1) },
        admin,
      );
      // The seven Yunfu bases (云浮's own groups at partner bases are counted at those bases).
      const yunfu = statistics.rows.filter((r: any) => bases.some((b: any) => String(b.id) === r.key));
      expect(yunfu).toHaveLength(7);
      const sum = (pick: (r: any) => number | string) => yunfu.reduce((s: number, r: any) => s + Math.round(Number(pick(r)) * 100), 0) / 100;
      expect([sum((r) => r.current.batches), sum((r) => r.current.personVisits), sum((r) => r.current.consumption)]).toEqual([350, 26000, 50_000_000]);
      expect([sum((r) => r.previousYear.personVisits), sum((r) => r.previousYear.consumption)]).toEqual([12500, 30_020_000]);
      expect(sum((r) => r.current.outstanding)).toBeGreaterThan(0);
      // The README's billing examples: at the operator's base, a batch checked in today and one completed without a bill, under the ids it names.
      const operator = await t.login('operator', 'demo1234');
      const STAYS =
        'query($s:BatchStatus!){ batches(filter: { status: $s }, first: 20) { totalCount edges { node { id status base { id } union { code } startDate endDate arrivals bills { id } } } } }';
      const inProgress = (await t.ok<any>(STAYS, { s: 'CHECKED_IN' }, operator)).batches;
      expect(inProgress.edges.map((e: any) => e.node)).toEqual([
        { id: 538, status: 'CHECKED_IN', base: { id: bases[0].id }, union: { code: 'GZ-HZQ' }, startDate: today, endDate: addDays(today, 4), arrivals: 30, bills: [] },
      ]);
      const completed = (await t.ok<any>(STAYS, { s: 'COMPLETED' }, operator)).batches;
      expect(completed.totalCount).toBeLessThanOrEqual(20);
      expect(completed.edges.map((e: any) => e.node).filter((b: any) => b.bills.length === 0)).toEqual([
        { id: 521, status: 'COMPLETED', base: { id: bases[0].id }, union: { code: 'GZ-HZQ' }, startDate: addDays(today, -5), endDate: addDays(today, -1), arrivals: 30, bills: [] },
      ]);
      // The README's waiting list: the organiser's entry 1 OFFERED the beds of a cancelled batch, a 深圳 union's entry 2 (too many for them) still waiting, entry 3 waiting for the spa base to reopen.
      const waiting = (await t.ok<any>('{ waitingList(first: 20) { totalCount edges { node { id status baseId headcount startDate } } } }', {}, admin)).waitingList;
      expect(waiting.edges.map((e: any) => [e.node.id, e.node.status, e.node.baseId, e.node.headcount, e.node.startDate])).toEqual([
        [1, 'OFFERED', bases[0].id, 20, addDays(today, 84)],
        [2, 'WAITING', bases[0].id, 30, addDays(today, 84)],
        [3, 'WAITING', bases[1].id, 20, addDays(today, 61)],
      ]);
      expect((await t.ok<any>('{ waitingList { totalCount } }', {}, organiser)).waitingList.totalCount).toBe(2);
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

  (DB_KIND === 'sqlite' ? it : it.skip)('writes the SQLite file and its WAL readable by the owner only (0600), even under a lax umask', async () => {
    const previous = process.umask(0o002);
    const t = await startTestApp();
    try {
      await t.login('admin', ADMIN_PASSWORD);
      const path = (t.config.database as { path: string }).path;
      expect([path, `${path}-wal`].map((file) => statSync(file).mode & 0o777)).toEqual([0o600, 0o600]);
    } finally {
      await t.close();
      process.umask(previous);
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
    // The notice's links are built on PUBLIC_URL: by default this machine's port, never with a trailing slash.
    expect(embedded.publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ SQLITE_PATH: join(dir, 'x.sqlite'), PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ SQLITE_PATH: join(dir, 'x.sqlite'), PUBLIC_URL: ' https://rr.example.cn/ ' }).publicUrl).toBe('https://rr.example.cn');
    expect(() => loadConfig({ SQLITE_PATH: join(dir, 'x.sqlite'), PUBLIC_URL: 'rr.example.cn' })).toThrow(/PUBLIC_URL/);
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
    // Production wants real secrets (refusals: libs/shared/src/config/app-config.spec.ts).
    const PRODUCTION_KEY = '7e1c0f3a9b2d4e6f8a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071';
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: PRODUCTION_KEY.slice(0, 40), DATABASE_URL: 'mysql://u@h/db', PORT: '8080', DATA_KEY: PRODUCTION_KEY });
    expect(production).toMatchObject({ port: 8080, demoData: false, adminPassword: null, explorer: true, schemaFile: false, dataKey: Buffer.from(PRODUCTION_KEY, 'hex') });
    // Loopback unless HOST opens it (the Dockerfile sets 0.0.0.0); 20 s to drain at shutdown.
    expect(production).toMatchObject({ host: '127.0.0.1', shutdownTimeoutSeconds: 20 });
    expect(loadConfig({ DATABASE_URL: 'mysql://u@h/db', DATA_KEY: KEY, HOST: '0.0.0.0', SHUTDOWN_TIMEOUT_SECONDS: '5' })).toMatchObject({ host: '0.0.0.0', shutdownTimeoutSeconds: 5 });
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db', DATA_KEY: KEY, SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS/);
    expect(loadConfig({ DATABASE_URL: 'mysql://u@h/db', DEMO_DATA: 'true', ADMIN_PASSWORD: 'pw', DATA_KEY: KEY })).toMatchObject({ demoData: true, adminPassword: 'pw' });
  });
});
