import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CONNECT_TIMEOUT_MS } from './data-source-options.js';

/** How long a starting process waits for another one's migrations or first data before giving up. */
export const STARTUP_LOCK_WAIT_SECONDS = 300;

export type LockOutcome<T> = { acquired: true; result: T } | { acquired: false };

/**
 * MySQL's lock names are server-wide (not per database) and at most 64 characters: the database's
 * name goes in, so the test suite's many databases on one server never block each other.
 */
export function lockName(database: string, purpose: string): string {
  const name = `rr:${database}:${purpose}`;
  return name.length <= 64 ? name : `rr:${createHash('sha256').update(name).digest('hex').slice(0, 61)}`;
}

/**
 * Runs `work` only while this process holds the lock named `purpose` for this database, so that
 * of many API processes on one database a single one does it at a time (migrations, the first
 * data, each sweep run). On MySQL it is `GET_LOCK`, held by a connection of its own, outside the
 * pool: the work's queries never wait behind the lock's connection (a pool of 2 cannot deadlock),
 * and if the process dies its connection closes and the server frees the lock — there is no lease
 * to expire and nothing to clean up. `waitSeconds` 0 tries once; `onWait` is told when another
 * process holds it and this one waits.
 *
 * SQLite: one process only (WORKERS > 1 is refused there), so the work simply runs.
 */
export async function withNamedLock<T>(dataSource: DataSource, purpose: string, waitSeconds: number, work: () => Promise<T>, onWait?: () => void): Promise<LockOutcome<T>> {
  const options = dataSource.options;
  if (options.type !== 'mysql' && options.type !== 'mariadb') return { acquired: true, result: await work() };
  const mysql = await import('mysql2/promise');
  const connection = await mysql.createConnection({ uri: options.url, connectTimeout: CONNECT_TIMEOUT_MS });
  // A server gone mid-work ends this connection (and so the lock); the work's own queries fail too.
  connection.on('error', () => undefined);
  try {
    const [[{ db }]] = (await connection.query('SELECT DATABASE() AS db')) as unknown as [[{ db: string }]];
    const name = lockName(db, purpose);
    const tryLock = async (seconds: number) => {
      const [[{ got }]] = (await connection.query('SELECT GET_LOCK(?, ?) AS got', [name, seconds])) as unknown as [[{ got: number | null }]];
      return Number(got) === 1;
    };
    let acquired = await tryLock(0);
    if (!acquired && waitSeconds > 0) {
      onWait?.();
      acquired = await tryLock(waitSeconds);
    }
    if (!acquired) return { acquired: false };
    try {
      return { acquired: true, result: await work() };
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined);
    }
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}
