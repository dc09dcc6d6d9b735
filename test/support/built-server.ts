import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, TEST_DATA_KEY } from './test-app.js';

const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** `nest build api` when dist/ is missing or older than a source file: these tests run what `npm run start:prod` runs. */
export function ensureBuilt(): void {
  const built = existsSync(MAIN) ? statSync(MAIN).mtimeMs : 0;
  if (built > Math.max(newestSource(join(process.cwd(), 'apps')), newestSource(join(process.cwd(), 'libs')))) return;
  execFileSync(join(process.cwd(), 'node_modules/.bin/nest'), ['build', 'api'], { stdio: 'inherit' });
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  port: number;
  /** The folder the process runs in (its SQLite file and data.key live here). */
  dir: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
}

/**
 * Starts `node dist/apps/api/src/main.js` as its own process on a fresh database and waits for /health.
 * `mysqlUrl`: on that MySQL database instead, which the caller owns (several processes on one
 * database, or a server the test stops); it is not dropped when the process stops. `answerWithinMs`:
 * how long /health may take to answer (loading the demo data takes longer than the default minute
 * on a busy machine).
 */
export async function startBuiltServer(env: Record<string, string> = {}, { mysqlUrl, answerWithinMs = 60_000 }: { mysqlUrl?: string; answerWithinMs?: number } = {}): Promise<BuiltServer> {
  const db = mysqlUrl ? { config: { type: 'mysql' as const, url: mysqlUrl }, drop: async () => undefined } : await freshDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'rr-built-'));
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      ADMIN_PASSWORD: 'admin-test-password',
      DEMO_DATA: 'false',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...(db.config.type === 'mysql' ? { DATABASE_URL: db.config.url, DATA_KEY: TEST_DATA_KEY.toString('hex') } : { SQLITE_PATH: join(dir, 'data', 'app.sqlite') }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const host = env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1';
  const url = `http://${host}:${port}`;
  const cleanup = async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + answerWithinMs;
  for (;;) {
    if (child.exitCode !== null) {
      await cleanup();
      throw new Error(`the server exited (${child.exitCode}) before answering:\n${output}`);
    }
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await cleanup();
      throw new Error(`the server did not answer /health within ${answerWithinMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    url,
    port,
    dir,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      await cleanup();
    },
  };
}
