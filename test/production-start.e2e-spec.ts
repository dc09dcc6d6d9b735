import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the API's entry point (apps/api/src/main.ts, through tsx) as its own process; its exit code and output. */
function startApi(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
      // Only what is given: no DATABASE_URL or JWT_SECRET leaks in from the test run.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', SQLITE_PATH: join(tmpdir(), `rr-prod-${process.pid}.sqlite`), PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('production start-up', () => {
  it('refuses to start with the compose file placeholder JWT_SECRET, naming it, and exits non-zero', async () => {
    const { code, output } = await startApi({
      NODE_ENV: 'production',
      JWT_SECRET: 'change-me-to-a-long-random-string',
      DATA_KEY: '7e1c0f3a9b2d4e6f8a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071',
      ADMIN_PASSWORD: 'tall-orange-kettle-river',
    });
    expect(code).toBe(1);
    expect(output).toContain('Refusing to start with NODE_ENV=production:\n- JWT_SECRET is a published placeholder: generate one with `openssl rand -hex 32`');
    // Only the bad setting is named, and nothing was listening or loaded.
    expect(output).not.toMatch(/DATA_KEY|ADMIN_PASSWORD|DEMO_DATA|GraphQL at/);
  });

  it('refuses the old compose file as a whole: every bad setting in one message', async () => {
    const { code, output } = await startApi({
      NODE_ENV: 'production',
      JWT_SECRET: 'change-me-to-a-long-random-string',
      DATA_KEY: '0'.repeat(64),
      ADMIN_PASSWORD: 'a',
      DEMO_DATA: 'true',
    });
    expect(code).toBe(1);
    for (const setting of ['- JWT_SECRET', '- DATA_KEY', '- ADMIN_PASSWORD', '- DEMO_DATA=true']) expect(output).toContain(setting);
  });
});
