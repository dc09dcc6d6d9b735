import { availableParallelism } from 'node:os';
import { loadConfig } from './app-config.js';

const GOOD_SECRET = '3f9a1c7e5b2d8f4a6c0e9b1d7f3a5c8e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a';
const GOOD_KEY = '7e1c0f3a9b2d4e6f8a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071';

/** A production environment that may start; each test spoils one setting. */
function production(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: 'production', SQLITE_PATH: '/nonexistent/app.sqlite', JWT_SECRET: GOOD_SECRET, DATA_KEY: GOOD_KEY, ADMIN_PASSWORD: 'tall-orange-kettle-river', ...overrides };
}

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig in production', () => {
  it('starts with real secrets, without the demo, and with no built-in admin password', () => {
    const config = loadConfig(production());
    expect(config).toMatchObject({ production: true, demoData: false, adminPassword: 'tall-orange-kettle-river', explorer: true });
    expect(config.jwtSecret).toBe(GOOD_SECRET);
    // On SQLite without ADMIN_PASSWORD the demo admin password is never used (the first start asks for ADMIN_PASSWORD).
    expect(loadConfig(production({ ADMIN_PASSWORD: undefined })).adminPassword).toBeNull();
    expect(loadConfig({ SQLITE_PATH: '/nonexistent/app.sqlite', DATA_KEY: GOOD_KEY })).toMatchObject({ demoData: true, adminPassword: 'admin-demo' });
  });

  it.each([
    ['the compose file placeholder', 'change-me-to-a-long-random-string', 'JWT_SECRET is a published placeholder'],
    ['a known placeholder', 'changeme', 'JWT_SECRET is a published placeholder'],
    ['a long placeholder', 'please-replace-me-with-a-long-random-value-0123456789', 'JWT_SECRET is a published placeholder'],
    ['a short secret', 'k3Jx9q2Lm8Wn4', 'JWT_SECRET must have at least 32 characters (it has 13)'],
    ['a typed secret', 'abababababababababababababababababab', 'JWT_SECRET repeats a few characters'],
  ])('refuses %s as JWT_SECRET', (_case, secret, message) => {
    expect(refusal(production({ JWT_SECRET: secret }))).toContain(message);
  });

  it('refuses a missing JWT_SECRET or DATA_KEY', () => {
    expect(refusal(production({ JWT_SECRET: undefined }))).toBe('JWT_SECRET is required when NODE_ENV=production');
    expect(refusal(production({ DATA_KEY: undefined }))).toContain('DATA_KEY is required when NODE_ENV=production');
  });

  it.each([
    ['all zeros', '0'.repeat(64), 'DATA_KEY is all zeros or otherwise not random'],
    ['two bytes repeated', '01'.repeat(32), 'DATA_KEY is all zeros or otherwise not random'],
    ['16 bytes', GOOD_KEY.slice(0, 32), 'DATA_KEY must be 32 bytes'],
  ])('refuses a DATA_KEY of %s', (_case, key, message) => {
    expect(refusal(production({ DATA_KEY: key }))).toContain(message);
  });

  it.each([
    ['a', 'ADMIN_PASSWORD is refused: The password must have at least 8 characters'],
    ['admin-demo', 'ADMIN_PASSWORD is refused: This password is among the most common'],
    ['change-me-admin-password', 'ADMIN_PASSWORD is refused: This password is among the most common'],
    ['Password2026!', 'ADMIN_PASSWORD is refused: This password is among the most common'],
    ['qwerty123!', 'ADMIN_PASSWORD is refused: This password is among the most common'],
    ['admin2077', 'ADMIN_PASSWORD is refused: The password must not be the username'],
  ])('refuses ADMIN_PASSWORD=%s', (password, message) => {
    expect(refusal(production({ ADMIN_PASSWORD: password }))).toContain(message);
  });

  it('refuses demo data unless ALLOW_DEMO_IN_PRODUCTION=true', () => {
    expect(refusal(production({ DEMO_DATA: 'true' }))).toContain('DEMO_DATA=true loads accounts whose passwords are published');
    expect(refusal(production({ DEMO_DATA: 'true', ALLOW_DEMO_IN_PRODUCTION: 'yes' }))).toContain('DEMO_DATA=true');
    const allowed = loadConfig(production({ DEMO_DATA: 'true', ALLOW_DEMO_IN_PRODUCTION: 'true' }));
    expect(allowed).toMatchObject({ demoData: true, adminPassword: 'tall-orange-kettle-river' });
    // Allowed demo data still needs a real admin password: the built-in one is not given in production.
    expect(loadConfig(production({ DEMO_DATA: 'true', ALLOW_DEMO_IN_PRODUCTION: 'true', ADMIN_PASSWORD: undefined })).adminPassword).toBeNull();
  });

  it('names every bad setting at once, as the compose file of before would have met it', () => {
    const message = refusal(
      production({
        JWT_SECRET: 'change-me-to-a-long-random-string',
        DATA_KEY: '0'.repeat(64),
        ADMIN_PASSWORD: 'change-me-admin-password',
        DEMO_DATA: 'true',
        DATABASE_URL: 'mysql://root@mysql:3306/rr',
      }),
    );
    expect(message.split('\n').map((line) => line.split(' ')[0] + ' ' + line.split(' ')[1])).toEqual(['Refusing to', '- JWT_SECRET', '- DATA_KEY', '- ADMIN_PASSWORD', '- DEMO_DATA=true']);
  });

  it('outside production the same settings still start (development and tests)', () => {
    expect(loadConfig({ JWT_SECRET: 'changeme', DATA_KEY: '0'.repeat(64), DATABASE_URL: 'mysql://root@127.0.0.1:3306/rr', DEMO_DATA: 'true' }).demoData).toBe(true);
  });
});

