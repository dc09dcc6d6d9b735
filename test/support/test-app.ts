import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@app/shared';
import mysql from 'mysql2/promise';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory.js';

/** Which database this run uses: MariaDB/MySQL when DATABASE_URL says so, else a fresh SQLite file per app. */
export const DB_KIND: 'mysql' | 'sqlite' = process.env.DATABASE_URL?.startsWith('mysql') ? 'mysql' : 'sqlite';
export const ADMIN_PASSWORD = 'admin-test-password';

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

/** GraphQL calls to one running API, in-process or a child process. */
export interface ApiClient {
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** As gql, but fails the test on any error and returns data. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(username: string, password: string): Promise<string>;
}

export interface TestApp extends ApiClient {
  app: INestApplication;
  config: AppConfig;
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/** A database of its own for one app: a new MariaDB database, or a temporary SQLite file. */
export async function freshDatabase(): Promise<{ config: AppConfig['database']; drop: () => Promise<void> }> {
  const name = `rr_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (DB_KIND === 'mysql') {
    const server = new URL(process.env.DATABASE_URL!);
    server.pathname = '/';
    const admin = await mysql.createConnection(server.toString());
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    return {
      config: { type: 'mysql', url: url.toString() },
      drop: async () => {
        const c = await mysql.createConnection(server.toString());
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  }
  const path = join(tmpdir(), `${name}.sqlite`);
  return {
    config: { type: 'sqlite', path },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  };
}

/** A fixed data key, so a test can decrypt what it finds in the raw tables. */
export const TEST_DATA_KEY = Buffer.from('7e1c0f3a9b2d4e6f8a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071', 'hex');

export function testConfig(database: AppConfig['database'], overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    production: false,
    port: 0,
    workers: 1,
    host: '127.0.0.1',
    shutdownTimeoutSeconds: 20,
    publicUrl: 'https://rr.example.cn',
    database,
    demoData: false,
    adminPassword: ADMIN_PASSWORD,
    jwtSecret: randomBytes(32).toString('hex'),
    jwtTtlSeconds: 3600,
    holdTtlSeconds: 48 * 3600,
    holdSweepSeconds: 0,
    waitlistOfferHours: 24,
    schemaFile: false,
    explorer: true,
    dataKey: TEST_DATA_KEY,
    // Quiet tests: errors only (as Nest's logger was set before), every request line with LOG_LEVEL=info.
    logLevel: (process.env.LOG_LEVEL as AppConfig['logLevel']) || (process.env.LOG_SQL === 'true' ? 'info' : 'error'),
    metricsToken: null,
    platformTokenTtlSeconds: 900,
    webhookSweepSeconds: 0,
    webhookTimeoutSeconds: 5,
    ...overrides,
  };
}

/** Boots the real API on its own database and listens on a free port. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const config = testConfig(db.config, overrides);
  const app = await createApp(config, { logger: process.env.LOG_SQL === 'true' ? ['error', 'warn', 'log'] : ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    ...apiClient(`http://127.0.0.1:${address.port}`),
    app,
    config,
    get: (type) => app.get(type as never),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** A client of the API answering at `url`. */
export function apiClient(url: string): ApiClient {
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const req = request(url).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return res.body as GqlResult<T>;
  };
  const ok = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> => {
    const res = await gql<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data!;
  };
  const login = async (username: string, password: string) =>
    (await ok<{ login: { accessToken: string } }>('mutation($u:String!,$p:String!){login(username:$u,password:$p){accessToken}}', { u: username, p: password })).login.accessToken;

  return { url, gql, ok, login };
}

/** The first error's code, for assertions. */
export function errorCode(res: GqlResult): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** A second API on the database of `first` (as another process would be, with its own pool and sweeps): MySQL only. */
export async function startTwinApp(first: TestApp): Promise<{ get: TestApp['get']; close: () => Promise<void> }> {
  const app = await createApp(first.config, { logger: ['error'] });
  await app.init();
  return { get: (type) => app.get(type as never), close: () => app.close() };
}
