import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './built-server.js';

const MARIADBD = '/usr/sbin/mariadbd';
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((path) => existsSync(path));

/** Whether this machine can run a MariaDB server of a test's own (Debian's mariadb-server package). */
export const canRunOwnMariaDb = existsSync(MARIADBD) && INSTALL_DB !== undefined;

/**
 * A MariaDB server of the test's own, on a free port with its own data folder, that the test may
 * kill and start again (the shared server on 3306 is never touched). Root has the empty password.
 */
export interface OwnMariaDb {
  port: number;
  /** mysql://root@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** Starts the server (again) on the same data folder and waits until it answers. */
  start(): Promise<void>;
  /** Kills it at once (SIGKILL: no goodbye to its clients, crash recovery at the next start). */
  kill(): Promise<void>;
  remove(): Promise<void>;
}

async function answers(port: number): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
    await connection.query('SELECT 1');
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

export async function createOwnMariaDb(): Promise<OwnMariaDb> {
  const dir = mkdtempSync(join(tmpdir(), 'rr-mariadb-'));
  const datadir = join(dir, 'data');
  const port = await freePort();
  // --no-defaults: the machine's my.cnf names the shared server's folder, socket and port.
  execFileSync(INSTALL_DB!, ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root'], { stdio: 'pipe' });
  let child: ChildProcess | null = null;
  const args = [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${join(dir, 'mariadb.sock')}`,
    `--pid-file=${join(dir, 'mariadb.pid')}`,
    `--log-error=${join(dir, 'error.log')}`,
    // Run as root is refused unless named (the test machine runs tests as root); ignored otherwise.
    '--user=root',
    '--skip-name-resolve',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=64M',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
  ];
  const server: OwnMariaDb = {
    port,
    url: (database) => `mysql://root@127.0.0.1:${port}/${database}`,
    async start() {
      child = spawn(MARIADBD, args, { stdio: 'ignore' });
      const started = child;
      for (const end = Date.now() + 30_000; !(await answers(port));) {
        if (started.exitCode !== null || Date.now() > end) {
          const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').slice(-2000) : '';
          throw new Error(`the test's own mariadbd did not start on port ${port}:\n${log}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    async remove() {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
