// The console's first load, measured in Debian's chromium against the built API (its own process,
// NODE_ENV=production, SQLite with the demo), beside a bare reference measured in the same run: the
// same bundle's bytes (an HTML page, a script and a stylesheet of the same sizes, doing nothing)
// served by a bare node:http server. Cold loads (a new browser context each, nothing cached), on the
// machine's own network and CPU and on a phone-like profile (CDP: 1.6 Mbit/s, 150 ms round trip,
// CPU 4× slower).
//
//   npm run bench:console            (BENCH_ROUNDS=7 for more rounds; medians are printed)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONSOLE = resolve('dist/console');
const ADMIN_PASSWORD = `bench-${randomBytes(6).toString('hex')}-Pw`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// --- the bundle ----------------------------------------------------------------------------------
const files = readdirSync(CONSOLE)
  .filter((name) => !name.endsWith('.gz'))
  .map((name) => {
    const bytes = readFileSync(join(CONSOLE, name));
    return { name, bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
console.log('bundle (dist/console):');
for (const f of files) console.log(`  ${f.name.padEnd(24)} ${String(f.bytes).padStart(7)} B   ${String(f.gzip).padStart(6)} B gzipped`);
const total = files.reduce((s, f) => ({ bytes: s.bytes + f.bytes, gzip: s.gzip + f.gzip }), { bytes: 0, gzip: 0 });
console.log(`  ${'total'.padEnd(24)} ${String(total.bytes).padStart(7)} B   ${String(total.gzip).padStart(6)} B gzipped`);

// --- the API, built, in its own process ------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'rr-console-bench-'));
const port = 30000 + Math.floor(Math.random() * 20000);
const api = spawn(process.execPath, [resolve('dist/apps/api/src/main.js')], {
  cwd: dir,
  env: {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    SQLITE_PATH: join(dir, 'app.sqlite'),
    DEMO_DATA: 'true',
    ALLOW_DEMO_IN_PRODUCTION: 'true',
    ADMIN_PASSWORD,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_KEY: randomBytes(32).toString('hex'),
    CONSOLE_DIR: CONSOLE,
    LOG_LEVEL: 'error',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const apiUrl = `http://127.0.0.1:${port}`;
for (const end = Date.now() + 240_000; ;) {
  if (
    await fetch(`${apiUrl}/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (Date.now() > end || api.exitCode !== null) throw new Error('the API did not start');
  await new Promise((r) => setTimeout(r, 250));
}

// --- the bare reference: the same bytes, no application ------------------------------------------
// The same page with the sign-in field written in, the same stylesheet, and the same script inside
// `if (false) { … }` (downloaded and parsed, never run), gzipped as the API sends them.
const html = readFileSync(join(CONSOLE, 'index.html'), 'utf8');
const js = files.find((f) => f.name.endsWith('.js'));
const css = files.find((f) => f.name.endsWith('.css'));
const gz = (text) => gzipSync(Buffer.from(text), { level: 9 });
const bareFiles = {
  [`/console/${js.name}`]: ['text/javascript', gz(`if (false) {\n${readFileSync(join(CONSOLE, js.name), 'utf8')}\n}`)],
  [`/console/${css.name}`]: ['text/css', gz(readFileSync(join(CONSOLE, css.name), 'utf8'))],
  '/console': ['text/html; charset=utf-8', gz(html.replace('<div id="app"></div>', '<div id="app"><form><input name="username" /></form></div>'))],
};
const bare = createServer((req, res) => {
  const [type, body] = bareFiles[req.url] ?? bareFiles['/console'];
  res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip' }).end(body);
}).listen(0, '127.0.0.1');
await new Promise((r) => bare.once('listening', r));
const bareUrl = `http://127.0.0.1:${bare.address().port}`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });

/** One cold load: ms from navigation to the sign-in field on screen (and first contentful paint). */
async function coldLoad(origin, phone) {
  const context = await browser.newContext({ viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (phone) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(`${origin}/console`, { waitUntil: 'commit' });
  await page.locator('input[name=username]').waitFor();
  // Ready: the page's scripts have run (DOMContentLoaded follows module scripts; the console's
  // render is synchronous, so its sign-in field is there by then, as the bare page's is).
  await page.waitForLoadState('domcontentloaded');
  const timing = await page.evaluate(
    `(() => ({ ready: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null }))()`,
  );
  let signedIn = null;
  if (origin === apiUrl) {
    await page.fill('input[name=username]', 'operator');
    await page.fill('input[name=password]', 'demo1234');
    const started = Date.now();
    await page.click('[data-testid=sign-in] button[type=submit]');
    await page.locator('.heatmap .heat').first().waitFor();
    signedIn = Date.now() - started;
  }
  await context.close();
  return { ...timing, signedIn };
}

try {
  for (const phone of [false, true]) {
    const app = [];
    const ref = [];
    for (let i = 0; i < ROUNDS; i++) {
      ref.push(await coldLoad(bareUrl, phone));
      app.push(await coldLoad(apiUrl, phone));
    }
    const m = (xs, k) => median(xs.map((x) => x[k]));
    console.log(`\n${phone ? 'phone-like (1.6 Mbit/s, 150 ms RTT, CPU ÷4)' : 'laptop (loopback, this machine)'}: medians of ${ROUNDS} cold loads`);
    console.log(`  bare reference: sign-in field at ${m(ref, 'ready').toFixed(0)} ms (first paint ${paint(m(ref, 'fcp'))})`);
    console.log(`  the console:    sign-in field at ${m(app, 'ready').toFixed(0)} ms (first paint ${paint(m(app, 'fcp'))}); signed in to the drawn bed calendar in ${m(app, 'signedIn')} ms`);
    console.log(`  ratio (reference ÷ console, 1.0 = as fast as serving the bytes bare): ${(m(ref, 'ready') / m(app, 'ready')).toFixed(2)}`);
  }
} finally {
  await browser.close();
  bare.close();
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}

/** A first paint in ms, or why there is none (headless chromium does not always record one). */
function paint(ms) {
  return ms == null ? 'not recorded' : `${ms.toFixed(0)} ms`;
}
