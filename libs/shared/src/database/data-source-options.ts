import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions, MixedList } from 'typeorm';
import { type DatabaseConfig, DEFAULT_POOL_SIZE } from '../config/app-config.js';
import { QueryCounter } from './query-counter.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Classes = MixedList<Function | string>;

export interface SchemaSources {
  entities: Classes;
  /** One migration set per driver, each generated on its own driver. */
  migrations: { sqlite: Classes; mysql: Classes };
}

/**
 * The SQLite file holds personal data (encrypted, but with hashes and names beside it): readable by
 * its owner only. Created here at 0600 (SQLite gives its -wal and -shm files the database's mode)
 * and tightened if an older start left it wider.
 */
function privateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/** Requests that may wait for each pooled connection before new ones are refused as overload. */
export const QUEUED_PER_CONNECTION = 64;
/**
 * How long opening a MySQL connection may take (mysql2's default). A refused connection fails at
 * once whatever this says; 5 s proved too short on a saturated machine, where the event loop itself
 * is late to read the handshake and the pool's first connections timed out under a burst.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/** TypeORM options for either database; the schema always comes from migrations (runPendingMigrations), never `synchronize`. */
export function dataSourceOptions(db: DatabaseConfig, sources: SchemaSources): DataSourceOptions {
  const common = {
    entities: sources.entities,
    synchronize: false,
    // The app migrates after connecting, under a lock (locked-migrations.ts); the CLI when told.
    migrationsRun: false,
    logger: new QueryCounter(),
    logging: ['query', 'error', 'warn', 'migration'] as ('query' | 'error' | 'warn' | 'migration')[],
    maxQueryExecutionTime: 2000,
  };
  if (db.type === 'sqlite') {
    if (db.path !== ':memory:') privateFile(db.path);
    return { ...common, type: 'better-sqlite3', database: db.path, migrations: sources.migrations.sqlite, enableWAL: true };
  }
  const poolSize = db.poolSize ?? DEFAULT_POOL_SIZE;
  return {
    ...common,
    // TypeORM reads MariaDB's catalogue differently (column defaults); the wrong flavour shows false drift.
    type: db.mariadb ? 'mariadb' : 'mysql',
    url: db.url,
    migrations: sources.migrations.mysql,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DATE columns stay 'YYYY-MM-DD' text, as on SQLite; DATETIME still becomes a Date.
    dateStrings: ['DATE'],
    poolSize,
    extra: {
      // A small pool serves many clients better than a large one (STACK.md: 8 beat 256 on hot nights):
      // the rest wait here, in order, not as transactions holding locks in MySQL.
      connectionLimit: poolSize,
      // A bounded wait: past this many requests queued for a connection the process is overloaded,
      // and a quick SERVICE_UNAVAILABLE beats minutes of waiting and unbounded memory.
      queueLimit: poolSize * QUEUED_PER_CONNECTION,
      // A server that does not answer (a dropped network) fails a request in seconds, not minutes.
      connectTimeout: CONNECT_TIMEOUT_MS,
      // mysql2 otherwise captures a stack trace on every query (about 3 % of a booking's CPU in the
      // profile) only to decorate a failed query's stack; the error keeps its code and message.
      trace: false,
    },
  };
}

/** Asks the server whether it is MariaDB or MySQL, so TypeORM reads its catalogue the right way. */
export async function detectServerFlavour(db: DatabaseConfig): Promise<DatabaseConfig> {
  if (db.type !== 'mysql' || db.mariadb !== undefined) return db;
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection(db.url);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as Array<{ version: string }>)[0].version);
    return { ...db, mariadb: /mariadb/i.test(version) };
  } finally {
    await connection.end();
  }
}
