// What the benchmarks share: the API on a fresh database of either kind, and a GraphQL client.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

process.env.NODE_ENV = 'production';
const { createApp } = await import('../dist/apps/api/src/app.factory.js');

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The MySQL/MariaDB server the benchmarks create their databases on. */
export function benchServer() {
  const server = new URL(process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
  server.pathname = '/';
  return server;
}

/**
 * Starts the API in production mode on a new SQLite file or a new MySQL database, with the admin
 * signed in. `close()` stops it and deletes the database.
 */
export async function openBenchApp(kind) {
  const dir = mkdtempSync(join(tmpdir(), 'rr-bench-'));
  const dbName = `rr_bench_${randomBytes(3).toString('hex')}`;
  let admin;
  let database;
  if (kind === 'sqlite') database = { type: 'sqlite', path: join(dir, 'bench.sqlite') };
  else {
    admin = await mysql.createConnection(benchServer().toString());
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const url = new URL(benchServer());
    url.pathname = `/${dbName}`;
    database = { type: 'mysql', url: url.toString() };
  }
  const dropAll = async () => {
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const app = await createApp(
      {
        production: true,
        port: 0,
        database,
        demoData: false,
        adminPassword: 'bench-admin-pw',
        jwtSecret: randomBytes(32).toString('hex'),
        jwtTtlSeconds: 3600,
        holdTtlSeconds: 48 * 3600,
        holdSweepSeconds: 0,
        schemaFile: false,
        explorer: false,
        dataKey: randomBytes(32),
      },
      { logger: ['error'] },
    );
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    const gql = async (query, variables, token) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const adminToken = (await gql('mutation{login(username:"admin",password:"bench-admin-pw"){accessToken}}')).login.accessToken;
    let stopped = false;
    let dropped = false;
    const stopApp = async () => {
      if (stopped) return;
      stopped = true;
      await app.close();
    };
    return {
      app,
      url,
      database,
      dir,
      gql,
      adminToken,
      /** Stops the API but keeps its database, for a reference measured on the same data. */
      stopApp,
      close: async () => {
        await stopApp();
        if (dropped) return;
        dropped = true;
        await dropAll();
      },
    };
  } catch (error) {
    await dropAll();
    throw error;
  }
}
