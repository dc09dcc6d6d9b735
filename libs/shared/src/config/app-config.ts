import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { productionProblems } from './production-checks.js';

/** Where the data lives: the embedded SQLite file (the default) or a MySQL server. */
export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  /** poolSize: connections per process (DB_POOL_SIZE); unset: DEFAULT_POOL_SIZE. */
  | { type: 'mysql'; url: string; mariadb?: boolean; poolSize?: number };

/**
 * Database connections per API process. A handful serves hundreds of clients better than one each:
 * on a hot night the extra transactions would only queue on the same row lock inside MySQL
 * (STACK.md: 256 clients through 8 connections booked 1,344/s, through 256 only 742/s).
 */
export const DEFAULT_POOL_SIZE = 8;

export interface AppConfig {
  production: boolean;
  port: number;
  /** Processes serving the port (node:cluster): 1 runs the API in this process; WORKERS=auto, one per core. */
  workers: number;
  /** The address the HTTP server binds: loopback unless a container (or HOST) opens it wider. */
  host: string;
  /** After SIGTERM/SIGINT, how long in-flight requests may take before the process ends anyway. */
  shutdownTimeoutSeconds: number;
  /** The address people open from outside (links and QR codes of the public notice), without a trailing slash. */
  publicUrl: string;
  database: DatabaseConfig;
  /** Load the demo bases, unions and accounts into an empty database. */
  demoData: boolean;
  /** Password of the `admin` account created on an empty database. */
  adminPassword: string | null;
  jwtSecret: string;
  jwtTtlSeconds: number;
  holdTtlSeconds: number;
  /** How often each module's sweep runs; 0 schedules none (tests run them through SweepScheduler.runAll). */
  holdSweepSeconds: number;
  /** How long beds offered to a waiting-list entry stay held for it before the offer lapses (WAITLIST_OFFER_HOURS). */
  waitlistOfferHours: number;
  /** Where the generated schema is written; false keeps it in memory. */
  schemaFile: string | false;
  /** Serve the offline GraphQL explorer page at GET /graphql (in production its schema view needs an admin's sign-in). */
  explorer: boolean;
  /** 32 bytes that encrypt and key-hash personal data (ID numbers, phones); losing it loses them. */
  dataKey: Buffer;
  /** pino's level for the JSON log lines (LOG_LEVEL): one line per request at `info`. */
  logLevel: LogLevel;
  /** Bearer token that opens GET /metrics (METRICS_TOKEN); null: open in development, closed in production. */
  metricsToken: string | null;
  /** Lifetime of a platform client's access token (PLATFORM_TOKEN_TTL_SECONDS). */
  platformTokenTtlSeconds: number;
  /** How often the webhook sweep runs (WEBHOOK_SWEEP_SECONDS); 0 schedules none. */
  webhookSweepSeconds: number;
  /** How long one webhook POST may take before it counts as failed (WEBHOOK_TIMEOUT_SECONDS). */
  webhookTimeoutSeconds: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The documented password of the demo `admin` account in the embedded demo mode only. */
export const DEMO_ADMIN_PASSWORD = 'admin-demo';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return value;
}

/** DATA_KEY: 32 bytes as 64 hex digits or as base64. */
export function parseDataKey(raw: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(text) && key.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, ''))) {
    throw new Error('DATA_KEY must be 32 bytes, written as 64 hex digits or as base64 (e.g. `openssl rand -hex 32`)');
  }
  return key;
}

/**
 * The embedded database keeps its data key in a file beside it (created once, readable by the owner
 * only), so a restart can still read what it encrypted. Servers must be given DATA_KEY.
 */