describe('loadConfig: logs and metrics', () => {
  const dev = (env: Record<string, string> = {}) => ({ DATA_KEY: GOOD_KEY, DATABASE_URL: 'mysql://root@127.0.0.1:3306/rr', ...env });

  it('LOG_LEVEL: info by default, any of pino’s levels, nothing else', () => {
    expect(loadConfig(dev()).logLevel).toBe('info');
    expect(loadConfig(dev({ LOG_LEVEL: 'WARN' })).logLevel).toBe('warn');
    expect(loadConfig(dev({ LOG_LEVEL: 'silent' })).logLevel).toBe('silent');
    expect(refusal(dev({ LOG_LEVEL: 'verbose' }))).toMatch(/^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  });

  it('METRICS_TOKEN: none by default (open in development, closed in production); a short one is refused', () => {
    expect(loadConfig(dev()).metricsToken).toBeNull();
    expect(loadConfig(production()).metricsToken).toBeNull();
    expect(loadConfig(production({ METRICS_TOKEN: ' 0123456789abcdef0123 ' })).metricsToken).toBe('0123456789abcdef0123');
    expect(refusal(dev({ METRICS_TOKEN: 'short' }))).toMatch(/^METRICS_TOKEN must be at least 16 characters/);
  });
});

describe('loadConfig: processes and the database pool', () => {
  const mysql = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/rr', DATA_KEY: GOOD_KEY };

  it('one process and a pool of 8 by default; WORKERS=auto is one per core', () => {
    const config = loadConfig(mysql);
    expect(config.workers).toBe(1);
    expect(config.database).toMatchObject({ type: 'mysql', poolSize: 8 });
    expect(loadConfig({ ...mysql, WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(loadConfig({ ...mysql, WORKERS: '3', DB_POOL_SIZE: '4' })).toMatchObject({ workers: 3, database: { poolSize: 4 } });
  });

  it('refuses more than one process on the embedded SQLite file, and counts that are not counts', () => {
    expect(refusal({ SQLITE_PATH: '/nonexistent/app.sqlite', DATA_KEY: GOOD_KEY, WORKERS: '2' })).toMatch(/WORKERS=2 needs MySQL \(DATABASE_URL\)/);
    expect(loadConfig({ SQLITE_PATH: '/nonexistent/app.sqlite', DATA_KEY: GOOD_KEY, WORKERS: '1' }).workers).toBe(1);
    expect(refusal({ ...mysql, WORKERS: '0' })).toMatch(/WORKERS must be an integer ≥ 1/);
    expect(refusal({ ...mysql, DB_POOL_SIZE: 'many' })).toMatch(/DB_POOL_SIZE must be an integer ≥ 1/);
  });
});