function embeddedDataKey(sqlitePath: string): Buffer {
  const file = join(dirname(sqlitePath), 'data.key');
  if (existsSync(file)) return parseDataKey(readFileSync(file, 'utf8'));
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

/** WORKERS: a count, or `auto` for one per core this process may use. */
function workers(env: NodeJS.ProcessEnv): number {
  const raw = env.WORKERS?.trim();
  if (raw === 'auto') return availableParallelism();
  return int(env, 'WORKERS', 1, 1);
}

/** Reads the configuration from the environment and refuses settings that cannot work. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const url = env.DATABASE_URL?.trim();
  let database: DatabaseConfig;
  if (!url) {
    database = { type: 'sqlite', path: env.SQLITE_PATH || join(process.cwd(), 'data', 'app.sqlite') };
  } else if (/^mysql:\/\//.test(url) || /^mariadb:\/\//.test(url)) {
    database = { type: 'mysql', url: url.replace(/^mariadb:/, 'mysql:'), poolSize: int(env, 'DB_POOL_SIZE', DEFAULT_POOL_SIZE, 1) };
  } else {
    throw new Error(`DATABASE_URL must start with mysql:// (got "${url.split(':')[0]}:…"); leave it unset for the embedded SQLite database`);
  }
  const embedded = database.type === 'sqlite';
  const processes = workers(env);
  if (embedded && processes > 1) {
    // One file, one writer: every write goes through one in-process queue (STACK.md, trap 1), which
    // other processes cannot join; they would meet SQLITE_BUSY or, worse, interleave a hold sweep.
    throw new Error(`WORKERS=${env.WORKERS} needs MySQL (DATABASE_URL): the embedded SQLite database is written by one process only; leave WORKERS unset or 1`);
  }
  // Production never loads the demo unless asked to (its accounts' passwords are in the README).
  const demoData = env.DEMO_DATA !== undefined ? env.DEMO_DATA === 'true' : embedded && !production;

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (production) throw new Error('JWT_SECRET is required when NODE_ENV=production');
    // Development only: tokens stop working when the process restarts, which is acceptable there.
    jwtSecret = randomBytes(32).toString('hex');
  }
  let dataKey: Buffer;
  if (env.DATA_KEY) dataKey = parseDataKey(env.DATA_KEY);
  else if (production) throw new Error('DATA_KEY is required when NODE_ENV=production (32 bytes: `openssl rand -hex 32`)');
  else if (database.type === 'sqlite') dataKey = embeddedDataKey(database.path);
  else throw new Error('DATA_KEY is required with DATABASE_URL: personal data written with one key cannot be read with another (`openssl rand -hex 32`)');
  // The documented demo password only outside production: there the first admin needs ADMIN_PASSWORD.
  const adminPassword = env.ADMIN_PASSWORD || (embedded && demoData && !production ? DEMO_ADMIN_PASSWORD : null);
  if (production) {
    const problems = productionProblems({ jwtSecret, dataKey, adminPassword: env.ADMIN_PASSWORD || null, demoData, allowDemoInProduction: env.ALLOW_DEMO_IN_PRODUCTION === 'true' });
    if (problems.length) throw new Error(`Refusing to start with NODE_ENV=production:\n- ${problems.join('\n- ')}`);
  }

  const port = int(env, 'PORT', 3000, 1);
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl)) throw new Error(`PUBLIC_URL must be an http:// or https:// address, got "${publicUrl}"`);

  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const metricsToken = env.METRICS_TOKEN?.trim() || null;
  // Anyone who can reach the port may try it: a short one is guessable.
  if (metricsToken && metricsToken.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 32`)');

  return {
    production,
    port,
    workers: processes,
    host: env.HOST?.trim() || '127.0.0.1',
    shutdownTimeoutSeconds: int(env, 'SHUTDOWN_TIMEOUT_SECONDS', 20, 1),
    publicUrl,
    database,
    demoData,
    adminPassword,
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 12 * 3600, 60),
    holdTtlSeconds: int(env, 'HOLD_TTL_SECONDS', 48 * 3600, 1),
    holdSweepSeconds: int(env, 'HOLD_SWEEP_SECONDS', 60, 0),
    waitlistOfferHours: int(env, 'WAITLIST_OFFER_HOURS', 24, 1),
    schemaFile: production ? false : join(process.cwd(), 'schema.gql'),
    explorer: true,
    dataKey,
    logLevel,
    metricsToken,
    platformTokenTtlSeconds: int(env, 'PLATFORM_TOKEN_TTL_SECONDS', 900, 60),
    webhookSweepSeconds: int(env, 'WEBHOOK_SWEEP_SECONDS', 5, 0),
    webhookTimeoutSeconds: int(env, 'WEBHOOK_TIMEOUT_SECONDS', 10, 1),
  };
}
